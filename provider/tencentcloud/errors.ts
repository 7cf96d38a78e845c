/**
 * Tencent's error classification (cloud-apis.md §1.4, §1.6, §4.4; vendor-research.md §3): which
 * codes mean "try again later", which mean "the instance cannot do this in its state", and which
 * mean "the backup or instance is gone". Descriptions quoted from tencentcloud-sdk-go
 * redis/v20180412/errors.go (CN) and tencentcloud-sdk-go-intl-en (EN).
 */

/**
 * Transient: throttling, and locks held by another flow that will be released. Also
 * `ResourceUnavailable.BackupStatusInvalid`, "备份状态无效，可能在其他流程中，也可能被删除" (the backup's
 * status is invalid: it may be in another flow, or deleted): a backup busy in another flow is worth
 * asking about again, and one that was deleted answers BackupNotExists when asked again.
 *
 * Not retried: `ResourceUnavailable.InstanceStateError` ("Instance status error") and
 * `ResourceUnavailable.InstanceStatusAbnormal` ("The Redis status is exceptional, and the
 * corresponding process cannot be executed"), ManualBackupInstance's documented answers for an
 * instance in a state that refuses a backup (isolated, recycled, being changed). Neither
 * description speaks of another flow that will end, unlike InstanceLockedError ("Redis has been
 * locked by another process"), so waiting out the whole create for them would mostly wait for
 * nothing: the create fails at once with the vendor's words.
 */
const RETRYABLE = [
  /^RequestLimitExceeded(\.|$)/,
  /^ResourceInUse(\.|$)/,
  /^ResourceUnavailable\.(InstanceLockedError|BackupLockedError|BackupStatusInvalid)$/,
  /^ResourceBusy(\.|$)/,
  /^ServiceUnavailable$/,
];

/** @internal Whether a Tencent error code means the call may succeed later. */
export function isRetryableTencentCode(code: string): boolean {
  return RETRYABLE.some((p) => p.test(code));
}

/** ManualBackupInstance's refusals for an instance whose state allows no backup (see RETRYABLE). */
export const INSTANCE_STATE_CODES = new Set([
  "ResourceUnavailable.InstanceStateError",
  "ResourceUnavailable.InstanceStatusAbnormal",
]);

/**
 * Codes that mean the backup does not exist (or its instance does not): only these drop a backup
 * from the stack. BackupNotExists "备份不存在" and InstanceNotExists are DescribeBackupDetail's
 * documented answers; InstanceDeleted, "实例已经被回收了" (the instance has been recycled), means its
 * backups are gone with it. BackupStatusInvalid is not one of them (see RETRYABLE).
 */
export const BACKUP_GONE_CODES = new Set([
  "InvalidParameterValue.BackupNotExists",
  "ResourceNotFound.InstanceNotExists",
  "ResourceUnavailable.InstanceDeleted",
]);

/** A backup whose status the vendor calls invalid: busy in another flow, or deleted; a refresh cannot tell yet. */
export const BACKUP_STATUS_INVALID = "ResourceUnavailable.BackupStatusInvalid";
