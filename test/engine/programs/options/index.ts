/**
 * Backups with the resource options users rely on: protect, retainOnDelete, ignoreChanges,
 * dependsOn and deleteBeforeReplace. What a change would touch comes from stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud, ucloud } from "pulumi-redis-backup";

const config = new pulumi.Config();

/** Protected: `pulumi destroy` refuses while `protect` is set. */
new ucloud.RedisBackup(
  "guarded",
  { groupId: "uredis-demo01", backupName: "guarded" },
  { protect: config.getBoolean("protect") ?? true },
);

/** Left in the cloud when it leaves the stack. */
new alicloud.RedisBackup("kept", { instanceId: "r-demo0001" }, { retainOnDelete: true });

/** Its remark may be edited in the program without taking a new backup. */
new tencentcloud.RedisBackup(
  "pinned",
  { instanceId: "crs-demo0001", remark: config.get("pinnedRemark") ?? "pinned" },
  { ignoreChanges: ["remark"] },
);

/** `second` is taken only once `first` is done. */
const first = new ucloud.RedisBackup("first", {
  groupId: "uredis-demo02",
  backupName: config.get("firstName") ?? "first-copy",
});
new ucloud.RedisBackup(
  "second",
  { groupId: "uredis-demo02", backupName: "second-copy" },
  { dependsOn: [first] },
);

/** Replaced by deleting the old backup first. */
new ucloud.RedisBackup(
  "swapped",
  { groupId: "uredis-demo01", backupName: config.get("swappedName") ?? "swapped" },
  { deleteBeforeReplace: true },
);
