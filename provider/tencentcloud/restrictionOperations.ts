/**
 * tencentcloud.BackupDownloadRestriction's lifecycle: core's setting skeleton
 * (core/settingLifecycle.ts) over ModifyBackupDownloadRestriction and
 * DescribeBackupDownloadRestriction. Loaded by package name from inside the provider's methods;
 * the export names are a contract with every `__provider` written to state: keep them.
 */
import { defineSettingLifecycle } from "../core/settingLifecycle";
import { describeBackupDownloadRestriction, modifyBackupDownloadRestriction } from "./api";
import { TencentClient } from "./client";
import { RestrictionInputs, RestrictionInputsSchema, RestrictionOutputs } from "./restrictionInputs";
import { resolveTencentSettings } from "./settings";

export type { RestrictionInputs, RestrictionOutputs };

const sorted = (xs: string[] | undefined) => [...(xs ?? [])].sort();

/** The VPC lists as Tencent compares them: regions and VPCs in any order, empty regions dropped. */
const vpcsComparable = (v: RestrictionInputs["limitVpcs"]) =>
  (v ?? [])
    .filter((x) => x.vpcList.length > 0)
    .map((x) => ({ region: x.region, vpcList: sorted(x.vpcList) }))
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));

/** The lifecycle the dynamic provider calls; these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove } = defineSettingLifecycle<
  RestrictionInputs,
  RestrictionOutputs,
  TencentClient
>({
  schema: RestrictionInputsSchema,
  what: "backup download restriction",
  replaceOnChange: ["region"],
  settingKeys: ["limitType", "vpcComparisonSymbol", "ipComparisonSymbol", "limitVpcs", "limitIps"],
  comparable(key, value) {
    if (key === "vpcComparisonSymbol" || key === "ipComparisonSymbol") return value ?? "In";
    if (key === "limitVpcs") return vpcsComparable(value as RestrictionInputs["limitVpcs"]);
    if (key === "limitIps") return sorted(value as string[] | undefined);
    return value;
  },
  locate: (inputs) => resolveTencentSettings(inputs.region).region,
  connect: (deps, region) => new TencentClient(resolveTencentSettings(region), deps),
  write: async (client, i) => {
    await modifyBackupDownloadRestriction(client, {
      LimitType: i.limitType,
      VpcComparisonSymbol: i.vpcComparisonSymbol ?? "In",
      IpComparisonSymbol: i.ipComparisonSymbol ?? "In",
      ...(i.limitType === "Customize"
        ? {
            LimitVpc: (i.limitVpcs ?? []).map((v) => ({ Region: v.region, VpcList: v.vpcList })),
            LimitIp: i.limitIps ?? [],
          }
        : {}),
    });
  },
  async read(client, inputs) {
    const r = await describeBackupDownloadRestriction(client);
    return {
      limitType: r.LimitType as RestrictionInputs["limitType"],
      vpcComparisonSymbol: "In",
      ipComparisonSymbol: r.IpComparisonSymbol === "NotIn" ? "NotIn" : "In",
      limitVpcs: r.LimitVpc.map((v) => ({ region: v.Region, vpcList: v.VpcList })),
      limitIps: r.LimitIp,
      region: inputs.region,
    };
  },
  /** The inputs a refresh implies, defaults left out (as a program that relies on them writes them). */
  inputsOf: (o) => ({
    limitType: o.limitType,
    ...(o.vpcComparisonSymbol === "In" ? {} : { vpcComparisonSymbol: o.vpcComparisonSymbol }),
    ...(o.ipComparisonSymbol === "In" ? {} : { ipComparisonSymbol: o.ipComparisonSymbol }),
    ...(o.limitVpcs.length ? { limitVpcs: o.limitVpcs } : {}),
    ...(o.limitIps.length ? { limitIps: o.limitIps } : {}),
    ...(o.region === undefined ? {} : { region: o.region }),
  }),
  stays: (region, o) =>
    `the backup download restriction of ${region} stays ${o.limitType} at Tencent Cloud; it is no longer managed by this stack`,
});
