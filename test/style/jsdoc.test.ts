/**
 * The style rule "JSDoc on everything exported", checked: every top-level exported declaration of
 * the shipped trees (provider, emulator, cli, host) carries a doc comment. Re-export lists
 * (`export { a } from`) are left out: what they name is documented where it is declared. Each has
 * one doc comment, not two stacked: an editor shows only the last, so the first is lost on users.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const TREES = ["provider", "emulator", "cli", "host"];

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** `file:line name` of each exported declaration without a doc comment. */
function undocumentedExports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const missing: string[] = [];
  for (const st of source.statements) {
    const modifiers = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.getJSDocCommentsAndTags(st).length > 0) continue;
    const named = st as ts.Node & { name?: ts.Identifier };
    const name = ts.isVariableStatement(st)
      ? st.declarationList.declarations.map((d) => d.name.getText(source)).join(", ")
      : (named.name?.text ?? ts.SyntaxKind[st.kind]);
    const { line } = source.getLineAndCharacterOfPosition(st.getStart(source));
    missing.push(`${path.relative(ROOT, file)}:${line + 1} ${name}`);
  }
  return missing;
}

/** `file:line` of each top-level declaration under two doc comments, one right above the other. */
function stackedDocComments(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const docComments = (st: ts.Statement) =>
    (ts.getLeadingCommentRanges(text, st.pos) ?? []).filter((c) => text.startsWith("/**", c.pos));
  // Two doc comments with no blank line between them; a file's header stands apart by a blank line.
  const stacked = (st: ts.Statement) =>
    docComments(st).some(
      (c, i, all) => i > 0 && /^[ \t]*\r?\n[ \t]*$/.test(text.slice(all[i - 1].end, c.pos)),
    );
  return source.statements.filter(stacked).map((st) => {
    const { line } = source.getLineAndCharacterOfPosition(st.getStart(source));
    return `${path.relative(ROOT, file)}:${line + 1}`;
  });
}

it.each(TREES)("every export under %s/ has a doc comment", (tree) => {
  const files = sourcesUnder(path.join(ROOT, tree));
  expect(files.length).toBeGreaterThan(0);
  expect(files.flatMap(undocumentedExports)).toEqual([]);
});

it.each(TREES)("no declaration under %s/ has two doc comments stacked", (tree) => {
  const files = sourcesUnder(path.join(ROOT, tree));
  expect(files.flatMap(stackedDocComments)).toEqual([]);
});

it("finds two stacked doc comments, and passes one", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jsdoc-"));
  const twice = path.join(dir, "twice.ts");
  fs.writeFileSync(twice, "/** a */\n/** b */\nexport const x = 1;\n/** c */\nexport const y = 2;\n");
  expect(stackedDocComments(twice).map((p) => p.replace(/^.*twice/, "twice"))).toEqual(["twice.ts:3"]);
  fs.rmSync(dir, { recursive: true });
});
