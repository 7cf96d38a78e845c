/**
 * Alibaba Cloud RPC signature v1 (HMAC-SHA1), as small pure functions. Time and nonce are always
 * inputs; nothing here reads the clock, the environment or a random source.
 * Reference: Alibaba's "RPC signature" documentation, `@alicloud/openapi-util` getRPCSignature and
 * `@alicloud/pop-core` (vectors in test/alicloud/signer.fixture.ts).
 */
import { createHmac } from "crypto";

/** The RPC v1 signature's method parameter. */
export const SIGNATURE_METHOD = "HMAC-SHA1";
/** The RPC v1 signature's version parameter. */
export const SIGNATURE_VERSION = "1.0";

/** Parameter values as signed: every value is a string on the wire. */
export type RpcParams = Record<string, string>;

/**
 * RFC 3986 percent-encoding as the RPC signature wants it: `encodeURIComponent`, then the five
 * characters it leaves alone that RFC 3986 reserves (`!'()*`). Space is `%20`, `~` stays.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Every parameter but `Signature`, encoded, sorted by encoded key (plain code-unit order), `k=v&...`. */
export function canonicalizedQuery(params: RpcParams): string {
  return Object.entries(params)
    .filter(([k]) => k !== "Signature")
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** `METHOD&%2F&<encode(canonicalized)>`. */
export function stringToSign(method: string, canonicalized: string): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalized)}`;
}

/** base64(HMAC-SHA1(key = secret + "&", stringToSign)). */
export function signature(accessKeySecret: string, toSign: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(toSign, "utf8").digest("base64");
}

/** The signature of a request's parameters (all of them, query and body together). */
export function signParams(method: string, params: RpcParams, accessKeySecret: string): string {
  return signature(accessKeySecret, stringToSign(method, canonicalizedQuery(params)));
}

/** UTC `YYYY-MM-DDThh:mm:ssZ`, no milliseconds: the `Timestamp` parameter. */
export function rpcTimestamp(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** What varies per request: who signs, when, with which nonce. */
export interface RpcSigningInput {
  method: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** Milliseconds since the epoch (the server's time, as well as we know it). */
  timestamp: number;
  /** Unique per request, retries included. */
  nonce: string;
}

/**
 * The business parameters plus the common ones (AccessKeyId, SignatureMethod, SignatureVersion,
 * SignatureNonce, Timestamp, SecurityToken when set) and `Signature`, ready to be form-encoded.
 */
export function signedParameters(business: RpcParams, o: RpcSigningInput): RpcParams {
  const params: RpcParams = {
    ...business,
    AccessKeyId: o.accessKeyId,
    SignatureMethod: SIGNATURE_METHOD,
    SignatureVersion: SIGNATURE_VERSION,
    SignatureNonce: o.nonce,
    Timestamp: rpcTimestamp(o.timestamp),
  };
  if (o.securityToken) params.SecurityToken = o.securityToken;
  return { ...params, Signature: signParams(o.method, params, o.accessKeySecret) };
}

/** `application/x-www-form-urlencoded` body with the same encoding the signature used. */
export function formEncode(params: RpcParams): string {
  return Object.entries(params)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join("&");
}
