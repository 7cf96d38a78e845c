import { UNKNOWN } from "../../provider/core/unknown";
import { UCloudBackupOutputs, diff } from "../../provider/ucloud/operations";
import { itDiffsAsTabled, sharedDiffCases } from "../helpers/diffCases";

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

itDiffsAsTabled(diff, "uredis-a:b-1", recorded, [
  ...sharedDiffCases("groupId", inputs, "uredis-b"),
  ["backupName changed", {}, { ...inputs, backupName: "weekly" }, true, ["backupName"]],
  ["backupName removed", {}, { groupId: "uredis-a" }, true, ["backupName"]],
  ["region set to where it is", {}, { ...inputs, region: "cn-bj2" }, false, []],
  ["region set elsewhere", {}, { ...inputs, region: "cn-sh2" }, true, ["region"]],
  ["zone set elsewhere", {}, { ...inputs, zone: "cn-bj2-05" }, true, ["zone"]],
  ["projectId newly set", {}, { ...inputs, projectId: "org-x" }, true, ["projectId"]],
  ["location left to the defaults", { projectId: "org-x" }, inputs, false, []],
  ["expired after refresh: replace", { status: "expired", state: "Expired" }, inputs, true, ["status"]],
  ["failed (State Error): replace", { status: "failed", state: "Error" }, inputs, true, ["status"]],
  [
    "still being taken after an interrupted create: update finishes it",
    { status: "creating" },
    inputs,
    true,
    [],
  ],
  ["preview: zone unknown", {}, { ...inputs, zone: UNKNOWN }, true, ["zone"]],
]);
