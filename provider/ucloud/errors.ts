/**
 * UCloud's RetCodes and what they mean for retries. Gateway codes from the vendor's API overview
 * ("错误码说明", UCloudDoc-Team/api summary/public.md); the retry rule (RetCode ≥ 2000 on calls
 * that change nothing) from ucloud-sdk-go `ucloud/error/server_error.go`; the unknown-action
 * answer (161 "Action [X] not found") from ucloud-sdk-go `ucloud/mock_test.go`.
 */

/** @internal The gateway's RetCodes the provider acts on. */
export const RET_CODE = {
  /** The API answered after its 60 s deadline: whatever was asked may or may not have happened. */
  apiTimeout: 110,
  /** The gateway or the authentication service failed; nothing reached the product. */
  gatewayError: 130,
  /** The service is unavailable for now. */
  serviceUnavailable: 150,
  /** The request was refused by the rate limit. */
  rateLimited: 153,
  missingAction: 160,
  /** The action does not exist (e.g. DeleteURedisBackup, absent from the current SDKs). */
  actionNotFound: 161,
  missingSignature: 170,
  signatureError: 171,
  userNotExists: 172,
  tokenNotExists: 174,
  projectNotExists: 292,
} as const;

/** Refused before anything was done: safe to send again, even a create. */
const REFUSED_BEFORE_ACTING = new Set<number>([
  RET_CODE.gatewayError,
  RET_CODE.serviceUnavailable,
  RET_CODE.rateLimited,
]);

/**
 * Whether a call may be sent again after this RetCode. Calls that change nothing follow the SDK
 * (≥ 2000, product-side and mostly "try again later") plus the gateway's transient codes; a
 * create is sent again only when the gateway refused it before acting.
 */
export function isRetryableRetCode(code: number, idempotent: boolean): boolean {
  if (REFUSED_BEFORE_ACTING.has(code)) return true;
  if (!idempotent) return false;
  return code === RET_CODE.apiTimeout || code >= 2000;
}

/** After this RetCode nobody knows whether a create happened: look before trying again. */
export function isOutcomeUnknownRetCode(code: number): boolean {
  return code === RET_CODE.apiTimeout;
}

/** Authentication failures, for messages that say what to check. */
export function isAuthRetCode(code: number): boolean {
  return (
    code === RET_CODE.missingSignature ||
    code === RET_CODE.signatureError ||
    code === RET_CODE.userNotExists ||
    code === RET_CODE.tokenNotExists
  );
}
