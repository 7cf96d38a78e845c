/**
 * Reading a TC3 Authorization header, as the API 3.0 gateway does before it checks the signature.
 * The emulator's alone: the provider only ever writes these headers (provider/tencentcloud/signer.ts).
 */

/** The parts of an Authorization header, or undefined when it is not a TC3 header. */
export interface ParsedTc3Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string;
  signature: string;
}

/** Parses a TC3 Authorization header; undefined when it is not one. */
export function parseTc3Authorization(header: string): ParsedTc3Authorization | undefined {
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!m) return undefined;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4], signature: m[5] };
}
