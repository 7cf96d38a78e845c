/**
 * Every Markdown table the project ships says each row in its header's columns: a row with a cell
 * too many or too few renders shifted (a figure under "target", a target lost), which is what a
 * README update once did to the performance table. Cells are split as GitHub splits them: at each
 * `|` not escaped as `\|`, code spans included. Fenced code blocks are not tables.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

const ROOT = path.resolve(__dirname, "../..");

/** The Markdown files git tracks (outside node_modules). */
function markdownFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "*.md"], { cwd: ROOT, encoding: "utf8" });
  return listed
    .split("\n")
    .filter((f) => f !== "" && !f.includes("node_modules/"))
    .map((f) => path.join(ROOT, f))
    .filter((f) => fs.existsSync(f));
}

/** How many cells a table line holds. */
function cellCount(line: string): number {
  const inner = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).length;
}

/** `file:line: N cells, the header has M` for each row of `text`'s tables that does not match its header. */
function misalignedRows(file: string, text: string): string[] {
  const lines = text.split("\n");
  const problems: string[] = [];
  let fenced = false;
  let header: number | undefined;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const isRow = !fenced && /^\s*\|/.test(line);
    if (!isRow) {
      header = undefined;
      return;
    }
    const n = cellCount(line);
    if (header === undefined) header = n;
    else if (n !== header) problems.push(`${file}:${i + 1}: ${n} cells, the header has ${header}`);
  });
  return problems;
}

describe("Markdown tables", () => {
  it("split cells as GitHub does: escaped pipes stay in the cell", () => {
    expect(cellCount("| a | b |")).toBe(2);
    expect(cellCount("| `x \\| y` | b |")).toBe(2);
    expect(misalignedRows("t.md", "| a | b |\n| - | - |\n| 1 | 2 | 3 |\n")).toEqual([
      "t.md:3: 3 cells, the header has 2",
    ]);
    expect(misalignedRows("t.md", "| a | b |\n| - | - |\n\n| c |\n| - |\n| 1 |\n")).toEqual([]);
  });

  it("hold as many cells in every row as in their header, in every shipped Markdown file", () => {
    const files = markdownFiles();
    expect(files.length).toBeGreaterThan(3);
    const problems = files.flatMap((f) => misalignedRows(path.relative(ROOT, f), fs.readFileSync(f, "utf8")));
    expect(problems).toEqual([]);
  });
});
