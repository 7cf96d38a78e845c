/**
 * Verifies an Alibaba Cloud RPC request the way the POP gateway does, in either signature: V3
 * (ACS3-HMAC-SHA256, an `Authorization` header; authV3.ts), or the RPC signature v1 (HMAC-SHA1, a
 * `Signature` parameter): the parameters from the query string and the form body together, the
 * common parameters, the timestamp (±15 minutes of the gateway's clock), the AccessKeyId, the
 * signature recomputed from the request as received, the nonce (never twice), and the STS token.
 */
import { timingSafeEqual } from "crypto";
import type { IncomingHttpHeaders } from "http";
import { canonicalizedQuery, signature, stringToSign } from "../../provider/alicloud/signer";
import { AlicloudErrors } from "./errors";
import type { AlicloudCredential } from "./seeds";
import { parseSeconds } from "./time";

/** The gateway's timestamp tolerance (the usual statement: 15 minutes; unverified). */
export const MAX_CLOCK_DIFFERENCE_MS = 15 * 60_000;

/** A request's parameters, query and form body merged (the body wins on a repeated name). */
export type Params = Record<string, string>;

/** A request as it reached the Alibaba vendor, before its parameters are read. */
export interface RawRpcRequest {
  method: string;
  /** Path and query, as the vendor sees them (the `/alicloud` prefix already removed). */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The parameters of a request, or the error its shape earns. */
export function requestParams(req: RawRpcRequest): Params {
  if (req.method !== "POST" && req.method !== "GET") throw AlicloudErrors.unsupportedMethod(req.method);
  const q = req.path.indexOf("?");
  const params: Params = q < 0 ? {} : Object.fromEntries(new URLSearchParams(req.path.slice(q + 1)));
  const text = req.body.toString("utf8");
  if (text.trim() !== "") {
    const contentType = String(req.headers["content-type"] ?? "");
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
      throw AlicloudErrors.invalidParameter(
        "Content-Type",
        `body with Content-Type ${contentType || "(none)"}; RPC bodies are application/x-www-form-urlencoded`,
      );
    }
    Object.assign(params, Object.fromEntries(new URLSearchParams(text)));
  }
  return params;
}

/** Remembers nonces for as long as a timestamp carrying them could be accepted. */
export class NonceStore {
  private readonly seen = new Map<string, number>();

  /** False when `nonce` was used by this key within the window; records it otherwise. */
  use(accessKeyId: string, nonce: string, nowMs: number): boolean {
    if (this.seen.size > 10_000) {
      for (const [k, until] of this.seen) if (until <= nowMs) this.seen.delete(k);
    }
    const key = `${accessKeyId}\n${nonce}`;
    const until = this.seen.get(key);
    if (until !== undefined && until > nowMs) return false;
    this.seen.set(key, nowMs + 2 * MAX_CLOCK_DIFFERENCE_MS);
    return true;
  }
}

/** A request that passed verification (either signature): its Action, Version, AccessKeyId and parameters. */
export interface VerifiedRpcRequest {
  action: string;
  version: string;
  accessKeyId: string;
  params: Params;
}

const REQUIRED_COMMON = [
  "Format",
  "AccessKeyId",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "Timestamp",
  "Signature",
] as const;

/** What every signature's verification is given. */
export interface VerifyOptions {
  credentials: readonly AlicloudCredential[];
  /** Milliseconds since the epoch on the gateway's (signing) clock. */
  serverNowMs: number;
  nonces: NonceStore;
}

/** The time a request was signed at, checked against the gateway's clock (±15 minutes). */
export function checkTimestamp(name: string, value: string, serverNowMs: number): void {
  const timestamp = parseSeconds(value);
  if (timestamp === undefined) throw AlicloudErrors.timestampFormat(name, value);
  const drift = timestamp - serverNowMs;
  if (Math.abs(drift) > MAX_CLOCK_DIFFERENCE_MS) {
    throw AlicloudErrors.timestampExpired(
      `${name} ${value} is ${Math.round(drift / 1000)} s from the server clock ` +
        `${new Date(serverNowMs).toISOString()} (limit ±${MAX_CLOCK_DIFFERENCE_MS / 1000} s)`,
    );
  }
}

/** The key pair of `accessKeyId`, or the gateway's InvalidAccessKeyId.NotFound. */
export function credentialOf(accessKeyId: string, o: VerifyOptions): AlicloudCredential {
  const credential = o.credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credential) throw AlicloudErrors.accessKeyNotFound();
  return credential;
}

/** Once the signature verified: the nonce is new for this key, and an STS key came with its token (and only it). */
export function checkNonceAndToken(
  credential: AlicloudCredential,
  nonce: string,
  token: string | undefined,
  o: VerifyOptions,
): void {
  if (!o.nonces.use(credential.accessKeyId, nonce, o.serverNowMs)) throw AlicloudErrors.nonceUsed(nonce);
  if (credential.securityToken !== undefined && token !== credential.securityToken) {
    throw AlicloudErrors.securityTokenMismatch(
      token === undefined ? "SecurityToken is required for this AccessKeyId" : "wrong SecurityToken",
    );
  }
  if (credential.securityToken === undefined && token) {
    throw AlicloudErrors.securityTokenMismatch("SecurityToken sent with a permanent AccessKey");
  }
}

/** RPC v1 (HMAC-SHA1): the common parameters and `Signature` travel with the business ones. */
export function verifyRpcRequest(req: RawRpcRequest, params: Params, o: VerifyOptions): VerifiedRpcRequest {
  const action = params.Action;
  if (!action) throw AlicloudErrors.missingParameter("Action");
  const version = params.Version;
  if (!version) throw AlicloudErrors.missingParameter("Version");
  for (const name of REQUIRED_COMMON) if (!params[name]) throw AlicloudErrors.missingParameter(name);
  if (params.Format.toUpperCase() !== "JSON") {
    throw AlicloudErrors.invalidParameter(
      "Format",
      `Format ${params.Format}; the emulator answers JSON only`,
    );
  }
  if (params.SignatureMethod !== "HMAC-SHA1" || params.SignatureVersion !== "1.0") {
    throw AlicloudErrors.incompleteSignature(
      `SignatureMethod ${params.SignatureMethod}, SignatureVersion ${params.SignatureVersion}; expected HMAC-SHA1 and 1.0`,
    );
  }
  checkTimestamp("Timestamp", params.Timestamp, o.serverNowMs);
  const credential = credentialOf(params.AccessKeyId, o);
  const toSign = stringToSign(req.method, canonicalizedQuery(params));
  if (!sameText(signature(credential.accessKeySecret, toSign), params.Signature)) {
    throw AlicloudErrors.signatureDoesNotMatch(toSign);
  }
  checkNonceAndToken(credential, params.SignatureNonce, params.SecurityToken, o);
  return { action, version, accessKeyId: credential.accessKeyId, params };
}

/** Constant-time comparison of two signatures as text. */
export function sameText(expected: string, given: string): boolean {
  const x = Buffer.from(expected, "utf8");
  const y = Buffer.from(given, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
