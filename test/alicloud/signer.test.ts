import {
  canonicalizedQuery,
  formEncode,
  percentEncode,
  rpcTimestamp,
  signParams,
  signature,
  signedParameters,
  stringToSign,
} from "../../provider/alicloud/signer";
import { encodingCases, rpcVectors } from "./signer.fixture";

describe.each(rpcVectors)("RPC v1 vector: $name", (v) => {
  const canonical = canonicalizedQuery(v.params);

  it("builds the string to sign", () => {
    if (v.stringToSign) expect(stringToSign(v.method, canonical)).toBe(v.stringToSign);
    if (v.canonicalContains) expect(canonical).toContain(v.canonicalContains);
  });

  it("signs", () => {
    expect(signature(v.secret, stringToSign(v.method, canonical))).toBe(v.signature);
    expect(signParams(v.method, v.params, v.secret)).toBe(v.signature);
  });

  it("ignores a Signature parameter already present", () => {
    expect(signParams(v.method, { ...v.params, Signature: "x" }, v.secret)).toBe(v.signature);
  });
});

it.each(encodingCases)("percent-encodes %j as %j", (raw, encoded) => {
  expect(percentEncode(raw)).toBe(encoded);
});

it("sorts by the encoded key", () => {
  expect(canonicalizedQuery({ b: "1", a: "2", B: "3", "a b": "4" })).toBe("B=3&a=2&a%20b=4&b=1");
});

it("formats Timestamp in UTC without milliseconds", () => {
  expect(rpcTimestamp(Date.UTC(2023, 10, 14, 22, 13, 20, 987))).toBe("2023-11-14T22:13:20Z");
});

it("adds the common parameters and a signature that verifies", () => {
  const params = signedParameters(
    { Action: "CreateBackup", InstanceId: "r-bp1zxszhcgatnx****", RegionId: "cn-hangzhou" },
    {
      method: "POST",
      accessKeyId: "testid",
      accessKeySecret: "testsecret",
      securityToken: "sts-token",
      timestamp: Date.UTC(2023, 10, 14, 22, 13, 20),
      nonce: "n-1",
    },
  );
  expect(params).toMatchObject({
    AccessKeyId: "testid",
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: "n-1",
    Timestamp: "2023-11-14T22:13:20Z",
    SecurityToken: "sts-token",
  });
  expect(params.Signature).toBe(signParams("POST", params, "testsecret"));
  // The form body decodes back to exactly the signed values.
  const decoded = Object.fromEntries(new URLSearchParams(formEncode(params)));
  expect(decoded).toEqual(params);
});

it("any change to a value changes the signature", () => {
  const v = rpcVectors[2];
  expect(signParams("POST", { ...v.params, InstanceId: "r-other" }, v.secret)).not.toBe(v.signature);
});
