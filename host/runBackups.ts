/**
 * The small way to exercise a program's backups through Pulumi's dynamic-provider host: declare
 * them under Pulumi's mocks (which gives each its `__provider`, as `pulumi up` would serialize it),
 * start the host where the program's node_modules are, configure it, then create, read and delete
 * every dynamic resource, as the engine would on `pulumi up`, `pulumi refresh` and `pulumi destroy`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as pulumi from "@pulumi/pulumi";
import { requests, startDynamicHost } from "../emulator/dynamicHost";

/** What a program function returns: its resources, as a list or by name (as `declareBackups` returns them). */
export type ProgramResources = pulumi.Resource[] | Record<string, pulumi.Resource>;

/** Options of {@link runBackupsThroughHost}. */
export interface HostRunOptions {
  /**
   * The folder the host runs in: where `node_modules/pulumi-redis-backup` is (the host loads the
   * provider by package name, as under `pulumi up`). Default: the current directory.
   */
  cwd?: string;
  /** The host's environment on top of this process's, e.g. `emulatorEnvironment(emulator.url)`. */
  env?: Record<string, string | undefined>;
  /** Stack config as `pulumi config` holds it, e.g. `{ "tencentcloud:region": "ap-guangzhou" }`. Default none. */
  config?: Record<string, string>;
  /** Stop after the creates and reads, leaving the backups in place (default: delete them too). */
  keep?: boolean;
}

/** One dynamic resource of the program, through create, read and delete. */
export interface BackupRun {
  /** The resource's name, e.g. `before-migration`. */
  name: string;
  /** Its type, e.g. `pulumi-nodejs:dynamic/tencentcloud:RedisBackup`. */
  type: string;
  /** The id the create answered, e.g. `crs-demo0001:<backupId>`. */
  id: string;
  /** The outputs the create answered. */
  created: Record<string, unknown>;
  /** The outputs a refresh read right after; undefined when the read found it gone. */
  read: Record<string, unknown> | undefined;
  /** Whether the delete ran (false with `keep`). */
  deleted: boolean;
}

/** What {@link runBackupsThroughHost} did. */
export interface HostRun {
  /** Every dynamic resource of the program, in the order the program returned them (others after). */
  backups: BackupRun[];
  /** What the provider printed (the lines the CLI shows as the stack's `[runtime]` diagnostics). */
  log: string;
}

interface Declared {
  name: string;
  type: string;
  inputs: Record<string, unknown>;
}

/** The program's dynamic resources with their inputs and `__provider`, under Pulumi's mocks. */
async function declare(program: () => ProgramResources | Promise<ProgramResources>): Promise<Declared[]> {
  const declared: Declared[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        declared.push({ name: a.name, type: a.type, inputs: a.inputs });
        return { id: `${a.name}-id`, state: a.inputs };
      },
      call: (a) => a.inputs,
    },
    "project",
    "stack",
    false,
  );
  const made = await program();
  const resources = Array.isArray(made) ? made : Object.values(made);
  // A resource's urn resolves once it is registered, __provider (serialized asynchronously) included.
  const urns = await Promise.all(
    resources.map((r) => new Promise<string>((resolve) => r.urn.apply(resolve))),
  );
  // Registration order depends on serialization; the program's own order is the one to report.
  const order = new Map(urns.map((u, i) => [u.slice(u.lastIndexOf("::") + 2), i]));
  const rank = (name: string) => order.get(name) ?? urns.length;
  return [...declared]
    .sort((a, b) => rank(a.name) - rank(b.name))
    .filter((d) => d.type.startsWith("pulumi-nodejs:dynamic/"))
    .map((d) => {
      const p = d.inputs.__provider as string | { value: string };
      return { ...d, inputs: { ...d.inputs, __provider: typeof p === "string" ? p : p.value } };
    });
}

/**
 * Runs the dynamic resources `program` declares through Pulumi's dynamic-provider host: check and
 * create each (all at once, as `pulumi up` does), read each, then delete each. A failure rejects
 * with the host's own message (a failed check names each property), after stopping the host.
 */
export async function runBackupsThroughHost(
  program: () => ProgramResources | Promise<ProgramResources>,
  options: HostRunOptions = {},
): Promise<HostRun> {
  const declared = await declare(program);
  if (declared.length === 0) return { backups: [], log: "" };
  const host = await startDynamicHost({ cwd: options.cwd, env: options.env });
  const log = () => [...host.stdout, ...host.stderr].join("\n").trim();
  try {
    await host.call("configure", requests(declared[0].type).configure(options.config ?? {}));
    const created = await Promise.all(
      declared.map(async (d) => {
        const rq = requests(d.type);
        const checked: any = await host.call("check", rq.check({}, d.inputs, d.name));
        const failures: string[] = checked
          .getFailuresList()
          .map((f: any) => `${f.getProperty()}: ${f.getReason()}`);
        if (failures.length > 0) throw new Error(`${d.name}: ${failures.join("; ")}`);
        const inputs = checked.getInputs().toJavaScript();
        const made: any = await host.call("create", rq.create(inputs, d.name));
        return { ...d, inputs, id: made.getId() as string, outs: made.getProperties().toJavaScript() };
      }),
    );
    const backups: BackupRun[] = [];
    for (const c of created) {
      const rq = requests(c.type);
      const r: any = await host.call("read", rq.read(c.id, c.outs, c.inputs, c.name));
      const read = r.getId() ? r.getProperties().toJavaScript() : undefined;
      if (!options.keep) await host.call("delete", rq.delete(c.id, read ?? c.outs, c.name));
      backups.push({ name: c.name, type: c.type, id: c.id, created: c.outs, read, deleted: !options.keep });
    }
    // Output reaches us a moment after the call that printed it answered.
    await new Promise((r) => setTimeout(r, 100));
    return { backups, log: log() };
  } catch (e) {
    const detail = log();
    throw new Error(`${e instanceof Error ? e.message : String(e)}${detail ? `\n${detail}` : ""}`);
  } finally {
    await host.stop();
  }
}
