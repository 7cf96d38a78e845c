/**
 * alicloud.FinalBackup: a backup of an Alibaba Cloud Redis (Tair) instance taken when this resource
 * is deleted, i.e. before the instance it depends on goes (destroy, or a replacement of the instance).
 */
import * as pulumi from "@pulumi/pulumi";
import { FinalBackupCommonArgs, finalBackupClass } from "../core/finalBackupResource";
import type { EchoedInputs } from "../core/redisBackupResource";
import type { RedisBackupArgs } from "./resource";

/** The lifecycle module serving it, named in every FinalBackup's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/alicloud/finalOperations";

/** Arguments of {@link FinalBackup}. */
export interface FinalBackupArgs extends FinalBackupCommonArgs, Pick<RedisBackupArgs, "regionId"> {
  /** The instance, e.g. your instance resource's id output: the FinalBackup then depends on it. Changing it replaces the FinalBackup (which takes the old instance's final backup). */
  instanceId: pulumi.Input<string>;
  /** Days to keep the final backup, 7–730, or -1 for as long as the instance exists (unset: the instance's policy). */
  retentionDays?: pulumi.Input<number>;
}

/**
 * A final backup of an Alibaba Cloud Redis (Tair) instance: taken (CreateBackup) when this resource
 * is deleted, and waited for until its file is listed. Its creation only checks that the instance
 * exists. Alibaba keeps no text with a backup: the deletion's output names the backup (id, job,
 * time), and `pulumi-redis-backup final-backups --cloud alicloud --instance <id>` lists every manual
 * backup of the instance. A backup that cannot be taken fails the deletion, so the instance is not
 * deleted; `skip: true` deletes without one.
 */
export class FinalBackup extends finalBackupClass<
  EchoedInputs<Pick<FinalBackupArgs, "instanceId" | "retentionDays" | "regionId">>
>() {
  constructor(name: string, args: FinalBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(MODULE, "alicloud", name, args, opts);
  }
}
