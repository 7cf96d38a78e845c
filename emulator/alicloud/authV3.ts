/**
 * Verifies a request signed with Alibaba's signature V3 (ACS3-HMAC-SHA256), the official SDK's
 * default: Action and Version in `x-acs-action` / `x-acs-version`, the time in `x-acs-date`, a nonce
 * in `x-acs-signature-nonce`, the body's SHA-256 in `x-acs-content-sha256`, and
 * `Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>`,
 * recomputed over the request as received: its method, `/` (RPC's CanonicalURI), its query string,
 * the headers it names (which must include `host` and every `x-acs-*` and `content-type` header
 * sent: "除Authorization外的所有RequestHeader，只要符合要求都必须被加入签名") and the body's hash.
 * Source: "Request syntax and signature method V3", https://help.aliyun.com/document_detail/2593177.html.
 * The codes for each refusal are the gateway's usual ones (auth.ts); no page lists V3's own, so
 * which code answers which V3 mistake is our guess (emulator/alicloud/README.md).
 */
import {
  ACS3_ALGORITHM,
  acs3Signature,
  canonicalRequest,
  isSignedHeader,
  sha256Hex,
  stringToSign,
} from "../../provider/alicloud/signerV3";
import {
  Params,
  RawRpcRequest,
  VerifiedRpcRequest,
  VerifyOptions,
  checkNonceAndToken,
  checkTimestamp,
  credentialOf,
  sameText,
} from "./auth";
import { AlicloudErrors } from "./errors";

/** The headers every V3 request carries (besides Authorization and host). */
const REQUIRED = [
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
] as const;

const AUTHORIZATION = /^(\S+) Credential=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([0-9a-f]{64})$/;

/** The parts of a V3 Authorization header, or undefined when it is not one. */
export function parseAcs3Authorization(value: string) {
  const m = AUTHORIZATION.exec(value.trim());
  if (!m) return undefined;
  return { algorithm: m[1], accessKeyId: m[2], signedHeaders: m[3].split(";"), signature: m[4] };
}

/** Verifies a V3 request (see the module's comment); throws the error the gateway answers. */
export function verifyAcs3Request(
  req: RawRpcRequest,
  params: Params,
  authorization: string,
  o: VerifyOptions,
): VerifiedRpcRequest {
  const auth = parseAcs3Authorization(authorization);
  if (!auth) {
    throw AlicloudErrors.incompleteSignature(
      `Authorization ${authorization.split(" ")[0]}: expected ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b>,Signature=<64 hex>`,
    );
  }
  if (auth.algorithm !== ACS3_ALGORITHM) {
    throw AlicloudErrors.incompleteSignature(
      `algorithm ${auth.algorithm}; the emulator verifies ${ACS3_ALGORITHM} (and the RPC signature v1)`,
    );
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  for (const name of REQUIRED) if (!header(name)) throw AlicloudErrors.missingParameter(name);
  if (!header("host")) throw AlicloudErrors.missingParameter("host");
  checkTimestamp("x-acs-date", header("x-acs-date")!, o.serverNowMs);
  const credential = credentialOf(auth.accessKeyId, o);

  const sent = Object.keys(req.headers).filter(isSignedHeader);
  const unsigned = sent.filter((n) => !auth.signedHeaders.includes(n));
  if (!auth.signedHeaders.includes("host")) unsigned.unshift("host");
  if (unsigned.length > 0) {
    throw AlicloudErrors.incompleteSignature(
      `SignedHeaders leaves out ${unsigned.join(", ")}; every one must be signed`,
    );
  }
  const absent = auth.signedHeaders.filter((n) => header(n) === undefined);
  if (absent.length > 0)
    throw AlicloudErrors.incompleteSignature(`SignedHeaders names ${absent.join(", ")}, not sent`);

  const payloadHash = header("x-acs-content-sha256")!;
  if (payloadHash !== sha256Hex(req.body)) {
    throw AlicloudErrors.signatureDoesNotMatch(
      `x-acs-content-sha256 ${payloadHash} is not the SHA-256 of the ${req.body.length} body bytes received`,
    );
  }
  const q = req.path.indexOf("?");
  const query = q < 0 ? {} : Object.fromEntries(new URLSearchParams(req.path.slice(q + 1)));
  const signed = {
    method: req.method,
    canonicalUri: "/",
    query,
    headers: Object.fromEntries(auth.signedHeaders.map((n) => [n, header(n)!])),
    payloadHash,
  };
  const toSign = stringToSign(signed);
  if (!sameText(acs3Signature(credential.accessKeySecret, toSign), auth.signature)) {
    throw AlicloudErrors.signatureDoesNotMatch(`${toSign} (canonical request: ${canonicalRequest(signed)})`);
  }
  checkNonceAndToken(credential, header("x-acs-signature-nonce")!, header("x-acs-security-token"), o);
  return {
    action: header("x-acs-action")!,
    version: header("x-acs-version")!,
    accessKeyId: credential.accessKeyId,
    params,
  };
}
