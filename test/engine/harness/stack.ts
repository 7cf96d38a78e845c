/**
 * What a stack holds after `pulumi up`, judged by what the emulated clouds hold, and what it shows
 * of its secrets: in the export never in the clear, in `stack output --show-secrets` as they are.
 */
import type { Emulator } from "../../../emulator";
import { PulumiProject, backupsByName } from "../../../tools/pulumi-cli/project";
import { backupsInClouds } from "./world";

/**
 * `pulumi up` of a native program declaring `name`, a Tencent backup with `remark`, and
 * `<name>-<other>` on another cloud: both are taken in the emulated clouds (and the first is
 * available with its remark), and a preview then plans nothing.
 */
export async function expectUpTakesBoth(
  project: PulumiProject,
  emulator: Emulator,
  name: string,
  remark: string,
  other: "alicloud" | "ucloud",
): Promise<void> {
  await project.ok(["up", "--yes", "--skip-preview"]);
  const state = backupsByName(await project.exportStack());
  expect(state[name].type).toBe("redis-backup:tencentcloud:RedisBackup");
  expect(state[name].outputs).toMatchObject({ remark, status: "available" });
  expect(backupsInClouds(emulator).tencentcloud).toContain(state[name].outputs?.backupId);
  expect(backupsInClouds(emulator)[other]).toContain(state[`${name}-${other}`].outputs?.backupId);
  await project.ok(["preview", "--expect-no-changes"]);
}

/** The stack's export (`pulumi stack export`), checked to hold none of the `issued` URLs in the clear. */
export async function exportWithout(project: PulumiProject, issued: readonly string[]): Promise<string> {
  const exported = (await project.ok(["stack", "export"])).stdout;
  for (const url of issued)
    expect({ url, inExport: exported.includes(url) }).toEqual({ url, inExport: false });
  return exported;
}

/** The stack's outputs, secrets shown (`pulumi stack output --json --show-secrets`). */
export async function shownOutputs(project: PulumiProject) {
  return JSON.parse((await project.ok(["stack", "output", "--json", "--show-secrets"])).stdout);
}
