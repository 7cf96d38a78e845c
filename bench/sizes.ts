/**
 * Serialized provider size: what Pulumi stores as `__provider` in every resource's state, for each
 * cloud's RedisBackup, in the repo and in a consumer project that installs the packed tarball,
 * beside a provider that imports its dependencies at module scope (the common mistake).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { serializedProviderOf } from "../emulator/dynamicHost";
import * as pkg from "../provider";
import { eagerProvider, eagerWithSchemasProvider } from "./providers/eager";
import { Row, log } from "./table";

const ROOT = path.resolve(__dirname, "..");
const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`;

/** One resource of each cloud the package exports, as a program would declare it. */
function sampleResources(p: typeof pkg): [string, () => pulumi.Resource][] {
  const all = p as unknown as Record<string, Record<string, new (...a: unknown[]) => pulumi.Resource>>;
  const args: Record<string, object> = {
    tencentcloud: { instanceId: "crs-bench001", remark: "bench", storageDays: 7 },
    alicloud: { instanceId: "r-bench001", retentionDays: 7 },
    ucloud: { groupId: "uredis-bench01", backupName: "bench-backup" },
  };
  return Object.keys(args)
    .filter((cloud) => all[cloud]?.RedisBackup)
    .map((cloud) => [cloud, () => new all[cloud].RedisBackup(`bench-${cloud}`, args[cloud])]);
}

/** The size rows: each cloud's `__provider`, in the repo and in a consumer of the packed tarball. */
export async function serializedSizes(): Promise<Row[]> {
  log("serialized provider sizes");
  const rows: Row[] = [];
  const eager = (await pulumi.runtime.serializeFunction(() => eagerProvider, { allowSecrets: true })).text
    .length;
  const withSchemas = await pulumi.runtime
    .serializeFunction(() => eagerWithSchemasProvider, { allowSecrets: true })
    .then((r) => kib(r.text.length))
    .catch((e: Error) => `fails to serialize (${e.message.split("\n")[0].slice(0, 60)})`);
  const consumer = consumerSizes();
  for (const [cloud, make] of sampleResources(pkg)) {
    const repo = (await serializedProviderOf(make)).text.length;
    const installed = consumer[cloud];
    rows.push({
      measure: `__provider size, ${cloud}.RedisBackup (repo example)`,
      ours: kib(repo),
      beside:
        cloud === "tencentcloud"
          ? `${kib(eager)} (client imported at module scope); with its zod schemas: ${withSchemas}`
          : "",
      ratio: cloud === "tencentcloud" ? `${(eager / repo).toFixed(1)}× smaller` : "",
      target: "≤ 4 KiB",
      met: repo <= 4096,
    });
    rows.push({
      measure: `__provider size, ${cloud}.RedisBackup (consumer of the packed tarball)`,
      ours: installed === undefined ? "n/a" : kib(installed),
      beside: "",
      ratio: "",
      target: "≤ 4 KiB",
      met: installed === undefined ? undefined : installed <= 4096,
    });
  }
  return rows;
}

/** `npm pack`, install the .tgz into a fresh project (a copy, not a link) and serialize there. */
function consumerSizes(): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-consumer-"));
  try {
    const quiet = { stdio: ["ignore", "pipe", "pipe"] as ("ignore" | "pipe")[] };
    const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, ...quiet })
      .toString()
      .trim()
      .split("\n")
      .pop()!;
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", path.join(dir, tgz)], {
      cwd: dir,
      ...quiet,
    });
    fs.writeFileSync(
      path.join(dir, "measure.js"),
      `const pulumi = require("@pulumi/pulumi");
(async () => {
  const seen = [];
  await pulumi.runtime.setMocks({ newResource: (a) => { seen.push(a); return { id: a.name, state: a.inputs }; }, call: (a) => a.inputs }, "c", "s", false);
  const pkg = require("pulumi-redis-backup");
  const args = { tencentcloud: { instanceId: "crs-bench001", remark: "bench", storageDays: 7 }, alicloud: { instanceId: "r-bench001", retentionDays: 7 }, ucloud: { groupId: "uredis-bench01", backupName: "bench-backup" } };
  const made = Object.keys(args).filter((c) => pkg[c]).map((c) => [c, new pkg[c].RedisBackup("b-" + c, args[c])]);
  await Promise.all(made.map(([, r]) => new Promise((res) => r.urn.apply(res))));
  const out = {};
  for (const [c] of made) { const s = seen.find((x) => x.name === "b-" + c); const p = s.inputs.__provider; out[c] = (typeof p === "string" ? p : p.value).length; }
  console.log(JSON.stringify(out));
})();`,
    );
    return JSON.parse(execFileSync(process.execPath, ["measure.js"], { cwd: dir, ...quiet }).toString());
  } catch (e) {
    log(`   consumer project failed: ${(e as Error).message}`);
    return {};
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
