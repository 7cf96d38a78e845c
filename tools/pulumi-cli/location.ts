/**
 * Where the pinned Pulumi CLI lives, and how to find a CLI at all: the engine tests, the demo and
 * `npm run pulumi-cli` agree on this one answer.
 *
 * The build goes to a cache folder outside the repo, keyed by version, so that a clean clone (CI)
 * reuses what an earlier run compiled: `~/.cache/pulumi-redis-backup/pulumi-v3.248.0/bin` unless
 * `PULUMI_REDIS_BACKUP_CACHE` or `XDG_CACHE_HOME` say otherwise.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The CLI release the engine tests pin: the same as the `@pulumi/pulumi` that package.json pins. */
export const PULUMI_VERSION = "v3.248.0";

/** The folder that holds `pulumi`, its language hosts (bridges and base hosts) and `pulumi-resource-pulumi-nodejs`. */
export function pinnedCliDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache =
    env.PULUMI_REDIS_BACKUP_CACHE ??
    path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-redis-backup");
  return path.join(cache, `pulumi-${PULUMI_VERSION}`, "bin");
}

/** The binaries a complete build holds. */
export const CLI_FILES = [
  "pulumi",
  "pulumi-language-nodejs",
  "pulumi-language-nodejs-base",
  "pulumi-language-python",
  "pulumi-language-python-base",
  "pulumi-language-python-exec",
  "pulumi-language-go",
  "pulumi-language-go-base",
  "pulumi-language-yaml",
  "pulumi-language-yaml-base",
  "pulumi-resource-pulumi-nodejs",
];

/** What the engine suite needs of a build: the CLI, the Node.js host and the dynamic-provider plugin. */
const CORE_FILES = [
  "pulumi",
  "pulumi-language-nodejs",
  "pulumi-language-nodejs-base",
  "pulumi-resource-pulumi-nodejs",
];

/** A binary of the pinned build (`pulumi-language-python`, `pulumi-language-go`), when it was built. */
export function pinnedTool(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = path.join(pinnedCliDir(env), name);
  return fs.existsSync(file) ? file : undefined;
}

/** A CLI to run: its folder (to put first on PATH) and where it came from. */
export interface FoundCli {
  /** The folder to put first on PATH: the engine finds its language host and plugins there. */
  dir: string;
  source: "pinned" | "PATH";
  /** What `pulumi version` printed. */
  version: string;
}

/** The pinned build when it is complete, else a `pulumi` on PATH, else undefined. */
export function findPulumiCli(env: NodeJS.ProcessEnv = process.env): FoundCli | undefined {
  const pinned = pinnedCliDir(env);
  if (CORE_FILES.every((f) => fs.existsSync(path.join(pinned, f)))) {
    const version = versionOf(path.join(pinned, "pulumi"));
    if (version) return { dir: pinned, source: "pinned", version };
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, "pulumi");
    if (fs.existsSync(candidate)) {
      const version = versionOf(candidate);
      if (version) return { dir, source: "PATH", version };
    }
  }
  return undefined;
}

function versionOf(binary: string): string | undefined {
  const r = spawnSync(binary, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
