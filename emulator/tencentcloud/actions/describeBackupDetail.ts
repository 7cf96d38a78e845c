/**
 * DescribeBackupDetail: one backup of one instance. A backup of another instance, one deleted out
 * of band, or the backup of a failed task is InvalidParameterValue.BackupNotExists; an expired one
 * is still described, with Status -1.
 */
import { TencentErrors } from "../errors";
import type { TencentAction } from "./action";
import { commonBackupFields } from "./backupFields";
import { readableInstance } from "./lookup";

/** The listing's code → the code DescribeBackupDetail's own table gives that type ("1：手动备份。0：自动备份"). */
const DETAIL_TABLE: Record<string, string> = { "0": "1", "1": "0", "2": "2" };

/** The DescribeBackupDetail action: backup BackupId of instance InstanceId. */
export const describeBackupDetail: TencentAction = {
  name: "DescribeBackupDetail",
  params: {
    InstanceId: { type: "string", required: true },
    BackupId: { type: "string", required: true },
  },
  run(ctx, params) {
    const instance = readableInstance(ctx, params.InstanceId as string);
    const backupId = params.BackupId as string;
    const backup = ctx.state.backup(backupId);
    const status = backup === undefined ? undefined : ctx.state.apiStatus(backup);
    if (!backup || backup.instanceId !== instance.instanceId || status === undefined || status === -2) {
      throw TencentErrors.backupNotExists(backupId);
    }
    const fields = commonBackupFields(ctx, backup, instance, status);
    return {
      ...fields,
      BackupType:
        ctx.state.detailBackupType === "detail-table" ? DETAIL_TABLE[backup.backupType] : fields.BackupType,
      MemSize: instance.memSizeMb,
      ShardNum: instance.shardNum,
      ReplicasNum: instance.replicasNum,
    };
  },
};
