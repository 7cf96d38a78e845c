/**
 * ucloud.FinalBackup: a backup of a UCloud URedis group taken when this resource is deleted, i.e.
 * before the group it depends on goes (destroy, or a replacement of the group).
 */
import * as pulumi from "@pulumi/pulumi";
import { FinalBackupCommonArgs, finalBackupClass } from "../core/finalBackupResource";
import type { EchoedInputs } from "../core/redisBackupResource";
import type { RedisBackupArgs } from "./resource";

/** The lifecycle module serving it, named in every FinalBackup's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/ucloud/finalOperations";

/** Arguments of {@link FinalBackup}. */
export interface FinalBackupArgs
  extends FinalBackupCommonArgs, Pick<RedisBackupArgs, "region" | "zone" | "projectId"> {
  /** The group, e.g. your group resource's id output: the FinalBackup then depends on it. Changing it replaces the FinalBackup (which takes the old group's final backup). */
  groupId: pulumi.Input<string>;
  /** The middle of the final backup's name, `final-<backupName>-<yyyyMMddHHmm>` (default `<stack>-<resource name>`); 1–35 of `[A-Za-z0-9_-]`. */
  backupName?: pulumi.Input<string>;
}

/**
 * A final backup of a UCloud URedis group: taken (CreateURedisBackup) when this resource is
 * deleted, and waited for until `Success`. Its creation only checks that the group exists
 * (DescribeURedisGroup). `pulumi-redis-backup final-backups --cloud ucloud --instance <id>` lists
 * the group's backups named `final-…`. A backup that cannot be taken fails the deletion, so the
 * group is not deleted; `skip: true` deletes without one. UCloud takes no retention per backup.
 */
export class FinalBackup extends finalBackupClass<
  EchoedInputs<Pick<FinalBackupArgs, "groupId" | "backupName">>
>() {
  constructor(name: string, args: FinalBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(MODULE, "ucloud", name, args, opts);
  }
}
