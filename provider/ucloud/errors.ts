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

/**
 * Refused before anything was done: safe to send again, even a create. The vendor never says
 * "refused before acting"; what its gateway table (UCloudDoc-Team/api summary/public.md @ 075da014,
 * "错误码说明") says of each code decides:
 * - 153 "API 请求被限流" (the request was throttled): a rate limit refuses a request, it does not run it.
 * - 150 "服务目前不可用，我们正在努力恢复中，请稍后重试" (the service is unavailable for now, please
 *   retry later): an unavailable service did not serve the request, and the vendor asks for a retry.
 * Not 130 "API 网关或者认证鉴权服务异常" (the API gateway or the authentication service failed):
 * nothing says whether the product had acted before the gateway failed, so for a create it is an
 * unknown outcome (looked for first, see {@link isOutcomeUnknownRetCode}). Nor 110 "API 响应超时（60秒）",
 * the API's own timeout. The official SDKs are stricter still: ucloud-sdk-go NewCreateURedisBackupRequest
 * calls SetRetryable(false), ucloud-sdk-python3 create_uredis_backup sets max_retries 0, and both
 * retry only RetCode ≥ 2000 on other calls (vendor-research.md §9.4–9.5); we keep our marker-name
 * look before any second attempt, which they lack.
 */
const REFUSED_BEFORE_ACTING = new Set<number>([RET_CODE.serviceUnavailable, RET_CODE.rateLimited]);

/** Codes after which a create may or may not have happened: the API's timeout, a failed gateway. */
const OUTCOME_UNKNOWN = new Set<number>([RET_CODE.apiTimeout, RET_CODE.gatewayError]);

/**
 * Whether a call may be sent again after this RetCode. Calls that change nothing follow the SDK
 * (≥ 2000, product-side and mostly "try again later") plus the gateway's transient codes; a
 * create is sent again only when the gateway refused it before acting.
 */
export function isRetryableRetCode(code: number, idempotent: boolean): boolean {
  if (REFUSED_BEFORE_ACTING.has(code)) return true;
  if (!idempotent) return false;
  return OUTCOME_UNKNOWN.has(code) || code >= 2000;
}

/** After this RetCode nobody knows whether a create happened: look before trying again. */
export function isOutcomeUnknownRetCode(code: number): boolean {
  return OUTCOME_UNKNOWN.has(code);
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
