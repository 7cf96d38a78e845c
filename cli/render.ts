/** The drift report as a terminal table, a Markdown comment (for a PR or an issue) or JSON. */
import { formatDuration, formatSpan } from "./duration";
import { DriftReport, DriftRow, VERDICTS, Verdict } from "./drift";
import { alignColumns } from "./table";

/** The formats of the drift report (`drift --format`). */
export const FORMATS = ["table", "markdown", "json"] as const;
/** One of the drift report's formats. */
export type Format = (typeof FORMATS)[number];

/** The first line of every Markdown report, for a workflow to find (and replace) its own comment. */
export const MARKDOWN_MARKER = "<!-- pulumi-redis-backup drift -->";

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Milliseconds until the backup expires (negative: since it expired); unset when not worth showing. */
function expiresInMs(row: DriftRow, asOf: number): number | undefined {
  if (!row.expireTime || row.currentStatus === "gone" || row.verdict === "error") return undefined;
  const at = Date.parse(row.expireTime);
  if (!Number.isFinite(at)) return undefined;
  const span = at - asOf;
  // Expired ahead of its time (deleted by its owner, expired by hand): its recorded date says nothing.
  if (span > 0 && row.currentStatus === "expired") return undefined;
  return span;
}

function counts(report: DriftReport): Record<Verdict, number> {
  const c = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of report.rows) c[r.verdict]++;
  return c;
}

/** The rows the stack has and the declarations file does not declare. */
const notInFile = (report: DriftReport) => report.rows.filter((r) => r.inDeclarations === false);

/** `not in backups.yaml`: the note on a backup the file does not declare. */
const noteOf = (report: DriftReport, row: DriftRow) =>
  row.inDeclarations === false ? `not in ${report.declarationsFile}` : "";

/**
 * `6 backups: 2 ok, 1 expiring-soon, 1 expired, 1 locked, 1 missing`, then, when some are, `; 3 not
 * in backups.yaml (declared in code, or removed from the file)`.
 */
export function summaryLine(report: DriftReport): string {
  const c = counts(report);
  const n = report.rows.length;
  const parts = VERDICTS.filter((v) => c[v] > 0).map((v) => `${c[v]} ${v}`);
  const outside = notInFile(report).length;
  const note =
    outside > 0
      ? `; ${outside} not in ${report.declarationsFile} (declared in code, or removed from the file)`
      : "";
  return `${n} backup${n === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}${note}`;
}

const needsAttention = (report: DriftReport) => report.rows.filter((r) => r.verdict !== "ok").length;

interface Cells {
  name: string;
  cloud: string;
  backupId: string;
  recorded: string;
  current: string;
  expiresIn: string;
  verdict: string;
  note: string;
}

function cells(report: DriftReport, row: DriftRow, none: string): Cells {
  const span = expiresInMs(row, report.asOf);
  return {
    name: row.name,
    cloud: row.cloud,
    backupId: row.backupId ?? none,
    recorded: row.recordedStatus ?? none,
    current: row.currentStatus ?? (row.verdict === "error" ? "unknown" : none),
    expiresIn: span === undefined ? none : formatSpan(span),
    verdict: row.verdict,
    note: noteOf(report, row),
  };
}

const HEADERS: Cells = {
  name: "NAME",
  cloud: "CLOUD",
  backupId: "BACKUP ID",
  recorded: "RECORDED",
  current: "CURRENT",
  expiresIn: "EXPIRES IN",
  verdict: "VERDICT",
  note: "NOTE",
};

/** The columns to show: NOTE only when some backup carries one. */
function columns(report: DriftReport): (keyof Cells)[] {
  const keys = Object.keys(HEADERS) as (keyof Cells)[];
  return notInFile(report).length > 0 ? keys : keys.filter((k) => k !== "note");
}

/** The report as an aligned terminal table, then the summary, the window and any errors. */
export function renderTable(report: DriftReport): string {
  const rows = [HEADERS, ...report.rows.map((r) => cells(report, r, "-"))];
  const keys = columns(report);
  const table = alignColumns(rows.map((r) => keys.map((k) => r[k])));
  const out = [table.trimEnd(), "", `${summaryLine(report)}. ${windowSentence(report)}`];
  const errors = errorLines(report);
  if (errors.length) out.push("", "Errors:", ...errors.map((e) => `  ${e}`));
  return out.join("\n") + "\n";
}

function windowSentence(report: DriftReport): string {
  return `Expiring soon: within ${formatDuration(report.expiringWithinMs)} of ${iso(report.asOf)}.`;
}

function errorLines(report: DriftReport): string[] {
  return report.rows.filter((r) => r.error).map((r) => `${r.name} (${r.cloud}): ${r.error}`);
}

const md = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The report as a Markdown comment for a PR or an issue, starting with MARKDOWN_MARKER. */
export function renderMarkdown(report: DriftReport): string {
  const n = report.rows.length;
  const attention = needsAttention(report);
  const title =
    attention === 0
      ? `### Redis backup drift: ${n === 1 ? "the backup is" : `all ${n} backups are`} ok`
      : `### Redis backup drift: ${attention} of ${n} backup${n === 1 ? "" : "s"} need${attention === 1 ? "s" : ""} attention`;
  const noted = notInFile(report).length > 0;
  const out = [
    MARKDOWN_MARKER,
    title,
    "",
    `| Backup | Cloud | Backup ID | Recorded status | Current status | Expires in | Verdict |${noted ? " Note |" : ""}`,
    `| :-- | :-- | :-- | :-- | :-- | --: | :-- |${noted ? " :-- |" : ""}`,
  ];
  for (const row of report.rows) {
    const c = cells(report, row, "—");
    const id = row.backupId ? `\`${md(c.backupId)}\`` : c.backupId;
    const verdict = row.verdict === "ok" ? "ok" : `**${row.verdict}**`;
    out.push(
      `| ${md(c.name)} | ${c.cloud} | ${id} | ${md(c.recorded)} | ${md(c.current)} | ${c.expiresIn} | ${verdict} |` +
        (noted ? ` ${md(c.note)} |` : ""),
    );
  }
  out.push("", `${summaryLine(report)}. ${windowSentence(report)}`);
  const present = VERDICTS.filter(
    (v): v is Exclude<Verdict, "ok"> => v !== "ok" && report.rows.some((r) => r.verdict === v),
  );
  if (present.length) {
    const within = formatDuration(report.expiringWithinMs);
    out.push("", ...present.map((v) => `- **${v}**: ${MEANING[v].replace("{window}", within)}`));
  }
  if (noted) {
    // One list with the verdicts' meanings, after them: a note weighs less than any verdict.
    if (!present.length) out.push("");
    out.push(`- **not in ${md(report.declarationsFile ?? "")}**: ${NOT_IN_FILE}`);
  }
  const errors = errorLines(report);
  if (errors.length) out.push("", "**Errors**", "", ...errors.map((e) => `- ${md(e)}`));
  return out.join("\n") + "\n";
}

/** What each verdict means for whoever reads the comment, and what to do about it. */
const MEANING: Record<Exclude<Verdict, "ok">, string> = {
  "expiring-soon": "expires within {window}; extend its retention or plan a fresh backup",
  expired: "the cloud no longer keeps it; the next `pulumi up` takes a new one (unless `keepExpired`)",
  locked: "another flow holds it at the cloud (Tencent Cloud); the next `pulumi up` acknowledges it",
  failed: "the cloud reports the backup failed; it cannot be restored from",
  missing:
    "declared but not in the stack yet (current status —: `pulumi up` takes it), or gone from the cloud (current status gone: `pulumi refresh`, then `pulumi up`)",
  error: "the cloud could not be asked; see the errors below",
};

/** What a backup the declarations file does not declare means: the file cannot see the program's code. */
const NOT_IN_FILE =
  "the stack has it and the file does not declare it: either the program declares it in code (the file cannot know those), " +
  "or it was removed from the file, and then the next `pulumi up` deletes it where the cloud allows and drops it from the stack";

/** The report as JSON: the counts, then every backup with its expiry in seconds from `asOf`. */
export function renderJson(report: DriftReport): string {
  const c = counts(report);
  return (
    JSON.stringify(
      {
        asOf: iso(report.asOf),
        expiringWithin: formatDuration(report.expiringWithinMs),
        summary: {
          total: report.rows.length,
          ...c,
          ...(report.declarationsFile ? { notInDeclarations: notInFile(report).length } : {}),
        },
        backups: report.rows.map((r) => {
          const span = expiresInMs(r, report.asOf);
          return {
            name: r.name,
            cloud: r.cloud,
            backupId: r.backupId ?? null,
            recordedStatus: r.recordedStatus ?? null,
            currentStatus: r.currentStatus ?? null,
            expireTime: r.expireTime ?? null,
            expiresInSeconds: span === undefined ? null : Math.round(span / 1000),
            verdict: r.verdict,
            ...(r.error ? { error: r.error } : {}),
            ...(r.urn ? { urn: r.urn } : {}),
            ...(r.inDeclarations === undefined ? {} : { inDeclarations: r.inDeclarations }),
          };
        }),
      },
      null,
      2,
    ) + "\n"
  );
}

/** The report in `format`. */
export function render(report: DriftReport, format: Format): string {
  switch (format) {
    case "table":
      return renderTable(report);
    case "markdown":
      return renderMarkdown(report);
    case "json":
      return renderJson(report);
  }
}
