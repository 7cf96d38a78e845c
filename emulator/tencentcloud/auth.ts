/**
 * Verifies a Tencent API 3.0 request the way the gateway does: content type, common headers,
 * then the TC3-HMAC-SHA256 signature recomputed from what was actually received (the Host header
 * as sent, the Content-Type as sent, the raw body bytes, the signed-header list and service named
 * in Authorization). Any difference from what the client signed is a SignatureFailure.
 */
import { createHash, createHmac, timingSafeEqual } from "crypto";
import type { IncomingHttpHeaders } from "http";
import {
  TC3_ALGORITHM,
  canonicalHeaders,
  credentialScope,
  signingKey,
  tc3Date,
} from "../../provider/tencentcloud/signer";
import { parseTc3Authorization } from "./authorization";
import { TencentErrors } from "./errors";
import type { TencentCredential } from "./seeds";

/** The signing service of every Redis action. */
export const REDIS_SERVICE = "redis";
/** Tencent refuses timestamps further than this from its clock (common error-code page: five minutes). */
export const MAX_CLOCK_DIFFERENCE_SECONDS = 300;

/** Signed-header lists the emulator verifies: the SDKs' and the current official demo's. */
const SUPPORTED_SIGNED_HEADERS = new Set(["content-type;host", "content-type;host;x-tc-action"]);

/** The common parameters of a request that passed verification. */
export interface VerifiedRequest {
  action: string;
  version: string;
  timestamp: number;
  region?: string;
  language?: string;
  secretId: string;
}

/** What verification is given: the request as received, the keys accepted and the server's signing clock. */
export interface VerifyInput {
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  credentials: readonly TencentCredential[];
  /** Seconds since the epoch on the server's (signing) clock. */
  serverNowSeconds: number;
}

/** The action named by the request, if any (for stats and rate limiting before verification ends). */
export function requestedAction(headers: IncomingHttpHeaders): string | undefined {
  return header(headers, "x-tc-action");
}

/** Verifies the request; throws the TencentApiError the real gateway would answer with. */
export function verifyTencentRequest(input: VerifyInput): VerifiedRequest {
  const { headers } = input;
  if (input.method !== "POST") throw TencentErrors.unsupportedProtocol(input.method);

  const contentType = header(headers, "content-type");
  if (contentType === undefined) throw TencentErrors.missingParameter("Content-Type");
  if (!isJsonContentType(contentType)) throw TencentErrors.unsupportedContentType(contentType);

  const action = header(headers, "x-tc-action");
  if (action === undefined) throw TencentErrors.missingParameter("Action");
  const version = header(headers, "x-tc-version");
  if (version === undefined) throw TencentErrors.missingParameter("Version");
  const timestampText = header(headers, "x-tc-timestamp");
  if (timestampText === undefined) throw TencentErrors.missingParameter("Timestamp");
  if (!/^\d{1,12}$/.test(timestampText)) throw TencentErrors.commonParameterTypeError("Timestamp");
  const timestamp = Number(timestampText);

  const authorization = header(headers, "authorization");
  if (authorization === undefined) throw TencentErrors.invalidAuthorization("no Authorization header");
  const auth = parseTc3Authorization(authorization);
  if (auth === undefined) {
    throw TencentErrors.invalidAuthorization(
      "expected `TC3-HMAC-SHA256 Credential=<SecretId>/<yyyy-MM-dd>/<service>/tc3_request, SignedHeaders=..., Signature=<64 hex>`",
    );
  }
  if (!SUPPORTED_SIGNED_HEADERS.has(auth.signedHeaders)) {
    throw TencentErrors.invalidAuthorization(
      `SignedHeaders=${auth.signedHeaders}; the emulator verifies content-type;host or content-type;host;x-tc-action`,
    );
  }

  const credential = input.credentials.find((c) => c.secretId === auth.secretId);
  if (credential === undefined) throw TencentErrors.secretIdNotFound();

  const drift = timestamp - input.serverNowSeconds;
  if (Math.abs(drift) > MAX_CLOCK_DIFFERENCE_SECONDS) {
    throw TencentErrors.signatureExpire(
      `X-TC-Timestamp ${timestamp} is ${drift} s from the server clock ${input.serverNowSeconds} (limit ±${MAX_CLOCK_DIFFERENCE_SECONDS} s)`,
    );
  }
  if (auth.service !== REDIS_SERVICE) {
    throw TencentErrors.signatureFailure(`credential scope names service \`${auth.service}\`, not \`redis\``);
  }
  if (auth.date !== tc3Date(timestamp)) {
    throw TencentErrors.signatureFailure(
      `credential scope date ${auth.date} is not the UTC date of X-TC-Timestamp (${tc3Date(timestamp)})`,
    );
  }

  const host = header(headers, "host");
  if (host === undefined) throw TencentErrors.signatureFailure("no Host header");
  const signsAction = auth.signedHeaders.endsWith(";x-tc-action");
  const expected = expectedSignatures({
    secretKey: credential.secretKey,
    timestamp,
    contentType,
    host,
    action: signsAction ? action : undefined,
    body: input.body,
  });
  if (!expected.some((sig) => sameHex(sig, auth.signature))) {
    throw TencentErrors.signatureFailure(
      `signature does not match the request as received (Host \`${host}\`, Content-Type \`${contentType}\`, ` +
        `${input.body.length} body bytes, SignedHeaders=${auth.signedHeaders})`,
    );
  }

  const token = header(headers, "x-tc-token");
  if (credential.token !== undefined && token !== credential.token) {
    throw TencentErrors.tokenFailure(
      token === undefined ? "X-TC-Token is required for this key" : "wrong X-TC-Token",
    );
  }
  if (credential.token === undefined && token !== undefined && token !== "") {
    throw TencentErrors.tokenFailure("X-TC-Token sent with a permanent key");
  }

  return {
    action,
    version,
    timestamp,
    region: header(headers, "x-tc-region"),
    language: header(headers, "x-tc-language"),
    secretId: credential.secretId,
  };
}

/** `application/json`, optionally with `; charset=utf-8` (the official demo's form). */
function isJsonContentType(value: string): boolean {
  return /^application\/json(\s*;\s*charset=utf-8)?$/i.test(value.trim());
}

/** What a TC3 signature covers, as the request carried it. */
interface SignedParts {
  secretKey: string;
  timestamp: number;
  contentType: string;
  host: string;
  action?: string;
  body: Buffer;
}

/**
 * Signatures that count as matching. The Host header exactly as received is primary; the same host
 * without its port is also accepted, because the official Node SDK signs `URL.hostname` while it
 * sends `URL.host` (they differ only on a non-default port, which real Tencent endpoints never use).
 */
function expectedSignatures(req: SignedParts): string[] {
  const hosts = [req.host];
  const withoutPort = req.host.replace(/:\d+$/, "");
  if (withoutPort !== req.host) hosts.push(withoutPort);
  return hosts.map((host) => signatureFor({ ...req, host }));
}

/** TC3 over the raw body bytes (a string round trip would alter bytes that are not valid UTF-8). */
function signatureFor(req: SignedParts): string {
  const signed = req.action === undefined ? "content-type;host" : "content-type;host;x-tc-action";
  const canonical = [
    "POST",
    "/",
    "",
    canonicalHeaders({ contentType: req.contentType, host: req.host, action: req.action }),
    signed,
    sha256Hex(req.body),
  ].join("\n");
  const toSign = [
    TC3_ALGORITHM,
    String(req.timestamp),
    credentialScope(req.timestamp, REDIS_SERVICE),
    sha256Hex(canonical),
  ].join("\n");
  return createHmac("sha256", signingKey(req.secretKey, req.timestamp, REDIS_SERVICE))
    .update(toSign, "utf8")
    .digest("hex");
}

function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A single header value; repeated headers are joined by node, which then fails verification. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : value;
}
