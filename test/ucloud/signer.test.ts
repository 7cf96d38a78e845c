import { createHash } from "crypto";
import {
  encodeForm,
  flattenParams,
  formatNumber,
  signParams,
  signature,
  stringToSign,
  withCredentialParams,
} from "../../provider/ucloud/signer";
import { ucloudSignatureVectors } from "../fixtures/ucloud/signatures";

describe.each(ucloudSignatureVectors)("UCloud vector: $name", (v) => {
  const credential = { publicKey: v.publicKey, privateKey: v.privateKey, securityToken: v.securityToken };
  const flat = withCredentialParams(flattenParams(v.params), credential);

  if (v.stringToSign) {
    it("builds the string to sign", () => expect(stringToSign(flat, v.privateKey)).toBe(v.stringToSign));
  }
  it("signs", () => expect(signature(flat, v.privateKey)).toBe(v.signature));
  it("sends the parameters it signed, PublicKey and Signature added", () => {
    const sent = signParams(v.params, credential);
    expect(sent.Signature).toBe(v.signature);
    expect(sent.PublicKey).toBe(v.publicKey);
    expect(sent.SecurityToken).toBe(v.securityToken);
    // What a server decodes from the form is exactly what was signed.
    const decoded = Object.fromEntries(new URLSearchParams(encodeForm(sent)));
    expect(decoded).toEqual(sent);
    const { Signature, ...rest } = decoded;
    expect(signature(rest, v.privateKey)).toBe(Signature);
  });
});

it("is plain SHA1 of the string to sign, lowercase hex", () => {
  const flat = { Action: "X", PublicKey: "p" };
  expect(signature(flat, "k")).toBe(createHash("sha1").update("ActionXPublicKeypk").digest("hex"));
});

it("sends and signs booleans, numbers and lists byte-identically", () => {
  const flat = flattenParams({
    IsBoot: true,
    Deleted: false,
    Size: 42.0,
    Ratio: 42.1,
    Big: 1e21,
    Small: 1e-7,
    Ids: ["a", "b"],
    Disks: [{ IsBoot: true, Size: 20 }],
    Skipped: undefined,
    Empty: "",
  });
  expect(flat).toEqual({
    IsBoot: "true",
    Deleted: "false",
    Size: "42",
    Ratio: "42.1",
    Big: "1000000000000000000000",
    Small: "0.0000001",
    "Ids.0": "a",
    "Ids.1": "b",
    "Disks.0.IsBoot": "true",
    "Disks.0.Size": "20",
  });
  const sent = signParams({ Action: "A", IsBoot: true }, { publicKey: "p", privateKey: "k" });
  expect(encodeForm(sent)).toContain("IsBoot=true");
  expect(stringToSign(sent, "k")).toBe("ActionAIsBoottruePublicKeyp" + "k");
});

it("writes numbers without exponent or trailing zero", () => {
  expect([0, -3, 42, 42.5, -1.5e-8, 2.5e22].map(formatNumber)).toEqual([
    "0",
    "-3",
    "42",
    "42.5",
    "-0.000000015",
    "25000000000000000000000",
  ]);
  expect(() => formatNumber(NaN)).toThrow(RangeError);
});

it("sorts keys by byte order, as Go does (uppercase before lowercase)", () => {
  expect(stringToSign({ b: "1", B: "2", a: "3", "A.1": "4", A: "5" }, "")).toBe("A5A.14B2a3b1");
});

it("any change to a value changes the signature", () => {
  const v = ucloudSignatureVectors[3];
  const credential = { publicKey: v.publicKey, privateKey: v.privateKey };
  expect(signParams({ ...v.params, BackupName: "pulumi_backup02" }, credential).Signature).not.toBe(
    v.signature,
  );
});
