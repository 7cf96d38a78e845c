/**
 * `recover`: for each pending create of a RedisBackup in a stack export (a `pulumi up` killed
 * mid-create), what the cloud says it made — one backup, none, or several candidates — and the
 * state that records exactly that: what was made becomes the resource (a refresh completes it),
 * what was not is dropped, and anything ambiguous stays pending for a person to decide.
 *
 * Why a repaired export rather than `pulumi refresh --import-pending-creates <urn> <id>`: under
 * the pinned CLI (v3.248.0) that flag turns the pending create into a pending import which the
 * refresh then drops without reading it (measured; see the README), leaving the backup unrecorded.
 */
import { CLOUD_ENTRIES, CLOUDS, Cloud } from "../provider/clouds";
import type { OperationDeps } from "../provider/core/deps";
import { redact } from "../provider/core/redact";
import type { Finding, PendingCreate } from "../provider/core/recover";
import { UsageError } from "./io";
import { nameOfUrn, parseExportJson } from "./state";

/** A pending create of one of our RedisBackups, where the export holds it. */
export interface PendingBackup extends PendingCreate {
  cloud: Cloud;
  /** Its index in `deployment.pending_operations`. */
  index: number;
}

/** A stack export, as much of it as `recover` reads and writes. */
interface ExportDoc {
  deployment: {
    manifest?: { time?: string };
    resources?: Record<string, unknown>[];
    pending_operations?: { resource: Record<string, unknown>; type: string }[];
  };
}

/** What `recover` reads off an export. */
export interface PendingState {
  doc: ExportDoc;
  pending: PendingBackup[];
  /** When the export was last written (its manifest's time), ms. */
  writtenAtMs: number;
  /** Backup and job ids each instance's recorded RedisBackups name. */
  recordedByInstance: Map<string, Set<string>>;
}

const TYPE = /^pulumi-nodejs:dynamic\/([a-z]+):RedisBackup$/;

/** The pending creates of RedisBackups in the export `text` (`label` names it in messages). */
export function parsePendingState(text: string, label: string): PendingState {
  const doc = parseExportJson(text, label) as ExportDoc;
  if (!doc || typeof doc !== "object" || !doc.deployment || typeof doc.deployment !== "object") {
    throw new UsageError(
      `${label} is not a Pulumi stack export: expected {"version": 3, "deployment": {...}} as \`pulumi stack export\` writes it`,
    );
  }
  const pending: PendingBackup[] = [];
  (doc.deployment.pending_operations ?? []).forEach((op, index) => {
    const r = op?.resource ?? {};
    const match = typeof r.type === "string" ? TYPE.exec(r.type) : null;
    if (op?.type !== "creating" || !match || !(CLOUDS as readonly string[]).includes(match[1])) return;
    const urn = String(r.urn ?? "");
    const inputs = (r.inputs && typeof r.inputs === "object" ? r.inputs : {}) as Record<string, unknown>;
    pending.push({ urn, name: nameOfUrn(urn), cloud: match[1] as Cloud, inputs, index });
  });
  const recordedByInstance = new Map<string, Set<string>>();
  for (const r of doc.deployment.resources ?? []) {
    if (typeof r.type !== "string" || !TYPE.test(r.type)) continue;
    const outs = (r.outputs ?? {}) as Record<string, unknown>;
    const instance = String(outs.instanceId ?? outs.groupId ?? String(r.id ?? "").split(":")[0]);
    const ids = recordedByInstance.get(instance) ?? new Set<string>();
    const key = String(r.id ?? "").slice(instance.length + 1);
    for (const v of [outs.backupId, outs.jobId, key.replace(/^job-/, "")]) {
      for (const one of String(v ?? "").split(",")) if (one) ids.add(one);
    }
    for (const b of Array.isArray(outs.backupIds) ? outs.backupIds : []) ids.add(String(b));
    recordedByInstance.set(instance, ids);
  }
  const writtenAtMs = Date.parse(doc.deployment.manifest?.time ?? "");
  return {
    doc,
    pending,
    writtenAtMs: Number.isFinite(writtenAtMs) ? writtenAtMs : Date.now(),
    recordedByInstance,
  };
}

/** One pending create and what its cloud says it made (or why that could not be asked). */
export interface Recovery {
  pending: PendingBackup;
  finding: Finding | { made: "error"; what: string };
}

/** A margin on top of a create's wait: its calls before and after the wait, and clocks that disagree. */
const MARGIN_MS = 10 * 60_000;
const DEFAULT_WAIT_MINUTES = 30;

/** Asks each pending create's cloud what it made. */
export async function recoverPending(state: PendingState, deps: Partial<OperationDeps>): Promise<Recovery[]> {
  const out: Recovery[] = [];
  for (const p of state.pending) {
    const entry = CLOUD_ENTRIES.find((e) => e.name === p.cloud)!;
    const instance = String(p.inputs.instanceId ?? p.inputs.groupId ?? "");
    const wait =
      typeof p.inputs.waitTimeoutMinutes === "number" ? p.inputs.waitTimeoutMinutes : DEFAULT_WAIT_MINUTES;
    try {
      const finding = await entry.findMade(p, {
        startedAfterMs: state.writtenAtMs - wait * 60_000 - MARGIN_MS,
        recorded: state.recordedByInstance.get(instance) ?? new Set(),
        deps,
      });
      out.push({ pending: p, finding });
    } catch (e) {
      out.push({ pending: p, finding: { made: "error", what: redact((e as Error).message) } });
    }
  }
  return out;
}

/** Whether every pending create was settled (one backup or none): nothing left for a person. */
export const allSettled = (rs: Recovery[]) =>
  rs.every((r) => r.finding.made === "one" || r.finding.made === "none");

/**
 * The export with every settled pending create resolved: a found backup recorded as the resource
 * (its id, the inputs, what the cloud said), one that made nothing dropped. Others stay pending.
 */
export function repairedExport(state: PendingState, rs: Recovery[]): ExportDoc {
  const doc = JSON.parse(JSON.stringify(state.doc)) as ExportDoc;
  const settled = new Map(
    rs.filter((r) => r.finding.made === "one" || r.finding.made === "none").map((r) => [r.pending.index, r]),
  );
  const resources = [...(doc.deployment.resources ?? [])];
  for (const r of rs) {
    if (r.finding.made !== "one") continue;
    const op = doc.deployment.pending_operations![r.pending.index];
    resources.push({ ...op.resource, id: r.finding.id, outputs: r.finding.outputs });
  }
  doc.deployment.resources = resources;
  doc.deployment.pending_operations = (doc.deployment.pending_operations ?? []).filter(
    (_, i) => !settled.has(i),
  );
  return doc;
}

/** The lines `recover` prints for people: one per pending create, then what to run. */
export function renderRecovery(rs: Recovery[], o: { state: string; writeState?: string }): string {
  if (rs.length === 0) return "No pending create of a RedisBackup: nothing to recover.\n";
  const lines: string[] = [];
  for (const { pending: p, finding: f } of rs) {
    const head = `${p.name} (${p.cloud})`;
    switch (f.made) {
      case "one":
        lines.push(`${head}: ${f.what}: the interrupted create made it; record it as ${f.id}`);
        break;
      case "none":
        lines.push(`${head}: ${f.what}: the interrupted create made nothing; drop the pending create`);
        break;
      case "several":
        lines.push(
          `${head}: ${f.what}: ${f.candidates.join(", ")}; check which one it made, it stays pending`,
        );
        break;
      case "unknown":
        lines.push(`${head}: ${f.what}; it stays pending`);
        break;
      case "error":
        lines.push(`${head}: could not ask the cloud: ${f.what}`);
        break;
    }
  }
  lines.push("");
  const file = o.writeState ?? "repaired.json";
  if (!o.writeState) {
    lines.push("To record what was made and drop what was not:");
    lines.push(`  pulumi-redis-backup recover --state ${o.state} --write-state ${file}`);
  } else {
    lines.push(`Wrote ${file}. To apply it:`);
  }
  lines.push(`  pulumi stack import --file ${file}`);
  lines.push("  pulumi refresh --yes");
  if (!allSettled(rs)) lines.push("Pending creates that could not be settled stay pending in it.");
  return lines.join("\n") + "\n";
}

/** `recover --json`: every finding, machine-readable. */
export function recoveryJson(rs: Recovery[]): string {
  return (
    JSON.stringify(
      {
        settled: allSettled(rs),
        pendingCreates: rs.map(({ pending: p, finding: f }) => ({
          urn: p.urn,
          name: p.name,
          cloud: p.cloud,
          made: f.made,
          what: f.what,
          ...(f.made === "one" ? { id: f.id } : {}),
          ...(f.made === "several" ? { candidates: f.candidates } : {}),
        })),
      },
      null,
      2,
    ) + "\n"
  );
}
