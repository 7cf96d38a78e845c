/**
 * ModifyBackupExpireTime: moves a manual backup's expiry to ExpectExpireTime (UTC
 * `yyyy-MM-ddTHH:mmZ`; the SDK's example has seconds, so both are accepted). Never earlier than
 * the current expiry, never past the backup's start plus 730 days.
 */
import { AlicloudErrors } from "../errors";
import { formatSeconds, parseMinutes, parseSeconds } from "../time";
import { AlicloudAction, lookupInstance, manualBackupOf } from "./action";

const MAX_RETENTION_MS = 730 * 86_400_000;

/** The ModifyBackupExpireTime action: pushes manual backup BackupId's expiry out to ExpectExpireTime. */
export const modifyBackupExpireTime: AlicloudAction = {
  name: "ModifyBackupExpireTime",
  required: ["InstanceId", "BackupId", "ExpectExpireTime"],
  run(ctx, params) {
    const text = params.ExpectExpireTime;
    const target = parseMinutes(text) ?? parseSeconds(text);
    if (target === undefined) throw AlicloudErrors.invalidExpireTime(text);
    const instance = lookupInstance(ctx, params.InstanceId);
    const backup = manualBackupOf(ctx, instance, params);
    if (backup.expireMs === null || target < backup.expireMs) {
      throw AlicloudErrors.expireTimeEarlier(
        text,
        backup.expireMs === null ? "(the instance's lifetime)" : formatSeconds(backup.expireMs),
      );
    }
    if (target > backup.startMs + MAX_RETENTION_MS) throw AlicloudErrors.expireTimeExceedsLimit(text);
    ctx.state.setExpiry(backup.backupId, target);
    return {};
  },
};
