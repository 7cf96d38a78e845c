import { UNKNOWN } from "../../provider/core/unknown";
import { diff, TencentBackupOutputs } from "../../provider/tencentcloud/operations";
import { itDiffsAsTabled, sharedDiffCases } from "../helpers/diffCases";

const recorded: TencentBackupOutputs = {
  instanceId: "crs-a",
  remark: "nightly",
  storageDays: 30,
  backupId: "b-1",
  status: "available",
  locked: false,
  lockedAcknowledged: false,
  adopted: false,
  expireTime: "2026-12-24T08:00:00+08:00",
};
const inputs = { instanceId: "crs-a", remark: "nightly", storageDays: 30 };

itDiffsAsTabled(diff, "crs-a:b-1", recorded, [
  ...sharedDiffCases("instanceId", inputs, "crs-b"),
  ["remark changed", {}, { ...inputs, remark: "weekly" }, true, ["remark"]],
  ["remark removed", {}, { instanceId: "crs-a", storageDays: 30 }, true, ["remark"]],
  ["storageDays changed", {}, { ...inputs, storageDays: 7 }, true, ["storageDays"]],
  ["region set", {}, { ...inputs, region: "ap-shanghai" }, true, ["region"]],
  ["expired after refresh: replace", { status: "expired" }, inputs, true, ["status"]],
  ["expired, keepExpired newly set", { status: "expired" }, { ...inputs, keepExpired: true }, true, []],
  ["locked by another process: in-place acknowledge", { status: "locked", locked: true }, inputs, true, []],
  [
    "unlocked again after an acknowledged lock",
    { locked: false, lockedAcknowledged: true },
    inputs,
    true,
    [],
  ],
  [
    "lock already acknowledged",
    { status: "locked", locked: true, lockedAcknowledged: true },
    inputs,
    false,
    [],
  ],
  ["preview: remark unknown", {}, { ...inputs, remark: UNKNOWN }, true, ["remark"]],
]);
