/** Backup fields shared by DescribeInstanceBackups (RedisBackupSet) and DescribeBackupDetail. */
import { formatTencentTime } from "../time";
import type { BackupRecord, InstanceRecord } from "../state";
import type { ActionContext } from "./action";

/** Fields both actions return, computed at the current world time. */
export function commonBackupFields(
  { state, utcOffsetMinutes, files }: ActionContext,
  backup: BackupRecord,
  instance: InstanceRecord,
  status: number,
) {
  const finished = state.isFinished(backup);
  return {
    BackupId: backup.backupId,
    StartTime: formatTencentTime(backup.startMs, utcOffsetMinutes),
    // Unknown until the task ends; the docs do not say what is shown meanwhile.
    EndTime: finished ? formatTencentTime(backup.startMs + backup.durationMs, utcOffsetMinutes) : "",
    BackupType: backup.backupType,
    Status: status,
    Remark: backup.remark,
    Locked: backup.locked ? 1 : 0,
    // A size a test chose for the backup's files (the file server's) is the size the API reports.
    BackupSize: finished ? files.sizeOf("tencentcloud", backup.backupId, backup.sizeBytes) : 0,
    InstanceType: instance.instanceType,
    Encrypted: false,
  };
}
