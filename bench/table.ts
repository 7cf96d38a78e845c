/** The bench's one table: a row per measure, ours beside its reference, and whether the target is met. */

/** One measure. */
export interface Row {
  measure: string;
  ours: string;
  /** The reference, named, with its figure. */
  beside: string;
  ratio: string;
  target: string;
  /** Undefined: nothing to meet (a figure shown for context). */
  met: boolean | undefined;
}

/** The rows, as a Markdown table. */
export function renderTable(rows: readonly Row[]): string {
  const head = ["measure", "ours", "beside it", "ratio", "target", "met"];
  const body = rows.map((r) => [
    r.measure,
    r.ours,
    r.beside,
    r.ratio,
    r.target,
    r.met === undefined ? "–" : r.met ? "yes" : "NO",
  ]);
  return [head, head.map(() => "---"), ...body].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Progress on stderr, so that stdout carries the table alone. */
export const log = (m: string) => process.stderr.write(`${m}\n`);
