/**
 * The command line: flags, the banner a user copies from, the bundled demo data, clean shutdown.
 */
import { spawn } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { DEMO_INSTANCES } from "../../emulator";
import { defaultDataFile, parseCliArgs, runCli } from "../../emulator/cli";
import { errorCode, tencentCall } from "../helpers/tencentRequest";
import { tempDir } from "../helpers/tempDir";

const ROOT = resolve(__dirname, "../..");

/** A fresh `data.json` holding `data`, as `--data` takes it. */
function dataFileOf(data: object): string {
  const dataFile = join(tempDir("emulator-cli-"), "data.json");
  writeFileSync(dataFile, JSON.stringify(data));
  return dataFile;
}

/** Runs the command line with `args`, collecting the lines it prints. */
async function runCliPrinting(args: string[]) {
  const lines: string[] = [];
  const emulator = await runCli(args, (l) => lines.push(l));
  return { emulator, lines };
}

it("defaults to 127.0.0.1:8787, 20 requests/s and the bundled demo data", () => {
  const o = parseCliArgs([]);
  expect(o).toMatchObject({
    port: 8787,
    host: "127.0.0.1",
    rateLimitPerSecond: 20,
    timezoneOffset: "+08:00",
  });
  expect(o.dataFile).toBe(join(ROOT, "emulator/data/instances.json"));
  expect(defaultDataFile()).toBe(o.dataFile);
});

it("refuses bad flags", () => {
  expect(() => parseCliArgs(["--port", "http"])).toThrow(/--port/);
  expect(() => parseCliArgs(["--rate-limit", "-1"])).toThrow(/--rate-limit/);
  expect(() => parseCliArgs(["--verbose"])).toThrow();
  expect(() => parseCliArgs(["--clock-skew", "x"])).toThrow(/^--clock-skew needs a number, got x$/);
  expect(() => parseCliArgs(["--task-seconds=-2"])).toThrow(/^--task-seconds needs a number >= 0, got -2$/);
});

it("the bundled instances.json holds exactly the demo instances", () => {
  const data = JSON.parse(readFileSync(join(ROOT, "emulator/data/instances.json"), "utf8"));
  expect(data.instances).toEqual(DEMO_INSTANCES);
});

it("prints what to export, and the emulator it starts accepts exactly that", async () => {
  const dataFile = dataFileOf({
    instances: [{ instanceId: "crs-cli00001", region: "ap-shanghai" }],
    credentials: [{ secretId: "AKIDCLI", secretKey: "cli-secret" }],
  });
  const { emulator, lines } = await runCliPrinting([
    "--port",
    "0",
    "--data",
    dataFile,
    "--task-seconds",
    "0",
  ]);
  try {
    const text = lines.join("\n");
    const env = Object.fromEntries([...text.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(env).toMatchObject({
      TENCENTCLOUD_ENDPOINT: emulator?.url,
      TENCENTCLOUD_SECRET_ID: "AKIDCLI",
      TENCENTCLOUD_SECRET_KEY: "cli-secret",
      TENCENTCLOUD_REGION: "ap-shanghai",
    });
    expect(text).toContain("crs-cli00001");
    const r = await tencentCall(
      env.TENCENTCLOUD_ENDPOINT,
      "ManualBackupInstance",
      { InstanceId: "crs-cli00001" },
      {
        secretId: env.TENCENTCLOUD_SECRET_ID,
        secretKey: env.TENCENTCLOUD_SECRET_KEY,
        region: env.TENCENTCLOUD_REGION,
      },
    );
    expect(errorCode(r)).toBeUndefined();
  } finally {
    await emulator?.close();
  }
});

it("--data seeds Alibaba Cloud and UCloud too, and prints their keys to export", async () => {
  const dataFile = dataFileOf({
    instances: [{ instanceId: "crs-cli00002" }],
    alicloud: {
      instances: [{ instanceId: "r-cli0001", backups: [{ startedHoursAgo: 3 }] }],
      credentials: [{ accessKeyId: "LTAICLI", accessKeySecret: "ali-cli-secret" }],
    },
    ucloud: {
      groups: [{ groupId: "uredis-cli01", backups: [{ backupName: "nightly", takenHoursAgo: 2 }] }],
      credentials: [{ publicKey: "cli-public", privateKey: "cli-private" }],
    },
  });
  const { emulator, lines } = await runCliPrinting(["--port", "0", "--data", dataFile]);
  try {
    const text = lines.join("\n");
    expect(text).toContain("export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAICLI");
    expect(text).toContain("export UCLOUD_PRIVATE_KEY=cli-private");
    expect(text).toContain("instances: r-cli0001");
    expect(text).toContain("groups: uredis-cli01");
    expect(emulator!.alicloud.backups("r-cli0001")).toHaveLength(1);
    expect(emulator!.ucloud.backups("uredis-cli01")).toHaveLength(1);
  } finally {
    await emulator?.close();
  }
  writeFileSync(dataFile, JSON.stringify({ instances: [], ucloud: { group: [] } }));
  await expect(runCli(["--port", "0", "--data", dataFile], () => undefined)).rejects.toThrow(
    "ucloud.group: unknown; ucloud takes groups, credentials",
  );
});

it("prints its version", async () => {
  const { emulator, lines } = await runCliPrinting(["--version"]);
  expect(emulator).toBeUndefined();
  expect(lines).toEqual([JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version]);
});

it("runs as a program and stops cleanly on SIGTERM", async () => {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", "--port", "0"],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
  });
  expect(out).toContain("crs-demo0001");
  expect(errorCode(await tencentCall(url, "DescribeInstanceBackups", {}))).toBeUndefined();
  const exitCode = await new Promise<number | null>((done) => {
    child.removeAllListeners("exit");
    child.on("exit", (code) => done(code));
    child.kill("SIGTERM");
  });
  expect(exitCode).toBe(0);
});
