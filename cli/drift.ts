/**
 * Drift: what the stack recorded (a state export) and what the repository declares, against what
 * each cloud has now. Every backup is read through its cloud's own `read` — the code a
 * `pulumi refresh` runs, with the same credentials and endpoint settings — and judged:
 *
 * - `missing`: declared but not in the stack, or in the stack but gone from the cloud;
 * - `expired`, `failed` (UCloud: the backup job failed), `locked` (Tencent: held by another flow);
 * - `expiring-soon`: expires within the window (`--expiring-within`);
 * - `error`: the cloud could not be asked (credentials, network); the run exits 1;
 * - `ok`: none of the above.
 *
 * The verdict is always the backup's own state. Given both a state export and a declarations file,
 * a backup the stack has and the file does not is also marked `inDeclarations: false`: a lower
 * note, not a verdict, because the file cannot know the backups a program declares in code.
 *
 * A FinalBackup (whose backup is taken when it is deleted) is read through its own lifecycle: `ok`
 * while its instance exists (current status `armed`), `missing` once the instance is gone.
 */
import { cloudEntry } from "../provider/clouds";
import { defaultDeps } from "../provider/core/deps";
import { redact } from "../provider/core/redact";
import { Cloud, Declaration, Declarations, toResourceInputs } from "../provider/declarations/schema";
import { UsageError } from "./io";
import { mapLimited } from "./mapLimited";
import type { RecordedBackup } from "./state";

/** Every verdict drift gives, in the order summaries and reports list them. */
export const VERDICTS = ["ok", "expiring-soon", "expired", "locked", "failed", "missing", "error"] as const;
/** What drift concludes of one backup (see the list above). */
export type Verdict = (typeof VERDICTS)[number];

/** One backup in the report: what the stack recorded, what the cloud has now, and the verdict. */
export interface DriftRow {
  name: string;
  cloud: Cloud;
  backupId?: string;
  /** The status the stack recorded at its last `up` or `refresh`; unset when not in the stack. */
  recordedStatus?: string;
  /** The status the cloud reports now; `gone` when the cloud no longer has the backup. */
  currentStatus?: string;
  /** ISO 8601, when known. */
  expireTime?: string;
  verdict: Verdict;
  /** Why the verdict is `error`. */
  error?: string;
  urn?: string;
  /**
   * Whether the declarations file declares it; unset without a file. `false` says only that the
   * file does not: the program may declare it in code.
   */
  inDeclarations?: boolean;
}

/** The result of a drift check, rendered by render.ts as a table, Markdown or JSON. */
export interface DriftReport {
  /** Expiry is judged as of this time (ms since the epoch). */
  asOf: number;
  expiringWithinMs: number;
  /** Sorted by name, then cloud. */
  rows: DriftRow[];
  /** The declarations file's name, as the report's notes call it; unset without one. */
  declarationsFile?: string;
}

/** What drift checks (a state export, a declarations file or both), as of when, and how fast. */
export interface DriftOptions {
  declarations?: Declarations;
  /** The declarations file's name, for the report's notes (default `the declarations file`). */
  declarationsFile?: string;
  recorded?: RecordedBackup[];
  /** Expiry is judged as of this time (ms since the epoch). */
  now: number;
  expiringWithinMs: number;
  /** Called as each backup is read. */
  onProgress?: (done: number, total: number) => void;
  /** Backups read at a time (default 4). */
  concurrency?: number;
}

interface Target {
  kind: "backup" | "final";
  name: string;
  cloud: Cloud;
  id: string;
  props: Record<string, unknown>;
  /** In the declarations file; unset without one. */
  inDeclarations?: boolean;
  recorded: boolean;
  urn?: string;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * Reads each recorded or declared backup from its cloud and
 * judges it; throws UsageError for what it cannot check.
 */
export async function checkDrift(o: DriftOptions): Promise<DriftReport> {
  const { declarations, recorded } = o;
  if (!declarations && !recorded) throw new UsageError("give --state, --declarations or both");
  const key = (name: string, cloud: Cloud) => `${cloud}\u0000${name}`;
  const declaredKeys = new Set(Object.entries(declarations ?? {}).map(([n, d]) => key(n, d.cloud)));
  const recordedKeys = new Set((recorded ?? []).map((r) => key(r.name, r.cloud)));

  const targets: Target[] = (recorded ?? []).map((r) => ({
    kind: r.kind,
    name: r.name,
    cloud: r.cloud,
    id: r.id,
    props: r.outputs,
    inDeclarations: declarations ? declaredKeys.has(key(r.name, r.cloud)) : undefined,
    recorded: true,
    urn: r.urn,
  }));
  const rows: DriftRow[] = [];
  const needState: string[] = [];
  for (const [name, d] of Object.entries(declarations ?? {})) {
    if (recordedKeys.has(key(name, d.cloud))) continue;
    if (recorded) {
      rows.push({ name, cloud: d.cloud, backupId: d.backupId, verdict: "missing", inDeclarations: true });
    } else if (d.backupId !== undefined && !d.final) {
      targets.push({ ...adoptedTarget(name, d), kind: "backup", inDeclarations: true, recorded: false });
    } else {
      needState.push(name);
    }
  }
  if (needState.length > 0) {
    throw new UsageError(
      `without --state, drift can only check backups declared with a backupId; ` +
        `pass a state export (\`pulumi stack export > state.json\`, then --state state.json) to check ${needState.join(", ")}`,
    );
  }

  let done = 0;
  o.onProgress?.(0, targets.length);
  const read = await mapLimited(targets, o.concurrency ?? 4, async (t) => {
    const row = await judge(t, o);
    o.onProgress?.(++done, targets.length);
    return row;
  });
  rows.push(...read);
  rows.sort(
    (a, b) =>
      cmp(a.name, b.name) ||
      cmp(a.cloud, b.cloud) ||
      cmp(a.urn ?? "", b.urn ?? "") ||
      cmp(a.verdict, b.verdict),
  );
  const declarationsFile = declarations ? (o.declarationsFile ?? "the declarations file") : undefined;
  return { asOf: o.now, expiringWithinMs: o.expiringWithinMs, rows, declarationsFile };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A backup declared with a backupId: read as an adopted backup with the declared settings. */
function adoptedTarget(name: string, d: Declaration): Omit<Target, "inDeclarations" | "recorded" | "kind"> {
  const { inputs } = toResourceInputs(d);
  const instance = d.instance;
  const props: Record<string, unknown> = { ...inputs, backupId: d.backupId, adopted: true };
  return { name, cloud: d.cloud, id: `${instance}:${d.backupId}`, props };
}

const quiet = { info: () => undefined, warn: () => undefined };

async function judge(t: Target, o: DriftOptions): Promise<DriftRow> {
  const row: DriftRow = {
    name: t.name,
    cloud: t.cloud,
    backupId: str(t.props.backupId) ?? t.id.slice(t.id.indexOf(":") + 1),
    recordedStatus: t.recorded ? str(t.kind === "final" ? "armed" : t.props.status) : undefined,
    expireTime: str(t.props.expireTime),
    verdict: "ok",
    urn: t.urn,
    ...(t.inDeclarations === undefined ? {} : { inDeclarations: t.inDeclarations }),
  };
  let current: Record<string, unknown> | undefined;
  try {
    const deps = defaultDeps({ reporter: quiet, onRetry: () => undefined });
    const entry = cloudEntry(t.cloud);
    const result =
      t.kind === "final"
        ? await entry.final.lifecycle().read(t.id, t.props as never, deps)
        : await entry.read(t.id, t.props, deps);
    current = result.props;
  } catch (e) {
    return { ...row, verdict: "error", error: redact((e as Error).message) };
  }
  if (!current) {
    row.currentStatus = t.kind === "final" ? "instance gone" : "gone";
    row.verdict = "missing";
    return row;
  }
  if (t.kind === "final") {
    // Its backup is not taken yet: what counts is that its instance is still there to take it of.
    row.backupId = "(final)";
    row.currentStatus = "armed";
    row.verdict = "ok";
    return row;
  }
  row.currentStatus = str(current.status);
  row.expireTime = str(current.expireTime) ?? row.expireTime;
  row.backupId = str(current.backupId) ?? row.backupId;
  row.verdict = verdictOf(current, o.now, o.expiringWithinMs);
  return row;
}

/** The verdict on a backup the cloud has: the worst thing true of it. */
export function verdictOf(current: Record<string, unknown>, now: number, windowMs: number): Verdict {
  const status = str(current.status);
  const expireAt = str(current.expireTime) ? Date.parse(current.expireTime as string) : NaN;
  if (status === "expired" || (Number.isFinite(expireAt) && expireAt <= now)) return "expired";
  if (status === "failed") return "failed";
  if (status === "locked" || current.locked === true) return "locked";
  if (Number.isFinite(expireAt) && expireAt - now <= windowMs) return "expiring-soon";
  return "ok";
}
