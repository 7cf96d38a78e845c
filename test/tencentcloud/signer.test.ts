import { createHash } from "crypto";
import {
  canonicalRequest,
  credentialScope,
  hashedPayload,
  signTc3,
  tc3Signature,
} from "../../provider/tencentcloud/signer";
import { parseTc3Authorization } from "../../emulator/tencentcloud/authorization";
import { tc3Vectors } from "./signer.fixture";

describe.each(tc3Vectors)("TC3 vector $name", (v) => {
  it("hashes the payload", () => expect(hashedPayload(v.request.payload)).toBe(v.payloadHash));
  it("builds the canonical request", () =>
    expect(createHash("sha256").update(canonicalRequest(v.request)).digest("hex")).toBe(
      v.canonicalRequestHash,
    ));
  it("derives the credential scope", () =>
    expect(credentialScope(v.request.timestamp, v.request.service)).toBe(v.credentialScope));
  it("signs", () => expect(tc3Signature(v.request)).toBe(v.signature));
  it("builds an Authorization header that parses back", () => {
    const header = signTc3(v.request);
    if (v.authorization) expect(header).toBe(v.authorization);
    expect(parseTc3Authorization(header)).toEqual({
      secretId: v.request.secretId,
      date: v.credentialScope.slice(0, 10),
      service: v.request.service,
      signedHeaders: v.request.action ? "content-type;host;x-tc-action" : "content-type;host",
      signature: v.signature,
    });
  });
});

it("any change to the body changes the signature", () => {
  const base = tc3Vectors[3].request;
  expect(tc3Signature({ ...base, payload: base.payload.replace("7", "8") })).not.toBe(
    tc3Vectors[3].signature,
  );
});

it("rejects Authorization headers of another scheme", () => {
  expect(parseTc3Authorization("Basic abc")).toBeUndefined();
});
