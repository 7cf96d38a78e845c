/**
 * Alibaba Cloud's error classification (cloud-apis.md §2.3, §4.4 and the Terraform provider's
 * NeedRetry / NotFoundError): which answers mean "try again later", which mean "gone", and which
 * mean "this instance cannot do that".
 */
import { CloudApiError } from "../core/errors";

/** A backup job is already running on the instance: wait for it, then try again (CreateBackup only). */
export const BACKUP_JOB_EXISTS = "BackupJobExists";

/** The gateway refused the request for its timestamp; its Date header says what time it is. */
export const TIMESTAMP_EXPIRED = "InvalidTimeStamp.Expired";

/** Terraform's NeedRetry message for a resource whose current status refuses the operation for now. */
const RETRY_MESSAGE =
  /The current status of the resource does not support this operation, please retry again/i;

/**
 * Transient codes: throttling in any spelling (`Throttling`, `Throttling.User`, `Throttling.Api`,
 * `Rejected.Throttling`), and ServiceUnavailable. The gateway refused these before acting.
 */
export function isRetryableAlicloudCode(code: string, message = ""): boolean {
  return /Throttling/.test(code) || code === "ServiceUnavailable" || RETRY_MESSAGE.test(message);
}

/**
 * Whether an error answer is worth another attempt. A 5xx envelope (InternalError...) is retried for
 * calls that change nothing; for a call that changes something it may have happened, so the caller
 * decides (it looks for the outcome first).
 */
export function isRetryableAnswer(code: string, message: string, httpStatus: number, idempotent: boolean) {
  return isRetryableAlicloudCode(code, message) || (idempotent && httpStatus >= 500);
}

/** HTTP 404, or a code ending in `.NotFound` (Terraform's NotFoundError rule). */
export function isNotFound(err: unknown): boolean {
  return err instanceof CloudApiError && (err.httpStatus === 404 || /\.NotFound$/.test(err.code));
}

/**
 * An action this kind of instance does not support: DeleteBackup on an instance that cannot delete
 * backups (it works only for manual backups of cloud-native instances), DescribeClusterBackupList on
 * one that is not a cloud-native cluster ("applicable only to cloud-native instances"). No code is
 * documented for either; these are the codes R-KVStore uses for "this instance (type,
 * architecture, engine) does not support the operation".
 */
const DELETE_UNSUPPORTED = new Set([
  "IncorrectInstanceType",
  "IncorrectEngineVersion",
  "IncorrectBackupMode",
  "InstanceType.NotSupport",
  "OperationDenied.InstanceType",
  "UnsupportedOperation",
]);

/** @internal Whether a refusal means this instance does not support the action at all. */
export function isUnsupportedForInstance(err: unknown): boolean {
  return err instanceof CloudApiError && DELETE_UNSUPPORTED.has(err.code);
}
