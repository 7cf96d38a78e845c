/**
 * Instances of the program's own (one per cloud, made in the emulator), each with a FinalBackup
 * whose instance id is the instance's output, so the engine deletes the FinalBackup first; and a
 * backup before every migration: a RedisBackup whose triggers hold the migration version, and a
 * migration that depends on it. What a change would touch comes from stack config.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud, ucloud } from "pulumi-redis-backup";
import { EmulatedInstance } from "./emulatedInstance";
import { Migration } from "./migration";

const config = new pulumi.Config();
/** A new generation replaces every instance (new ids). */
const generation = config.getNumber("generation") ?? 1;
const deleteBeforeReplace = config.getBoolean("deleteBeforeReplace") ?? false;
const skip = config.getBoolean("skip");
const migrationVersion = config.get("migrationVersion") ?? "v1";

const orders = new EmulatedInstance(
  "orders",
  { cloud: "tencentcloud", instanceId: `crs-fbt${generation}` },
  { deleteBeforeReplace },
);
new tencentcloud.FinalBackup("orders-final", {
  instanceId: orders.instanceId,
  remark: "before the instance goes",
  storageDays: 30,
  skip,
});

const catalog = new EmulatedInstance(
  "catalog",
  { cloud: "alicloud", instanceId: `r-fbt${generation}` },
  { deleteBeforeReplace },
);
new alicloud.FinalBackup("catalog-final", { instanceId: catalog.instanceId, retentionDays: 30, skip });

const cache = new EmulatedInstance(
  "cache",
  { cloud: "ucloud", instanceId: `uredis-fbt${generation}` },
  { deleteBeforeReplace },
);
new ucloud.FinalBackup("cache-final", { groupId: cache.instanceId, skip });

/** A backup before every migration: a new version replaces the backup, and the migration waits for it. */
const beforeMigration = new tencentcloud.RedisBackup("before-migration", {
  instanceId: "crs-demo0001",
  remark: "before the schema migration",
  triggers: [migrationVersion],
});
new Migration("schema", { version: migrationVersion }, { dependsOn: [beforeMigration] });

export const instances = { orders: orders.instanceId, catalog: catalog.instanceId, cache: cache.instanceId };
