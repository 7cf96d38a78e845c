/**
 * Tencent's error classification (cloud-apis.md §1.4, §1.6, §4.4): which codes mean "try again
 * later" and which mean "the backup or instance is gone".
 */

/** Transient: throttling, and locks held by another flow that will be released. */
const RETRYABLE = [
  /^RequestLimitExceeded(\.|$)/,
  /^ResourceInUse(\.|$)/,
  /^ResourceUnavailable\.(InstanceLockedError|BackupLockedError|InstanceStatusAbnormal|InstanceStateError)$/,
  /^ResourceBusy(\.|$)/,
  /^ServiceUnavailable$/,
];

/** @internal Whether a Tencent error code means the call may succeed later. */
export function isRetryableTencentCode(code: string): boolean {
  return RETRYABLE.some((p) => p.test(code));
}

/** Codes that mean the backup no longer exists (or its instance does not). */
export const BACKUP_GONE_CODES = new Set([
  "InvalidParameterValue.BackupNotExists",
  "ResourceNotFound.InstanceNotExists",
  "ResourceUnavailable.InstanceDeleted",
  "ResourceUnavailable.BackupStatusInvalid",
]);
