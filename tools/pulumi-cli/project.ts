/**
 * The real Pulumi CLI, run as a user runs it, offline: a local file backend in a temporary folder,
 * a passphrase instead of a login, no update check, no plugin downloads, and the provider pointed
 * at an emulator (by the environment the caller passes). Commands are spawned asynchronously:
 * the emulator answering the provider may live in the calling process (the engine tests, the demo).
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FoundCli, findPulumiCli } from "./location";

/** The repository root: its node_modules serve every test program. */
export const REPO_ROOT = path.resolve(__dirname, "../..");

export interface CliResult {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI to run (the pinned build first, then PATH), looked up once per process. */
let found: FoundCli | undefined | null = null;
export function engineCli(): FoundCli | undefined {
  if (found === null) found = findPulumiCli();
  return found;
}

/**
 * A Pulumi project copied to a temporary folder (so stack config files and the backend stay out
 * of the repo), whose node_modules link to the repo's: `pulumi-redis-backup` resolves to this
 * checkout's dist/, as the dynamic provider does when it loads its lifecycle by package name.
 */
export class PulumiProject {
  readonly dir: string;
  readonly backendDir: string;
  private readonly root: string;

  private constructor(
    readonly cli: FoundCli,
    source: string,
    private readonly env: Record<string, string>,
  ) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-engine-"));
    this.dir = path.join(this.root, path.basename(source));
    this.backendDir = path.join(this.root, "backend");
    fs.mkdirSync(this.backendDir);
    // A user's stack files (Pulumi.<stack>.yaml) and installed modules are not part of the project.
    fs.cpSync(source, this.dir, {
      recursive: true,
      filter: (f) => !f.includes(`${path.sep}node_modules`) && !/Pulumi\.[^/]+\.yaml$/.test(f),
    });
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(this.dir, "node_modules"), "dir");
  }

  /** A copy of the project at `source` (a folder with Pulumi.yaml, package.json, index.ts). */
  static create(source: string, env: Record<string, string>): PulumiProject {
    const cli = engineCli();
    if (!cli) throw new Error("no Pulumi CLI: run `npm run pulumi-cli` to build the pinned one");
    return new PulumiProject(cli, source, env);
  }

  /** The environment every command runs with. */
  environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const base: NodeJS.ProcessEnv = {};
    // Nothing of the caller's cloud credentials or Pulumi login may leak into a test.
    for (const [k, v] of Object.entries(process.env)) {
      if (!/^(TENCENTCLOUD_|ALIBABA_CLOUD_|ALICLOUD_|UCLOUD_|PULUMI_)/.test(k)) base[k] = v;
    }
    return {
      ...base,
      PATH: `${this.cli.dir}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(this.root, "pulumi-home"),
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-suite-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      ...this.env,
      ...extra,
    };
  }

  /**
   * Runs `pulumi <args>` in the project (or in `cwd`); never throws on a non-zero exit (see `ok`). With `stream`,
   * what the CLI prints is shown as it comes, as well as collected.
   */
  run(
    args: string[],
    o: { env?: Record<string, string>; stdin?: string; stream?: boolean; cwd?: string } = {},
  ): Promise<CliResult> {
    const command = `pulumi ${args.join(" ")}`;
    return new Promise((resolve, reject) => {
      const p = spawn(path.join(this.cli.dir, "pulumi"), [...args, "--color", "never"], {
        cwd: o.cwd ?? this.dir,
        env: this.environment(o.env),
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      p.stdout.on("data", (d) => {
        stdout += String(d);
        if (o.stream) process.stdout.write(d);
      });
      p.stderr.on("data", (d) => {
        stderr += String(d);
        if (o.stream) process.stderr.write(d);
      });
      p.on("error", reject);
      p.on("close", (code) => resolve({ command, code: code ?? 1, stdout, stderr }));
      p.stdin.end(o.stdin ?? "");
    });
  }

  /**
   * Starts `pulumi <args>` as the leader of a process group of its own (the CLI, the language
   * host, the program and the dynamic provider host all belong to it), so that a caller can kill
   * the whole deployment at once, as a cancelled CI job is: `process.kill(-child.pid, "SIGKILL")`.
   * `done` resolves when the CLI exits, however it exits.
   */
  startGroup(args: string[]): { child: ChildProcess; done: Promise<CliResult> } {
    const command = `pulumi ${args.join(" ")}`;
    const child = spawn(path.join(this.cli.dir, "pulumi"), [...args, "--color", "never"], {
      cwd: this.dir,
      env: this.environment(),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += String(d)));
    child.stderr?.on("data", (d) => (stderr += String(d)));
    const done = new Promise<CliResult>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) =>
        resolve({ command, code: code ?? (signal ? 128 + 9 : 1), stdout, stderr }),
      );
    });
    return { child, done };
  }

  /** Runs a command that must succeed; a failure throws with everything the CLI printed. */
  async ok(
    args: string[],
    o: { env?: Record<string, string>; stdin?: string; cwd?: string } = {},
  ): Promise<CliResult> {
    const r = await this.run(args, o);
    if (r.code !== 0) throw new Error(`${r.command} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  /** `pulumi stack init` of a new stack, selected. */
  async initStack(name: string): Promise<void> {
    await this.ok(["stack", "init", name, "--non-interactive"]);
  }

  /** Sets plain config values (`key=value`, keys without a namespace are the project's). */
  async setConfig(values: Record<string, string | number | boolean>): Promise<void> {
    const args = ["config", "set-all"];
    for (const [k, v] of Object.entries(values)) args.push("--plaintext", `${k}=${String(v)}`);
    await this.ok(args);
  }

  /** Sets one config value as a secret (`pulumi config set --secret`). */
  async setSecret(key: string, value: string): Promise<void> {
    await this.ok(["config", "set", "--secret", key, value]);
  }

  /** Removes config keys. */
  async removeConfig(...keys: string[]): Promise<void> {
    for (const k of keys) await this.ok(["config", "rm", k]);
  }

  /** `pulumi stack export`, parsed. */
  async exportStack(): Promise<StackExport> {
    return JSON.parse((await this.ok(["stack", "export"])).stdout) as StackExport;
  }

  /** The stack's outputs (`pulumi stack output --json`). */
  async outputs<T = Record<string, unknown>>(): Promise<T> {
    return JSON.parse((await this.ok(["stack", "output", "--json"])).stdout) as T;
  }

  /** Every file of the backend folder, concatenated (state, history, backups). */
  backendText(): string {
    const parts: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else parts.push(fs.readFileSync(p, "utf8"));
      }
    };
    walk(this.backendDir);
    return parts.join("\n");
  }

  /** Removes the temporary folder (backend included). */
  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** The parts of `pulumi stack export` the tests read. */
export interface StackExport {
  version: number;
  deployment: {
    resources?: ExportedResource[];
    pending_operations?: { resource: ExportedResource; type: string }[];
  };
}

export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
  dependencies?: string[];
  /** Why a create that made something failed to initialise (the next `pulumi up` completes it). */
  initErrors?: string[];
}

/** The stack's resources of our types (dynamic, and the native provider's `redis-backup:`), by resource name. */
export function backupsByName(exported: StackExport): Record<string, ExportedResource> {
  const out: Record<string, ExportedResource> = {};
  for (const r of exported.deployment.resources ?? []) {
    if (r.type.startsWith("pulumi-nodejs:dynamic/") || r.type.startsWith("redis-backup:"))
      out[r.urn.slice(r.urn.lastIndexOf("::") + 2)] = r;
  }
  return out;
}
