/**
 * TC3-HMAC-SHA256, Tencent Cloud API 3.0 signing, as small pure functions.
 * Time is always an input; nothing here reads the clock or the environment.
 * Reference: Tencent "Signature v3" documentation (vectors in test/tencentcloud/signer.fixture.ts).
 */
import { createHash, createHmac } from "crypto";

/** The TC3 signature's algorithm name. */
export const TC3_ALGORITHM = "TC3-HMAC-SHA256";

/** Everything that determines a TC3 signature. */
export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** Host header value exactly as sent, without port. */
  host: string;
  /** Signing service: the first DNS label of the vendor host (`redis`), whatever host is dialled. */
  service: string;
  contentType: string;
  /** The exact body bytes sent on the wire. */
  payload: string;
  /** Unix seconds. */
  timestamp: number;
  /** When set, `x-tc-action` is signed too (the variant of the current official demo). */
  action?: string;
}

const sha256Hex = (data: string): string => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer =>
  createHmac("sha256", key).update(data, "utf8").digest();

/** UTC date of a Unix timestamp, `YYYY-MM-DD`, as used in the credential scope. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** `<date>/<service>/tc3_request`. */
export function credentialScope(timestamp: number, service: string): string {
  return `${tc3Date(timestamp)}/${service}/tc3_request`;
}

/** Lowercase hex SHA-256 of the body. */
export function hashedPayload(payload: string): string {
  return sha256Hex(payload);
}

/** The names of the signed headers, `content-type;host` (and `x-tc-action` in the demo's variant). */
export function signedHeaders(req: Pick<Tc3Request, "action">): string {
  return req.action === undefined ? "content-type;host" : "content-type;host;x-tc-action";
}

/** The signed headers, `name:value\n` each. */
export function canonicalHeaders(req: Pick<Tc3Request, "contentType" | "host" | "action">): string {
  let headers = `content-type:${req.contentType}\nhost:${req.host}\n`;
  if (req.action !== undefined) headers += `x-tc-action:${req.action.toLowerCase()}\n`;
  return headers;
}

/** The canonical request TC3 hashes. */
export function canonicalRequest(
  req: Pick<Tc3Request, "contentType" | "host" | "action" | "payload">,
): string {
  return ["POST", "/", "", canonicalHeaders(req), signedHeaders(req), hashedPayload(req.payload)].join("\n");
}

/** What the signing key signs: algorithm, timestamp, scope and the hashed canonical request. */
export function stringToSign(req: Omit<Tc3Request, "secretId" | "secretKey">): string {
  return [
    TC3_ALGORITHM,
    String(req.timestamp),
    credentialScope(req.timestamp, req.service),
    sha256Hex(canonicalRequest(req)),
  ].join("\n");
}

/** The key derived from the secret, the date and the service. */
export function signingKey(secretKey: string, timestamp: number, service: string): Buffer {
  const kDate = hmac(`TC3${secretKey}`, tc3Date(timestamp));
  const kService = hmac(kDate, service);
  return hmac(kService, "tc3_request");
}

/** The hex signature of a request. */
export function tc3Signature(req: Tc3Request): string {
  return createHmac("sha256", signingKey(req.secretKey, req.timestamp, req.service))
    .update(stringToSign(req), "utf8")
    .digest("hex");
}

/** The Authorization header value for a request. */
export function signTc3(req: Tc3Request): string {
  return (
    `${TC3_ALGORITHM} Credential=${req.secretId}/${credentialScope(req.timestamp, req.service)}, ` +
    `SignedHeaders=${signedHeaders(req)}, Signature=${tc3Signature(req)}`
  );
}
