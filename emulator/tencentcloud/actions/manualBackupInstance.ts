/**
 * ManualBackupInstance: starts a backup task and returns its TaskId (a JSON number). The backup
 * record exists from that moment (Status 1 while the task runs). There is no idempotency token,
 * and concurrent manual backups of one instance are allowed (no error code for a running backup
 * exists in errors.go), so a client that retries may well create two.
 */
import { TencentErrors } from "../errors";
import type { TencentAction } from "./action";
import { backupableInstance } from "./lookup";

/** Documented range of StorageDays; 0 (or omitted) means the instance's auto-backup retention. */
const MAX_STORAGE_DAYS = 1825;

/** The ManualBackupInstance action: InstanceId, an optional Remark, and StorageDays of 0–1825. */
export const manualBackupInstance: TencentAction = {
  name: "ManualBackupInstance",
  params: {
    InstanceId: { type: "string", required: true },
    Remark: { type: "string" },
    StorageDays: { type: "integer" },
  },
  run(ctx, params) {
    const storageDays = params.StorageDays as number | undefined;
    if (storageDays !== undefined && (storageDays < 0 || storageDays > MAX_STORAGE_DAYS)) {
      throw TencentErrors.invalidParameterValue(
        "StorageDays",
        storageDays,
        `range is [0, ${MAX_STORAGE_DAYS}]`,
      );
    }
    const instance = backupableInstance(ctx, params.InstanceId as string);
    const days = storageDays === undefined || storageDays === 0 ? instance.backupRetentionDays : storageDays;
    const task = ctx.state.startManualBackup(instance, (params.Remark as string | undefined) ?? "", days);
    return { TaskId: task.taskId };
  },
};
