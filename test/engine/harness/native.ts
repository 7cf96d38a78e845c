/**
 * Projects of the native provider: the SDK generated from its schema (sdk/nodejs) copied beside
 * the program as ./redis-backup-sdk (a user adds it with `pulumi package add`), and the plugin
 * found by path (`plugins: providers:` in Pulumi.yaml), as the README says.
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiProject, REPO_ROOT } from "../../../tools/pulumi-cli/project";
import { describeEngine } from "./suite";

/** The native Tencent backup's resource type, as the engine tests declare and import it. */
export const TENCENT_BACKUP_TYPE = "redis-backup:tencentcloud:RedisBackup";

/** The npm name the schema gives the TypeScript SDK (`pulumi package add` links it under it). */
export const SDK_NPM_NAME = "pulumi-redis-backup-native";

/** The folder holding `pulumi-resource-redis-backup`. */
export const PLUGIN_DIR = path.join(REPO_ROOT, "plugin", "bin");

/** `project`, with the plugin by path (and, for a TypeScript program, the generated SDK beside it). */
export function nativeProject(project: PulumiProject, o: { sdk?: boolean } = {}): PulumiProject {
  if (o.sdk ?? true) {
    fs.cpSync(path.join(REPO_ROOT, "sdk", "nodejs"), path.join(project.dir, "redis-backup-sdk"), {
      recursive: true,
    });
  }
  fs.appendFileSync(
    path.join(project.dir, "Pulumi.yaml"),
    `plugins:\n  providers:\n    - name: redis-backup\n      path: ${PLUGIN_DIR}\n`,
  );
  return project;
}

/**
 * A copy of plugin/ (PulumiPlugin.yaml, package.json, index.js) in `root`, depending on this
 * checkout: the plugin project `pulumi package add <folder>` takes, as from a user's git URL.
 */
export function pluginProjectCopy(root: string): string {
  const dir = path.join(root, "redis-backup-plugin");
  fs.mkdirSync(dir);
  for (const f of ["PulumiPlugin.yaml", "index.js", "package.json"])
    fs.copyFileSync(path.join(REPO_ROOT, "plugin", f), path.join(dir, f));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  pkg.dependencies["pulumi-redis-backup"] = `file:${REPO_ROOT}`;
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  return dir;
}

/**
 * `describeEngine` for a file that also needs `needs` (a language host, a venv): with them, or
 * under CI (where their absence fails the file), it runs; elsewhere it is skipped, saying what to
 * run, as the engine suite is without a CLI.
 */
export function describeEngineWith(
  needs: { what: string; present: boolean; how: string },
  title: string,
  body: () => void,
): void {
  if (needs.present || process.env.CI === "true") describeEngine(title, body);
  else describe.skip(`${title} (no ${needs.what}: ${needs.how})`, body);
}
