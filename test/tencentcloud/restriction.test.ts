/**
 * tencentcloud.BackupDownloadRestriction's lifecycle against the emulator: create writes the
 * region's restriction (and the emulator's URLs obey it), a change made out of band is what a
 * refresh records, the plan against the program's values is an in-place update that puts them
 * back, a new region replaces, bad inputs are refused with words to act on, and delete leaves the
 * restriction as it is.
 */
import * as restriction from "../../provider/tencentcloud/restrictionOperations";
import {
  describeBackupDownloadRestriction,
  modifyBackupDownloadRestriction,
} from "../../provider/tencentcloud/api";
import { TencentClient } from "../../provider/tencentcloud/client";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";
import { emulatorDeps, pointTencentAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
beforeAll(() => pointTencentAt(handle.emulator));
const client = (region: string) =>
  new TencentClient(resolveTencentSettings(region), emulatorDeps(handle.emulator));

const ours = {
  limitType: "Customize" as const,
  limitVpcs: [{ region: "ap-guangzhou", vpcList: ["vpc-emulator"] }],
  limitIps: ["10.1.1.12", "10.1.1.13"],
};

it("writes the region's restriction, plans drift found by a refresh as an in-place update, and puts it back", async () => {
  const deps = emulatorDeps(handle.emulator);
  const checked = restriction.check({}, ours);
  expect(checked.failures).toEqual([]);
  const { id, outs } = await restriction.create(checked.inputs!, deps);
  expect(id).toBe("ap-guangzhou");
  expect(outs).toEqual({ ...ours, vpcComparisonSymbol: "In", ipComparisonSymbol: "In" });
  expect(deps.logs).toContain("info: backup download restriction of ap-guangzhou set");
  expect(restriction.diff(id, outs, checked.inputs!)).toMatchObject({ changes: false, replaces: [] });
  // Reordered lists are the same restriction.
  const reordered = { ...ours, limitIps: ["10.1.1.13", "10.1.1.12"] };
  expect(restriction.diff(id, outs, reordered)).toMatchObject({ changes: false });

  // Someone opens downloads in the console.
  await modifyBackupDownloadRestriction(client("ap-guangzhou"), { LimitType: "NoLimit" });
  const refreshed = await restriction.read(id, outs, deps);
  expect(refreshed.props).toMatchObject({ limitType: "NoLimit", limitVpcs: [], limitIps: [] });
  expect(refreshed.inputs).toMatchObject({ limitType: "NoLimit" });
  expect(restriction.diff(id, refreshed.props!, checked.inputs!)).toMatchObject({
    changes: true,
    replaces: [],
  });

  const updated = await restriction.update(id, refreshed.props!, checked.inputs!, deps);
  expect(updated.outs).toMatchObject({ limitType: "Customize", limitIps: ours.limitIps });
  expect(await describeBackupDownloadRestriction(client("ap-guangzhou"))).toMatchObject({
    LimitType: "Customize",
    LimitVpc: [{ Region: "ap-guangzhou", VpcList: ["vpc-emulator"] }],
  });

  // Another region is another restriction.
  expect(restriction.diff(id, updated.outs, { ...ours, region: "ap-shanghai" })).toMatchObject({
    changes: true,
    replaces: ["region"],
  });

  // Delete leaves Tencent's restriction as it is, and says so.
  await restriction.remove(id, updated.outs, deps);
  expect(deps.logs).toContain(
    "warn: the backup download restriction of ap-guangzhou stays Customize at Tencent Cloud; it is no longer managed by this stack",
  );
  expect((await describeBackupDownloadRestriction(client("ap-guangzhou"))).LimitType).toBe("Customize");
  await modifyBackupDownloadRestriction(client("ap-guangzhou"), { LimitType: "NoLimit" });
});

it("refuses inputs Tencent would, in words a person can act on", () => {
  expect(restriction.check({}, { limitType: "Customize" }).failures).toEqual([
    { property: "limitVpcs", reason: "limitType Customize needs at least one VPC in limitVpcs" },
  ]);
  expect(restriction.check({}, { limitType: "NoLimit", limitIps: ["10.0.0.1"] }).failures).toEqual([
    {
      property: "limitIps",
      reason: "limitIps is for limitType Customize only (Tencent keeps lists for it alone)",
    },
  ]);
  expect(restriction.check({}, { limitType: "Open" }).failures[0]).toEqual({
    property: "limitType",
    reason: "limitType is required: NoLimit, LimitOnlyIntranet (only the intranet URL works) or Customize",
  });
});
