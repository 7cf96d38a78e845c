import { UNKNOWN } from "../../provider/core/unknown";
import { UCloudBackupOutputs, diff } from "../../provider/ucloud/operations";

const recorded: UCloudBackupOutputs = {
  groupId: "uredis-a",
  backupName: "nightly",
  backupId: "b-1",
  region: "cn-bj2",
  zone: "cn-bj2-04",
  status: "available",
  state: "Success",
  adopted: false,
};
const inputs = { groupId: "uredis-a", backupName: "nightly" };

// [case, recorded outputs (after any refresh), new inputs, expected changes, expected replaces]
const table: [string, Partial<UCloudBackupOutputs>, object, boolean, string[]][] = [
  ["nothing changed", {}, inputs, false, []],
  ["groupId changed", {}, { ...inputs, groupId: "uredis-b" }, true, ["groupId"]],
  ["backupName changed", {}, { ...inputs, backupName: "weekly" }, true, ["backupName"]],
  ["backupName removed", {}, { groupId: "uredis-a" }, true, ["backupName"]],
  ["region set to where it is", {}, { ...inputs, region: "cn-bj2" }, false, []],
  ["region set elsewhere", {}, { ...inputs, region: "cn-sh2" }, true, ["region"]],
  ["zone set elsewhere", {}, { ...inputs, zone: "cn-bj2-05" }, true, ["zone"]],
  ["projectId newly set", {}, { ...inputs, projectId: "org-x" }, true, ["projectId"]],
  ["location left to the defaults", { projectId: "org-x" }, inputs, false, []],
  ["waitTimeoutMinutes changed: in place", {}, { ...inputs, waitTimeoutMinutes: 60 }, true, []],
  ["expired after refresh: replace", { status: "expired", state: "Expired" }, inputs, true, ["status"]],
  [
    "expired but keepExpired",
    { status: "expired", keepExpired: true },
    { ...inputs, keepExpired: true },
    false,
    [],
  ],
  ["failed (State Error): replace", { status: "failed", state: "Error" }, inputs, true, ["status"]],
  [
    "still being taken after an interrupted create: update finishes it",
    { status: "creating" },
    inputs,
    true,
    [],
  ],
  ["adopt the same backup it has", {}, { ...inputs, backupId: "b-1" }, false, []],
  ["adopt another backup", {}, { ...inputs, backupId: "b-2" }, true, ["backupId"]],
  ["stop adopting", { adopted: true }, inputs, true, ["backupId"]],
  ["preview: groupId unknown", {}, { ...inputs, groupId: UNKNOWN }, true, ["groupId"]],
  ["preview: zone unknown", {}, { ...inputs, zone: UNKNOWN }, true, ["zone"]],
  ["preview: waitTimeoutMinutes unknown", {}, { ...inputs, waitTimeoutMinutes: UNKNOWN }, true, []],
];

it.each(table)("%s", (_case, change, news, changes, replaces) => {
  const r = diff("uredis-a:b-1", { ...recorded, ...change }, news as never);
  expect(r.changes).toBe(changes);
  expect(r.replaces.sort()).toEqual([...replaces].sort());
});
