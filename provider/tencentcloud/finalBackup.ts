/**
 * tencentcloud.FinalBackup: a backup of a Tencent Cloud Redis instance taken when this resource is
 * deleted, i.e. before the instance it depends on goes (destroy, or a replacement of the instance).
 */
import * as pulumi from "@pulumi/pulumi";
import { FinalBackupCommonArgs, finalBackupClass } from "../core/finalBackupResource";
import type { EchoedInputs } from "../core/redisBackupResource";
import type { RedisBackupArgs } from "./resource";

/** The lifecycle module serving it, named in every FinalBackup's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/tencentcloud/finalOperations";

/** Arguments of {@link FinalBackup}. */
export interface FinalBackupArgs extends FinalBackupCommonArgs, Pick<RedisBackupArgs, "region"> {
  /** The instance, e.g. your instance resource's id output: the FinalBackup then depends on it. Changing it replaces the FinalBackup (which takes the old instance's final backup). */
  instanceId: pulumi.Input<string>;
  /** A note added to the final backup's label in its Remark (at most 80 characters). */
  remark?: pulumi.Input<string>;
  /** Days to keep the final backup, 0–1825 (0 or unset: the instance's default, usually 7; over 7 needs a Tencent ticket). */
  storageDays?: pulumi.Input<number>;
}

/**
 * A final backup of a Tencent Cloud Redis instance: taken (ManualBackupInstance) when this resource
 * is deleted, and waited for until available. Its creation only checks that the instance exists.
 * Its Remark reads `final backup of <instance>, stack <project>/<stack>, resource <name>, <time>`;
 * `pulumi-redis-backup final-backups --cloud tencentcloud --instance <id>` lists them. A backup that
 * cannot be taken fails the deletion, so the instance is not deleted; `skip: true` deletes without one.
 */
export class FinalBackup extends finalBackupClass<
  EchoedInputs<Pick<FinalBackupArgs, "instanceId" | "remark" | "storageDays" | "region">>
>() {
  constructor(name: string, args: FinalBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(MODULE, "tencentcloud", name, args, opts);
  }
}
