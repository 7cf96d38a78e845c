/**
 * Backups declared in a file (`backups.yaml`) rather than in code: `declareBackups(path)` turns each
 * entry into the RedisBackup of its cloud (or, for `final: true`, its FinalBackup), named by its key. The same file is what
 * `pulumi-redis-backup validate` checks in pull requests and `drift` compares with the clouds.
 *
 * ```ts
 * import { declareBackups } from "pulumi-redis-backup";
 * const backups = declareBackups("backups.yaml");
 * export const ordersBackupId = backups["orders-before-migration"].backupId;
 * ```
 */
import type * as pulumi from "@pulumi/pulumi";
import { cloudEntry } from "../clouds";
import type { DeclaredBackup, Problem } from "./types";

// The public types come from types.ts, which reaches neither zod nor yaml (see there).
export type {
  AlicloudDeclaration,
  Cloud,
  Declaration,
  Declarations,
  DeclaredBackup,
  Problem,
  SteeringDeclaration,
  TencentDeclaration,
  UCloudDeclaration,
} from "./types";

/** Options of {@link declareBackups}. */
export interface DeclareBackupsOptions {
  /** Options for every resource made (parent, protect, dependsOn, ignoreChanges, ...). */
  resourceOptions?: pulumi.CustomResourceOptions;
}

/** Thrown by `declareBackups` for a file with problems; its message lists every one of them. */
export class DeclarationsError extends Error {
  override readonly name = "DeclarationsError";
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(
      `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the backup declarations:\n` +
        problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.field}: ${p.message}`).join("\n"),
    );
  }
}

/**
 * Declares one RedisBackup per entry of the declarations file at `path` (relative paths resolve
 * against the current directory: the Pulumi project's), named by the entry's key, and returns them
 * by name. An entry with `final: true` is declared as its cloud's FinalBackup (taken when the
 * instance goes) and is not among those returned: it has no backup to read until then. Throws a
 * {@link DeclarationsError} listing every problem when the file has any; declares nothing then.
 */
export function declareBackups(
  path: string,
  opts: DeclareBackupsOptions = {},
): Record<string, DeclaredBackup> {
  // The YAML parser is loaded here, by programs that declare backups, and never by a provider.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadDeclarations }: typeof import("./parse") = require("./parse");
  const { declarations, problems } = loadDeclarations(path);
  if (problems.length > 0) throw new DeclarationsError(path, problems);
  const made: Record<string, DeclaredBackup> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const resource = cloudEntry(declaration.cloud).declare(name, declaration, opts.resourceOptions);
    if (!declaration.final) made[name] = resource;
  }
  return made;
}
