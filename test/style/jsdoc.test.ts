/**
 * The style rule "JSDoc on everything exported", checked: every top-level exported declaration of
 * the shipped trees (provider, emulator, cli, host) carries a doc comment. Re-export lists
 * (`export { a } from`) are left out: what they name is documented where it is declared.
 */
import * as fs from "fs";
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

it.each(TREES)("every export under %s/ has a doc comment", (tree) => {
  const files = sourcesUnder(path.join(ROOT, tree));
  expect(files.length).toBeGreaterThan(0);
  expect(files.flatMap(undocumentedExports)).toEqual([]);
});
