/**
 * Verifies an Alibaba Cloud RPC request the way the POP gateway does: the parameters from the query
 * string and the form body together, the common parameters, the timestamp (±15 minutes of the
 * gateway's clock), the AccessKeyId, the RPC v1 (HMAC-SHA1) signature recomputed from the
 * parameters as received, the nonce (never twice), and the STS token.
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

/** Verifies everything but the action's own parameters; throws the error the gateway answers. */
export function verifyRpcRequest(
  req: RawRpcRequest,
  params: Params,
  o: {
    credentials: readonly AlicloudCredential[];
    /** Milliseconds since the epoch on the gateway's (signing) clock. */
    serverNowMs: number;
    nonces: NonceStore;
  },
): VerifiedRpcRequest {
  const authorization = req.headers.authorization;
  if (params.Signature === undefined && typeof authorization === "string") {
    // V3 (ACS3-HMAC-SHA256): Action and Version travel as x-acs-* headers, the signature in Authorization.
    throw AlicloudErrors.incompleteSignature(
      `Authorization ${authorization.split(" ")[0]}: the emulator verifies RPC signature v1 (HMAC-SHA1) only; ` +
        'with @alicloud/openapi-core or openapi-client set signatureAlgorithm: "v2"',
    );
  }
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
  const timestamp = parseSeconds(params.Timestamp);
  if (timestamp === undefined) throw AlicloudErrors.timestampFormat(params.Timestamp);
  const drift = timestamp - o.serverNowMs;
  if (Math.abs(drift) > MAX_CLOCK_DIFFERENCE_MS) {
    throw AlicloudErrors.timestampExpired(
      `Timestamp ${params.Timestamp} is ${Math.round(drift / 1000)} s from the server clock ` +
        `${new Date(o.serverNowMs).toISOString()} (limit ±${MAX_CLOCK_DIFFERENCE_MS / 1000} s)`,
    );
  }
  const credential = o.credentials.find((c) => c.accessKeyId === params.AccessKeyId);
  if (!credential) throw AlicloudErrors.accessKeyNotFound();

  const toSign = stringToSign(req.method, canonicalizedQuery(params));
  if (!sameBase64(signature(credential.accessKeySecret, toSign), params.Signature)) {
    throw AlicloudErrors.signatureDoesNotMatch(toSign);
  }
  if (!o.nonces.use(credential.accessKeyId, params.SignatureNonce, o.serverNowMs)) {
    throw AlicloudErrors.nonceUsed(params.SignatureNonce);
  }
  const token = params.SecurityToken;
  if (credential.securityToken !== undefined && token !== credential.securityToken) {
    throw AlicloudErrors.securityTokenMismatch(
      token === undefined ? "SecurityToken is required for this AccessKeyId" : "wrong SecurityToken",
    );
  }
  if (credential.securityToken === undefined && token) {
    throw AlicloudErrors.securityTokenMismatch("SecurityToken sent with a permanent AccessKey");
  }
  return { action, version, accessKeyId: credential.accessKeyId, params };
}

function sameBase64(expected: string, given: string): boolean {
  const x = Buffer.from(expected, "utf8");
  const y = Buffer.from(given, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
