/**
 * `npm run demo`: the example program's backups against the embedded emulator, from `pulumi up`
 * to drift to destroy.
 *
 * With a Pulumi CLI on PATH it runs the real thing (local file backend in a temporary folder, no
 * login). Without one it drives the same resources through Pulumi's own dynamic-provider host —
 * the process `pulumi up` would start — and says so.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_REGION, Emulator, startEmulator } from "../emulator";
import { DIFF, requests, startDynamicHost } from "../emulator/dynamicHost";

const ROOT = path.resolve(__dirname, "..");

function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

function step(title: string): void {
  say();
  say(`== ${title}`);
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ taskSeconds: 3 });
  const env = {
    TENCENTCLOUD_ENDPOINT: emulator.url,
    TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS.secretId,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS.secretKey,
    TENCENTCLOUD_REGION: DEMO_REGION,
  };
  say(
    `Emulator of Tencent Cloud's Redis API listening at ${emulator.url} (demo instances crs-demo0001, crs-demo0002)`,
  );
  try {
    if (hasPulumiCli()) await withCli(emulator, env);
    else await withoutCli(emulator, env);
  } finally {
    await emulator.close();
  }
}

function hasPulumiCli(): boolean {
  return spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
}

// ---------------------------------------------------------------------------------------------
// With the Pulumi CLI: the real commands.

async function withCli(emulator: Emulator, env: Record<string, string>): Promise<void> {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-demo-"));
  const cliEnv = {
    ...process.env,
    ...env,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const pulumiCmd = async (...args: string[]) => {
    say(`$ pulumi ${args.join(" ")}`);
    // Run asynchronously: the emulator serving the provider lives in this process.
    const { spawn } = await import("child_process");
    const code = await new Promise<number>((resolve) => {
      const p = spawn("pulumi", args, { cwd: ROOT, env: cliEnv, stdio: ["ignore", "inherit", "inherit"] });
      p.on("exit", (c) => resolve(c ?? 1));
    });
    if (code !== 0) throw new Error(`pulumi ${args[0]} exited ${code}`);
  };
  const outputs = () => {
    const r = spawnSync("pulumi", ["stack", "output", "backups", "--json"], { cwd: ROOT, env: cliEnv });
    return JSON.parse(String(r.stdout)) as Record<string, { id: string }>;
  };
  try {
    step("pulumi up: take the declared backups");
    await pulumiCmd("stack", "init", "demo", "--non-interactive");
    await pulumiCmd("up", "--yes", "--skip-preview");
    const backups = outputs();
    step("drift, induced in the emulator");
    emulator.admin.expireBackup(backups.ordersBeforeMigration.id);
    say(`expired ${backups.ordersBeforeMigration.id} (orders-before-migration)`);
    emulator.admin.lockBackup(backups.sessionsSnapshot.id, true);
    say(`locked ${backups.sessionsSnapshot.id} (sessions-snapshot), as another process would`);
    step("pulumi preview --refresh --diff: what the next up would do");
    await pulumiCmd("preview", "--refresh", "--diff");
    step("pulumi destroy");
    await pulumiCmd("destroy", "--yes", "--skip-preview");
    await pulumiCmd("stack", "rm", "demo", "--yes");
  } finally {
    fs.rmSync(state, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Without the CLI: the same program, the same provider code, driven through the host process.

interface Declared {
  name: string;
  type: string;
  inputs: Record<string, unknown>;
}

/** Runs the example program under mocks to learn what it declares (inputs and __provider included). */
async function declaredResources(): Promise<Declared[]> {
  const declared: Declared[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        declared.push({ name: a.name, type: a.type, inputs: a.inputs });
        return { id: "", state: a.inputs };
      },
      call: (a) => a.inputs,
    },
    "redis-backups",
    "demo",
    true,
  );
  await import("../examples/tencentcloud");
  // Let the program's outputs settle, so every registration (and __provider) has resolved.
  await new Promise((r) => setTimeout(r, 200));
  return declared.map((d) => ({
    ...d,
    inputs: {
      ...d.inputs,
      __provider:
        typeof d.inputs.__provider === "string"
          ? d.inputs.__provider
          : (d.inputs.__provider as { value: string }).value,
    },
  }));
}

interface Managed {
  name: string;
  inputs: Record<string, unknown>;
  id: string;
  outs: Record<string, unknown>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
async function withoutCli(emulator: Emulator, env: Record<string, string>): Promise<void> {
  say(
    "No Pulumi CLI on PATH: this demo drives examples/tencentcloud through Pulumi's own dynamic-provider\n" +
      "host (the process `pulumi up` starts for these resources), over gRPC, exactly as the engine would.\n" +
      "With the CLI installed, `npm run demo` runs pulumi up / preview --refresh --diff / destroy instead.",
  );
  const declared = await declaredResources();
  const host = await startDynamicHost({ cwd: ROOT, env });
  // What the provider logged (the CLI would show it as diagnostics), relayed once per line.
  const printed = { out: 0, err: 0 };
  const relayLogs = async () => {
    await new Promise((r) => setTimeout(r, 100)); // stderr arrives a moment after the call returns
    const err = host.stderr.join("").split("\n").filter(Boolean);
    const fresh = [...host.stdout.slice(printed.out), ...err.slice(printed.err)];
    printed.out = host.stdout.length;
    printed.err = err.length;
    for (const l of fresh) say(`   | ${l.replace(/^(info|warning|error): \[runtime\] /, "$1: ")}`);
  };
  try {
    const rq = requests(declared[0].type);
    await host.call("configure", rq.configure({}));
    const managed: Managed[] = [];

    step("pulumi up: take the declared backups");
    await Promise.all(
      declared.map(async (d) => {
        const chk: any = await host.call("check", rq.check({}, d.inputs, d.name));
        const failures = chk.getFailuresList().map((f: any) => `${f.getProperty()}: ${f.getReason()}`);
        if (failures.length) throw new Error(`${d.name}: ${failures.join("; ")}`);
        const inputs = chk.getInputs().toJavaScript();
        const cr: any = await host.call("create", rq.create(inputs, d.name));
        managed.push({ name: d.name, inputs, id: cr.getId(), outs: cr.getProperties().toJavaScript() });
      }),
    );
    await relayLogs();
    managed.sort((a, b) => a.name.localeCompare(b.name));
    for (const m of managed) {
      say(
        ` + ${m.name}: backup ${m.outs.backupId} of ${m.outs.instanceId} is ${m.outs.status}` +
          `, ${m.outs.sizeBytes} bytes, expires ${m.outs.expireTime}`,
      );
    }

    step("drift, induced in the emulator");
    const orders = managed.find((m) => m.name === "orders-before-migration")!;
    const sessions = managed.find((m) => m.name === "sessions-snapshot")!;
    emulator.admin.expireBackup(orders.outs.backupId as string);
    say(`expired backup ${orders.outs.backupId} (orders-before-migration), as time would`);
    emulator.admin.lockBackup(sessions.outs.backupId as string, true);
    say(`locked backup ${sessions.outs.backupId} (sessions-snapshot), as another process would`);

    step("pulumi preview --refresh --diff: what refresh finds and what the next up would do");
    for (const m of managed) {
      const rd: any = await host.call("read", rq.read(m.id, m.outs, m.inputs, m.name));
      if (!rd.getId()) {
        say(` - ${m.name}: gone; refresh removes it from the stack`);
        continue;
      }
      const refreshed = rd.getProperties().toJavaScript();
      for (const key of ["status", "locked"]) {
        if (refreshed[key] !== m.outs[key]) say(` ~ ${m.name}: ${key}: ${m.outs[key]} => ${refreshed[key]}`);
      }
      m.outs = refreshed;
      const df: any = await host.call("diff", rq.diff(m.id, refreshed, m.inputs, m.name));
      const replaces: string[] = df.getReplacesList();
      if (df.getChanges() !== DIFF.DIFF_SOME) say(`   ${m.name}: no changes`);
      else if (replaces.length)
        say(` +- ${m.name}: replace (because of ${replaces.join(", ")}): a fresh backup is taken`);
      else say(` ~  ${m.name}: update in place: the new lock state is acknowledged`);
    }
    await relayLogs();

    step("pulumi up: apply that plan");
    for (const m of managed) {
      const df: any = await host.call("diff", rq.diff(m.id, m.outs, m.inputs, m.name));
      if (df.getChanges() !== DIFF.DIFF_SOME) continue;
      if (df.getReplacesList().length) {
        const cr: any = await host.call("create", rq.create(m.inputs, m.name));
        await host.call("delete", rq.delete(m.id, m.outs, m.name));
        await relayLogs();
        m.id = cr.getId();
        m.outs = cr.getProperties().toJavaScript();
        say(` +- ${m.name}: replaced by backup ${m.outs.backupId}, expires ${m.outs.expireTime}`);
      } else {
        const up: any = await host.call("update", rq.update(m.id, m.outs, m.inputs, m.name));
        m.outs = up.getProperties().toJavaScript();
        await relayLogs();
        say(` ~  ${m.name}: updated; locked=${m.outs.locked} acknowledged`);
      }
    }

    step("pulumi destroy");
    for (const m of managed) {
      await host.call("delete", rq.delete(m.id, m.outs, m.name));
      say(` - ${m.name}: removed from the stack`);
    }
    await relayLogs();
    say();
    say(
      `Done: ${emulator.admin.backups().filter((b) => b.backupType === "0").length} manual backups remain in the emulator until they expire.`,
    );
  } finally {
    await host.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`demo failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
