import { UNKNOWN } from "../../provider/core/unknown";
import { diff, TencentBackupOutputs } from "../../provider/tencentcloud/operations";

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

// [case, recorded outputs (after any refresh), new inputs, expected changes, expected replaces]
const table: [string, Partial<TencentBackupOutputs>, object, boolean, string[]][] = [
  ["nothing changed", {}, inputs, false, []],
  ["instanceId changed", {}, { ...inputs, instanceId: "crs-b" }, true, ["instanceId"]],
  ["remark changed", {}, { ...inputs, remark: "weekly" }, true, ["remark"]],
  ["remark removed", {}, { instanceId: "crs-a", storageDays: 30 }, true, ["remark"]],
  ["storageDays changed", {}, { ...inputs, storageDays: 7 }, true, ["storageDays"]],
  ["region set", {}, { ...inputs, region: "ap-shanghai" }, true, ["region"]],
  ["waitTimeoutMinutes changed: in place", {}, { ...inputs, waitTimeoutMinutes: 60 }, true, []],
  ["expired after refresh: replace", { status: "expired" }, inputs, true, ["status"]],
  [
    "expired but keepExpired",
    { status: "expired", keepExpired: true },
    { ...inputs, keepExpired: true },
    false,
    [],
  ],
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
  ["adopt the same backup it has", {}, { ...inputs, backupId: "b-1" }, false, []],
  ["adopt another backup", {}, { ...inputs, backupId: "b-2" }, true, ["backupId"]],
  ["stop adopting", { adopted: true }, inputs, true, ["backupId"]],
  ["preview: instanceId unknown", {}, { ...inputs, instanceId: UNKNOWN }, true, ["instanceId"]],
  ["preview: remark unknown", {}, { ...inputs, remark: UNKNOWN }, true, ["remark"]],
  ["preview: waitTimeoutMinutes unknown", {}, { ...inputs, waitTimeoutMinutes: UNKNOWN }, true, []],
];

it.each(table)("%s", (_case, change, news, changes, replaces) => {
  const r = diff("crs-a:b-1", { ...recorded, ...change }, news as never);
  expect(r.changes).toBe(changes);
  expect(r.replaces.sort()).toEqual([...replaces].sort());
});
