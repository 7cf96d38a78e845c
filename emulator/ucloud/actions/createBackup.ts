/**
 * CreateURedisBackup: starts a backup of group GroupId and answers its BackupId. BackupName must
 * match the documented rule (6–63 of [A-Za-z0-9-_]); names need not be unique, so only a client's
 * own marker tells two backups of one name apart. A Zone, when sent, must be the group's.
 */
import { UCloudErrors } from "../errors";
import { type UCloudAction, required } from "./action";

const BACKUP_NAME = /^[A-Za-z0-9_-]{6,63}$/;

/** The CreateURedisBackup action: GroupId and BackupName, and an optional Zone. */
export const createURedisBackup: UCloudAction = {
  name: "CreateURedisBackup",
  served: () => true,
  run(ctx) {
    const groupId = required(ctx, "GroupId");
    const backupName = required(ctx, "BackupName");
    if (!BACKUP_NAME.test(backupName)) {
      throw UCloudErrors.paramsNotAvailable("BackupName", "6 to 63 characters of [A-Za-z0-9-_]");
    }
    const group = ctx.state.visibleGroup(groupId, ctx.region, ctx.projectId);
    if (!group) throw UCloudErrors.paramsNotAvailable("GroupId", `no group ${groupId} in ${ctx.region}`);
    const zone = ctx.params.Zone;
    if (zone && zone !== group.zone) {
      throw UCloudErrors.paramsNotAvailable("Zone", `group ${groupId} is in ${group.zone}, not ${zone}`);
    }
    return { BackupId: ctx.state.createBackup(group, backupName).backupId };
  },
};
