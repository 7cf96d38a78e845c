/**
 * How the UCloud gateway reads and authenticates a request, as the emulator does it: parameters
 * from the form body (or a JSON body, or the query of a GET), then Action, Signature, PublicKey,
 * SecurityToken, and finally the signature recomputed over the parameters exactly as received.
 */
import { timingSafeEqual } from "crypto";
import type { IncomingHttpHeaders } from "http";
import { UCloudParamValue, flattenParams, signature, sortedKeys } from "../../provider/ucloud/signer";
import { UCloudApiError, UCloudErrors } from "./errors";
import type { UCloudEmulatorCredential } from "./seeds";

/** A request as it reached the UCloud vendor, before its parameters are read. */
export interface ReceivedRequest {
  method: string;
  /** Path and query (the vendor's prefix already removed). */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * The flat parameter map a request carries. POST bodies are form-encoded (what the SDKs send) or
 * JSON (documented as well; values are stringified the way they are signed); GET uses the query.
 * Only GET and POST reach here.
 */
export function receivedParams(req: ReceivedRequest): Record<string, string> {
  if (req.method === "GET") return formToMap(new URL(req.path, "http://x").searchParams);
  const contentType = String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
  const text = req.body.toString("utf8");
  if (contentType === "application/json") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UCloudApiError(160, "Missing Action", `the body is not JSON: ${(e as Error).message}`);
    }
    if (json === null || typeof json !== "object" || Array.isArray(json)) {
      throw new UCloudApiError(160, "Missing Action", "the JSON body is not an object");
    }
    return flattenParams(json as Record<string, UCloudParamValue>);
  }
  return formToMap(new URLSearchParams(text));
}

function formToMap(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  // A repeated name keeps its first value, as Go's url.Values.Get does.
  for (const [k, v] of form) if (!(k in out)) out[k] = v;
  return out;
}

/** A request that passed authentication: the Action it names and the key pair that signed it. */
export interface Authenticated {
  action: string;
  credential: UCloudEmulatorCredential;
}

/** Checks Action, the credential and the signature; throws the gateway's error for the first problem. */
export function authenticate(
  params: Readonly<Record<string, string>>,
  credentials: readonly UCloudEmulatorCredential[],
): Authenticated {
  const action = params.Action;
  if (!action) throw UCloudErrors.missingAction();
  const sent = params.Signature;
  if (!sent) throw UCloudErrors.missingSignature();
  const publicKey = params.PublicKey;
  const credential = publicKey ? credentials.find((c) => c.publicKey === publicKey) : undefined;
  if (!credential) {
    throw UCloudErrors.userNotExists(publicKey ? "unknown PublicKey" : "no PublicKey parameter");
  }
  if (credential.securityToken !== undefined || params.SecurityToken !== undefined) {
    if (params.SecurityToken !== credential.securityToken) {
      throw UCloudErrors.tokenNotExists(
        params.SecurityToken === undefined ? "this key needs a SecurityToken" : "unknown SecurityToken",
      );
    }
  }
  const expected = signature(params, credential.privateKey);
  if (!sameHex(sent, expected)) {
    const keys = sortedKeys(params).filter((k) => k !== "Signature");
    throw UCloudErrors.signatureError(
      `signature mismatch; signed over ${keys.join(",")} (values as received, form-decoded)`,
    );
  }
  return { action, credential };
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
