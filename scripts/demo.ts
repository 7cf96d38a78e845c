/**
 * `npm run demo`: the example program's backups against the embedded emulator, from `pulumi up`
 * to drift to destroy.
 *
 * With a Pulumi CLI (the pinned build of `npm run pulumi-cli`, else one on PATH) it runs the real
 * thing (local file backend in a temporary folder, no login). Without one it drives the same
 * resources through Pulumi's own dynamic-provider host — the process `pulumi up` would start —
 * and says so.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Emulator, emulatorEnvironment, startEmulator } from "../emulator";
import { DIFF, requests, startDynamicHost } from "../emulator/dynamicHost";
import { FoundCli, findPulumiCli } from "../tools/pulumi-cli/location";
import { PulumiProject } from "../tools/pulumi-cli/project";

const ROOT = path.resolve(__dirname, "..");

function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

function step(title: string): void {
  say();
  say(`== ${title}`);
}

async function main(): Promise<void> {
  const emulator = await startEmulator({
    taskSeconds: 3,
    alicloud: { jobSeconds: 3 },
    ucloud: { backupSeconds: 3 },
  });
  const env = emulatorEnvironment(emulator.url);
  say(
    `Emulator of the Tencent Cloud, Alibaba Cloud and UCloud Redis backup APIs listening at ${emulator.url}\n` +
      "(demo instances crs-demo0001, crs-demo0002, r-demo0001, uredis-demo01)",
  );
  try {
    const cli = findPulumiCli();
    if (cli) await withCli(emulator, env, cli);
    else await withoutCli(emulator, env);
  } finally {
    await emulator.close();
  }
}

/** The drift the demo induces, by resource: what time, another process or an operator would do. */
function induceDrift(emulator: Emulator, name: string, backupId: string): string | undefined {
  switch (name) {
    case "orders-before-migration":
      emulator.admin.expireBackup(backupId);
      return "expired, as time would";
    case "sessions-snapshot":
      emulator.admin.lockBackup(backupId, true);
      return "locked, as another Tencent process would";
    case "cache-before-upgrade":
      emulator.ucloud.deleteBackup(backupId);
      return "deleted in the console, as an operator might";
  }
  return undefined;
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

// ---------------------------------------------------------------------------------------------
// With the Pulumi CLI: the real commands.

async function withCli(emulator: Emulator, env: Record<string, string>, cli: FoundCli): Promise<void> {
  // A copy of the example in a temporary folder: its stack file and the file backend stay out of the repo.
  const project = PulumiProject.create(path.join(ROOT, "examples/redis-backups"), env);
  const pulumiCmd = async (...args: string[]) => {
    say(`$ pulumi ${args.join(" ")}`);
    const r = await project.run(args, { stream: true });
    if (r.code !== 0) throw new Error(`pulumi ${args[0]} exited ${r.code}`);
  };
  try {
    say(
      `Pulumi CLI ${cli.version} (${cli.source === "pinned" ? "the pinned build" : "from PATH"}, ${cli.dir})`,
    );
    step("pulumi up: take the declared backups");
    await project.initStack("demo");
    await pulumiCmd("up", "--yes", "--skip-preview");
    const outputs = (await project.outputs<{ backups: Record<string, { id: string }> }>()).backups;
    step("drift, induced in the emulator");
    for (const name of [
      "orders-before-migration",
      "sessions-snapshot",
      "catalog-weekly",
      "cache-before-upgrade",
    ]) {
      const id = outputs[camel(name)]?.id;
      const what = id && induceDrift(emulator, name, id);
      if (what) say(`${name}: backup ${id} ${what}`);
    }
    step("pulumi preview --refresh --diff: what refresh finds and what the next up would do");
    await pulumiCmd("preview", "--refresh", "--diff");
    step("pulumi up --refresh: apply that plan");
    await pulumiCmd("up", "--refresh", "--yes", "--skip-preview");
    step("pulumi destroy");
    await pulumiCmd("destroy", "--yes", "--skip-preview");
    say();
    say(`Done: the demo ran under the Pulumi CLI ${cli.version}, against the emulator.`);
  } finally {
    project.dispose();
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
  await import("../examples/redis-backups");
  // Let the program's outputs settle, so every registration (and __provider) has resolved.
  await new Promise((r) => setTimeout(r, 300));
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

interface Managed extends Declared {
  id: string;
  outs: Record<string, unknown>;
  gone?: boolean;
}

const describeBackup = (m: Managed) =>
  `backup ${m.outs.backupId} of ${m.outs.instanceId ?? m.outs.groupId} is ${m.outs.status}` +
  (m.outs.sizeBytes !== undefined ? `, ${m.outs.sizeBytes} bytes` : "") +
  (m.outs.expireTime ? `, expires ${m.outs.expireTime}` : "");

/* eslint-disable @typescript-eslint/no-explicit-any */
async function withoutCli(emulator: Emulator, env: Record<string, string>): Promise<void> {
  say(
    "No Pulumi CLI (`npm run pulumi-cli` builds one): this demo drives examples/redis-backups through Pulumi's own dynamic-provider\n" +
      "host (the process `pulumi up` starts for these resources), over gRPC, exactly as the engine would.\n" +
      "With a CLI, `npm run demo` runs pulumi up / preview --refresh --diff / up --refresh / destroy instead.",
  );
  const declared = await declaredResources();
  const host = await startDynamicHost({ cwd: ROOT, env });
  // What the provider logged (the CLI would show it as diagnostics), relayed once per line.
  const printed = { out: 0, err: 0 };
  const relayLogs = async () => {
    await new Promise((r) => setTimeout(r, 100)); // output arrives a moment after the call returns
    const err = host.stderr.join("").split("\n").filter(Boolean);
    const fresh = [...host.stdout.slice(printed.out), ...err.slice(printed.err)];
    printed.out = host.stdout.length;
    printed.err = err.length;
    for (const l of fresh) say(`   | ${l.replace(/^(info|warning|error): \[runtime\] /, "$1: ")}`);
  };
  const rq = (m: Declared) => requests(m.type);
  const create = async (d: Declared): Promise<Managed> => {
    const chk: any = await host.call("check", rq(d).check({}, d.inputs, d.name));
    const failures = chk.getFailuresList().map((f: any) => `${f.getProperty()}: ${f.getReason()}`);
    if (failures.length) throw new Error(`${d.name}: ${failures.join("; ")}`);
    const inputs = chk.getInputs().toJavaScript();
    const cr: any = await host.call("create", rq(d).create(inputs, d.name));
    return { ...d, inputs, id: cr.getId(), outs: cr.getProperties().toJavaScript() };
  };
  try {
    await host.call("configure", requests(declared[0].type).configure({}));

    step("pulumi up: take the declared backups");
    const managed = (await Promise.all(declared.map(create))).sort((a, b) => a.name.localeCompare(b.name));
    await relayLogs();
    for (const m of managed) say(` + ${m.name}: ${describeBackup(m)}`);

    step("drift, induced in the emulator");
    for (const m of managed) {
      const what = induceDrift(emulator, m.name, String(m.outs.backupId));
      if (what) say(`${m.name}: backup ${m.outs.backupId} ${what}`);
    }

    step("pulumi preview --refresh --diff: what refresh finds and what the next up would do");
    for (const m of managed) {
      const rd: any = await host.call("read", rq(m).read(m.id, m.outs, m.inputs, m.name));
      if (!rd.getId()) {
        m.gone = true;
        say(
          ` -  ${m.name}: the backup is gone; refresh removes it from the stack and the next up takes a new one`,
        );
        continue;
      }
      const refreshed = rd.getProperties().toJavaScript();
      for (const key of ["status", "locked"]) {
        if (refreshed[key] !== m.outs[key]) say(` ~  ${m.name}: ${key}: ${m.outs[key]} => ${refreshed[key]}`);
      }
      m.outs = refreshed;
      const df: any = await host.call("diff", rq(m).diff(m.id, refreshed, m.inputs, m.name));
      const replaces: string[] = df.getReplacesList();
      if (df.getChanges() !== DIFF.DIFF_SOME) say(`    ${m.name}: no changes`);
      else if (replaces.length)
        say(` +- ${m.name}: replace (because of ${replaces.join(", ")}): a fresh backup is taken`);
      else say(` ~  ${m.name}: update in place: the new lock state is acknowledged`);
    }
    await relayLogs();

    step("pulumi up: apply that plan");
    for (const [i, m] of managed.entries()) {
      if (m.gone) {
        managed[i] = await create(m);
        await relayLogs();
        say(` +  ${m.name}: created again: ${describeBackup(managed[i])}`);
        continue;
      }
      const df: any = await host.call("diff", rq(m).diff(m.id, m.outs, m.inputs, m.name));
      if (df.getChanges() !== DIFF.DIFF_SOME) continue;
      if (df.getReplacesList().length) {
        const fresh = await create(m);
        await host.call("delete", rq(m).delete(m.id, m.outs, m.name));
        managed[i] = fresh;
        await relayLogs();
        say(` +- ${m.name}: replaced: ${describeBackup(fresh)}`);
      } else {
        const up: any = await host.call("update", rq(m).update(m.id, m.outs, m.inputs, m.name));
        m.outs = up.getProperties().toJavaScript();
        await relayLogs();
        say(` ~  ${m.name}: updated; locked=${m.outs.locked} acknowledged`);
      }
    }

    step("pulumi destroy");
    for (const m of managed) {
      await host.call("delete", rq(m).delete(m.id, m.outs, m.name));
      say(` -  ${m.name}: removed from the stack`);
    }
    await relayLogs();
    say();
    say(
      "Done: the demo ran without the Pulumi CLI, through Pulumi's dynamic-provider host, against the emulator.",
    );
  } finally {
    await host.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`demo failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
