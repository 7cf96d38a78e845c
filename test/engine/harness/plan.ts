/**
 * What the engine plans, read from `pulumi preview --json`: one step per resource, with the
 * operation the engine chose and the properties it gave as the reason to replace.
 */
import type { CliResult } from "../../../tools/pulumi-cli/project";

export interface PlannedStep {
  op: string;
  replaceReasons?: string[];
  diffReasons?: string[];
}

/** The plan by resource name, refresh steps and the stack itself left out. */
export function planOf(preview: CliResult): Record<string, PlannedStep> {
  const json = JSON.parse(preview.stdout) as {
    steps: { op: string; urn: string; replaceReasons?: string[]; diffReasons?: string[] }[];
  };
  const plan: Record<string, PlannedStep> = {};
  for (const s of json.steps) {
    if (s.op === "refresh" || s.urn.includes("::pulumi:pulumi:Stack::")) continue;
    const name = s.urn.slice(s.urn.lastIndexOf("::") + 2);
    plan[name] = { op: s.op, replaceReasons: s.replaceReasons, diffReasons: s.diffReasons };
  }
  return plan;
}

/**
 * `{ name: op }` of the resources the plan changes, for assertions that read like the plan (the
 * JSON preview lists an unchanged resource only when a refresh touched it).
 */
export function opsOf(preview: CliResult): Record<string, string> {
  return Object.fromEntries(
    Object.entries(planOf(preview))
      .filter(([, s]) => s.op !== "same")
      .map(([n, s]) => [n, s.op]),
  );
}
