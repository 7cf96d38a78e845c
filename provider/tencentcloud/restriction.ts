/**
 * tencentcloud.BackupDownloadRestriction: where a region's backups may be downloaded from
 * (ModifyBackupDownloadRestriction), as a resource, so "downloads only from our VPC" is reviewed
 * in a pull request like the backups. One per region.
 */
import * as pulumi from "@pulumi/pulumi";
import { LazyDynamicResource } from "../core/dynamicResource";

/** The lifecycle module serving it, named in every resource's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/tencentcloud/restrictionOperations";

/** Arguments of {@link BackupDownloadRestriction}. */
export interface BackupDownloadRestrictionArgs {
  /**
   * `NoLimit` (public and intranet URLs both work), `LimitOnlyIntranet` (only the intranet URL,
   * from Tencent Cloud's private network) or `Customize` (only from `limitVpcs`, and `limitIps`).
   */
  limitType: pulumi.Input<"NoLimit" | "LimitOnlyIntranet" | "Customize">;
  /** Only `In` (the default): downloads from the VPCs of `limitVpcs`. */
  vpcComparisonSymbol?: pulumi.Input<"In">;
  /** `In` (default): only `limitIps` may download; `NotIn`: they may not. */
  ipComparisonSymbol?: pulumi.Input<"In" | "NotIn">;
  /** With `Customize`: the VPCs, by region, downloads may come from. */
  limitVpcs?: pulumi.Input<
    pulumi.Input<{ region: pulumi.Input<string>; vpcList: pulumi.Input<pulumi.Input<string>[]> }>[]
  >;
  /** With `Customize`: VPC IP addresses (see `ipComparisonSymbol`). */
  limitIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** The region; overrides `tencentcloud:region` / TENCENTCLOUD_REGION. Changing it replaces the resource. */
  region?: pulumi.Input<string>;
}

/**
 * The backup download restriction of a Tencent Cloud region. `pulumi refresh` reads what Tencent
 * has now (a change in the console shows as drift; the next `up` puts these values back). Deleting
 * the resource leaves Tencent's restriction as it is (it never opens downloads by itself).
 */
export class BackupDownloadRestriction extends LazyDynamicResource {
  /** `NoLimit`, `LimitOnlyIntranet` or `Customize`, as Tencent has it (a refresh reads it back). */
  declare readonly limitType: pulumi.Output<string>;
  /** `In`: downloads from the VPCs of `limitVpcs`, as Tencent has it. */
  declare readonly vpcComparisonSymbol: pulumi.Output<string>;
  /** `In` (only `limitIps` may download) or `NotIn` (they may not), as Tencent has it. */
  declare readonly ipComparisonSymbol: pulumi.Output<string>;
  /** The VPCs, by region, downloads may come from, as Tencent has them (empty unless `Customize`). */
  declare readonly limitVpcs: pulumi.Output<{ region: string; vpcList: string[] }[]>;
  /** The VPC IP addresses `ipComparisonSymbol` applies to, as Tencent has them. */
  declare readonly limitIps: pulumi.Output<string[]>;
  /** The region, as written in the program. */
  declare readonly region: pulumi.Output<string | undefined>;

  constructor(name: string, args: BackupDownloadRestrictionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      vpcComparisonSymbol: undefined,
      ipComparisonSymbol: undefined,
      limitVpcs: undefined,
      limitIps: undefined,
    };
    super(MODULE, "tencentcloud", "BackupDownloadRestriction", name, { ...outputs, ...args }, opts);
  }
}
