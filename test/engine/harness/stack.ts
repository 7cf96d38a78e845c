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

/** How the engine writes a secret in a state export: this signature key, and the ciphertext. */
const SECRET_KEYS = ["4dabf18193072939515e22adb298388d", "ciphertext"];

/**
 * A program's download-function results, exported as the stack outputs `expected` names (output →
 * how many files): none of the URLs the emulator issued is in the state export in the clear, each
 * output is a secret there, and shown it holds that many files, each URL one the emulator issued.
 */
export async function expectSecretDownloads(
  project: PulumiProject,
  emulator: Emulator,
  expected: Record<string, number>,
): Promise<void> {
  const issued = emulator.admin.issuedUrls();
  expect(issued.length).toBeGreaterThanOrEqual(1);
  const exported = await exportWithout(project, issued);
  const shown = await shownOutputs(project);
  const stack = JSON.parse(exported).deployment.resources.find(
    (r: { type: string }) => r.type === "pulumi:pulumi:Stack",
  );
  for (const [output, files] of Object.entries(expected)) {
    expect({ output, files: shown[output].length }).toEqual({ output, files });
    for (const file of shown[output]) expect(issued).toContain(file.url);
    expect({ output, keys: Object.keys(stack.outputs[output]) }).toEqual({ output, keys: SECRET_KEYS });
  }
}
