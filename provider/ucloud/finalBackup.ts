/**
 * ucloud.FinalBackup: a backup of a UCloud URedis group taken when this resource is deleted, i.e.
 * before the group it depends on goes (destroy, or a replacement of the group).
 */
import * as pulumi from "@pulumi/pulumi";
import type { FinalBackupOutputs } from "../core/finalBackup";
import { FinalBackupCommonArgs, FinalBackupResource } from "../core/finalBackupResource";
import { lazyProvider } from "../core/lazyProvider";
import type { UCloudFinalBackupInputs } from "./finalOperations";

/** Serialized into every FinalBackup's state; see lazyProvider. */
const provider = lazyProvider<UCloudFinalBackupInputs, FinalBackupOutputs<UCloudFinalBackupInputs>>(
  "pulumi-redis-backup/internal/ucloud/finalOperations",
);

/** Arguments of {@link FinalBackup}. */
export interface FinalBackupArgs extends FinalBackupCommonArgs {
  /** The group, e.g. your group resource's id output: the FinalBackup then depends on it. Changing it replaces the FinalBackup (which takes the old group's final backup). */
  groupId: pulumi.Input<string>;
  /** The middle of the final backup's name, `final-<backupName>-<yyyyMMddHHmm>` (default `<stack>-<resource name>`); 1–35 of `[A-Za-z0-9_-]`. */
  backupName?: pulumi.Input<string>;
  /** Region of the group, e.g. `cn-bj2`; overrides `ucloud:region` / UCLOUD_REGION. */
  region?: pulumi.Input<string>;
  /** Zone of the group, e.g. `cn-bj2-04`; overrides `ucloud:zone` / UCLOUD_ZONE. */
  zone?: pulumi.Input<string>;
  /** Project of the group (required for sub-accounts); overrides `ucloud:projectId` / UCLOUD_PROJECT_ID. */
  projectId?: pulumi.Input<string>;
}

/**
 * A final backup of a UCloud URedis group: taken (CreateURedisBackup) when this resource is
 * deleted, and waited for until `Success`. Its creation only checks that the group exists
 * (DescribeURedisGroup). `pulumi-redis-backup final-backups --cloud ucloud --instance <id>` lists
 * the group's backups named `final-…`. A backup that cannot be taken fails the deletion, so the
 * group is not deleted; `skip: true` deletes without one. UCloud takes no retention per backup.
 */
export class FinalBackup extends FinalBackupResource {
  /** The group the final backup will be taken of. */
  declare readonly groupId: pulumi.Output<string>;
  /** The middle of the final backup's name, as written. */
  declare readonly backupName: pulumi.Output<string | undefined>;

  constructor(name: string, args: FinalBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, "ucloud", name, args, opts);
  }
}
