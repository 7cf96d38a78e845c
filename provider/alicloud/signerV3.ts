/**
 * Alibaba Cloud's request syntax and signature method V3 (ACS3-HMAC-SHA256), as small pure
 * functions. Time and nonce are always inputs; nothing here reads the clock, the environment or a
 * random source.
 *
 * Reference: "Request syntax and signature method V3", https://help.aliyun.com/document_detail/2593177.html
 * (https://www.alibabacloud.com/help/en/doc-detail/2593177.htm), checked against
 * @alicloud/openapi-core (darabonba-openapi ts/src/utils.ts getAuthorization); the vendor's own
 * worked example is the test vector in test/alicloud/signer.fixture.ts. Alibaba's V2 page
 * (alibabacloud.com/help/doc-detail/25488.htm) says: "The request syntax and signature method V2
 * are discontinued. Use the request syntax and signature method V3." (vendor-research.md §7).
 */
import { createHash, createHmac } from "crypto";
import { percentEncode } from "./signer";

/** The V3 signature's algorithm name, the first word of the Authorization header. */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** SHA-256 of an empty body, the payload hash of every R-KVStore call (all parameters ride in the query). */
export const EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Lowercase hex SHA-256. */
export const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** Query parameters sorted by name, names and values RFC 3986-encoded, `k=v` joined by `&` ("" when none). */
export function canonicalQueryString(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/**
 * Whether a header must be signed: "除Authorization外的所有RequestHeader，只要符合要求都必须被加入签名"
 * (every request header but Authorization that qualifies must be signed), where the ones that
 * qualify are those starting `x-acs-`, `host` and `content-type`.
 */
export function isSignedHeader(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith("x-acs-") || n === "host" || n === "content-type";
}

/** The headers to sign, lowercased and trimmed, sorted by name. */
function signedHeaderEntries(headers: Record<string, string>): [string, string][] {
  return Object.entries(headers)
    .filter(([name]) => isSignedHeader(name))
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `name:value\n` for each signed header. */
export function canonicalHeaders(headers: Record<string, string>): string {
  return signedHeaderEntries(headers)
    .map(([n, v]) => `${n}:${v}\n`)
    .join("");
}

/** The signed headers' names, `;`-joined. */
export function signedHeaderNames(headers: Record<string, string>): string {
  return signedHeaderEntries(headers)
    .map(([n]) => n)
    .join(";");
}

/** What a V3 signature covers. */
export interface Acs3Request {
  method: string;
  /** `/` for RPC-style APIs ("RPC风格API使用正斜杠(/)作为CanonicalURI"). */
  canonicalUri: string;
  query: Record<string, string>;
  /** Every header to send but Authorization; the signable ones are signed. */
  headers: Record<string, string>;
  /** Lowercase hex SHA-256 of the body (x-acs-content-sha256). */
  payloadHash: string;
}

/** Method, URI, query, headers, their names and the payload hash, one per line. */
export function canonicalRequest(r: Acs3Request): string {
  return [
    r.method.toUpperCase(),
    r.canonicalUri,
    canonicalQueryString(r.query),
    canonicalHeaders(r.headers),
    signedHeaderNames(r.headers),
    r.payloadHash,
  ].join("\n");
}

/** `ACS3-HMAC-SHA256\n<hex SHA-256 of the canonical request>`: no date or scope line, unlike TC3. */
export function stringToSign(r: Acs3Request): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest(r))}`;
}

/** Lowercase hex HMAC-SHA256 keyed with the AccessKey secret itself. */
export function acs3Signature(accessKeySecret: string, toSign: string): string {
  return createHmac("sha256", accessKeySecret).update(toSign, "utf8").digest("hex");
}

/** `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>` (no spaces after the commas). */
export function acs3Authorization(r: Acs3Request, accessKeyId: string, accessKeySecret: string): string {
  return (
    `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaderNames(r.headers)},` +
    `Signature=${acs3Signature(accessKeySecret, stringToSign(r))}`
  );
}
