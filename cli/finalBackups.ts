/**
 * `final-backups`: the backups FinalBackups took, asked of each cloud (never of a stack: a
 * FinalBackup leaves the stack when it takes its backup). Which instances to ask about comes from
 * `--instance` (with `--cloud`), or from a state export that still holds FinalBackups: the one
 * before the destroy, `pulumi stack export --version <n>` (`pulumi stack history` lists them).
 *
 * What a cloud can tell: Tencent keeps the label in the backup's Remark and UCloud in its name
 * (`final-…`), so their final backups are told apart from any other; Alibaba keeps no text with a
 * backup, so every manual backup of the instance is listed (attribution `none`). A cloud lists the
 * backups of an instance only while it keeps them: Tencent and Alibaba keep a released instance in
 * their recycle bin for 7 days, with its backups, and delete both when it is destroyed.
 */
import { CLOUDS, Cloud, cloudEntry } from "../provider/clouds";
import { defaultDeps } from "../provider/core/deps";
import type { FinalBackupRecord } from "../provider/core/finalBackupLabel";
import { redact } from "../provider/core/redact";
import { UsageError } from "./io";
import type { RecordedBackup } from "./state";
import { alignColumns } from "./table";

/** An instance to ask about: its cloud, and the FinalBackup inputs that locate it. */
export interface FinalTarget {
  cloud: Cloud;
  instance: string;
  inputs: Record<string, unknown>;
}

/** What the clouds said: the final backups found, and the instances that could not be asked. */
export interface FinalBackupsReport {
  rows: FinalBackupRecord[];
  errors: { cloud: Cloud; instance: string; error: string }[];
}

/** The instances named by `--instance` (on `--cloud`) and by the FinalBackups of a state export, each once. */
export function finalTargets(o: {
  cloud?: string;
  instances: string[];
  recorded?: RecordedBackup[];
}): FinalTarget[] {
  if (o.instances.length > 0 && o.cloud === undefined) {
    throw new UsageError(`--instance needs --cloud (${CLOUDS.join(", ")})`);
  }
  if (o.cloud !== undefined && !(CLOUDS as readonly string[]).includes(o.cloud)) {
    throw new UsageError(`--cloud must be one of ${CLOUDS.join(", ")}, not ${o.cloud}`);
  }
  const targets: FinalTarget[] = [];
  const seen = new Set<string>();
  const add = (cloud: Cloud, inputs: Record<string, unknown>) => {
    const instance = String(inputs[cloudEntry(cloud).final.instanceKey]);
    if (seen.has(`${cloud}:${instance}`)) return;
    seen.add(`${cloud}:${instance}`);
    targets.push({ cloud, instance, inputs });
  };
  for (const instance of o.instances) {
    const cloud = o.cloud as Cloud;
    add(cloud, { [cloudEntry(cloud).final.instanceKey]: instance });
  }
  for (const r of o.recorded ?? []) {
    if (r.kind !== "final" || (o.cloud !== undefined && r.cloud !== o.cloud)) continue;
    add(r.cloud, r.outputs);
  }
  if (targets.length === 0) {
    throw new UsageError(
      "no instance to ask about: give --cloud and --instance, or --state with a state export that holds FinalBackups " +
        "(after a destroy: `pulumi stack export --version <n>` of the update before it)",
    );
  }
  return targets;
}

const quiet = { info: () => undefined, warn: () => undefined };

/** Asks each target's cloud for its final backups, newest first. */
export async function listFinalBackups(targets: FinalTarget[]): Promise<FinalBackupsReport> {
  const report: FinalBackupsReport = { rows: [], errors: [] };
  for (const t of targets) {
    try {
      const deps = defaultDeps({ reporter: quiet, onRetry: () => undefined });
      const found = await cloudEntry(t.cloud).final.lifecycle().listFinalBackups(t.inputs, deps);
      report.rows.push(...found.sort((a, b) => (b.takenAt ?? "").localeCompare(a.takenAt ?? "")));
    } catch (e) {
      report.errors.push({ cloud: t.cloud, instance: t.instance, error: redact((e as Error).message) });
    }
  }
  return report;
}

/** The report as a table (then a line per instance that could not be asked), or JSON. */
export function renderFinalBackups(report: FinalBackupsReport, format: "table" | "json"): string {
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  const header = ["CLOUD", "INSTANCE", "BACKUP ID", "STATUS", "TAKEN", "EXPIRES", "TAKEN BY"];
  const rows = report.rows.map((r) => [
    r.cloud,
    r.instance,
    r.backupId,
    r.status ?? "-",
    r.takenAt ?? "-",
    r.expireTime ?? "-",
    r.takenBy ?? (r.attribution === "none" ? "(not recorded by the cloud)" : (r.text ?? "-")),
  ]);
  const n = report.rows.length;
  const failed = report.errors.length;
  // "0 found" alone would read as "there are none" when an instance could not be asked at all.
  const unasked = failed === 0 ? "." : `; ${failed} instance${failed === 1 ? "" : "s"} could not be asked:`;
  const out = [
    n > 0 ? `${alignColumns([header, ...rows])}\n` : "",
    `${n} final backup${n === 1 ? "" : "s"} found${unasked}\n`,
  ];
  if (report.rows.some((r) => r.attribution === "none")) {
    out.push(
      "Alibaba Cloud keeps no text with a backup: every manual backup of its instances is listed; the final one is the backup the deletion's output named.\n",
    );
  }
  for (const e of report.errors) out.push(`${e.cloud} ${e.instance}: ${e.error}\n`);
  return out.join("");
}
