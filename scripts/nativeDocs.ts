/**
 * The docs of the public resource classes, read from their TypeScript with the compiler: each
 * class's description, each argument's and each output's. `npm run native-schema` writes them to
 * provider/native/docs.json, which the native provider's schema takes its descriptions from, so that
 * what the SDKs of every language say is what the TypeScript classes say, written once.
 */
import * as path from "path";
import ts from "typescript";
import { CLOUDS } from "../provider/clouds";

const ROOT = path.resolve(__dirname, "..");

/** One class's docs: its own, and its arguments' and outputs' by name. */
export interface ClassDocs {
  description: string;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

/** Docs by cloud namespace, then class (`RedisBackup`, `FinalBackup`). */
export type NativeDocs = Record<string, Record<string, ClassDocs>>;

/** The classes documented, by namespace. */
const CLASSES: Record<string, { cls: string; args: string }[]> = Object.fromEntries(
  CLOUDS.map((ns) => [
    ns,
    [
      { cls: "RedisBackup", args: "RedisBackupArgs" },
      { cls: "FinalBackup", args: "FinalBackupArgs" },
    ],
  ]),
);

/** What every Pulumi resource has, not an output of ours. */
const RESOURCE_MEMBERS = new Set(["urn", "id"]);

/** A program over provider/index.ts, with the project's compiler options. */
export function providerProgram(): { checker: ts.TypeChecker; exportsOf: (ns: string) => ts.Symbol[] } {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const index = path.join(ROOT, "provider/index.ts");
  const program = ts.createProgram([index], { ...config!.options, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const exportsOf = (ns: string) => {
    const symbol = checker.getExportsOfModule(module).find((s) => s.name === ns);
    if (!symbol) throw new Error(`provider/index.ts exports no ${ns}`);
    return checker.getExportsOfModule(checker.getAliasedSymbol(symbol));
  };
  return { checker, exportsOf };
}

/** The value type of a pulumi Output (what its `get()` is typed to give), or undefined for anything else. */
export function outputValue(checker: ts.TypeChecker, t: ts.Type): ts.Type | undefined {
  const get = checker.getPropertyOfType(t, "get");
  if (!get || !checker.getPropertyOfType(t, "apply") || t.getCallSignatures().length > 0) return undefined;
  const [signature] = checker.getTypeOfSymbol(get).getCallSignatures();
  return checker.getReturnTypeOfSignature(signature);
}

/** A symbol's doc comment as plain text (empty when it has none). */
const docOf = (checker: ts.TypeChecker, s: ts.Symbol) =>
  ts.displayPartsToString(s.getDocumentationComment(checker)).trim();

/** The Output members of a class's instances, by name: their symbols. */
export function outputMembers(checker: ts.TypeChecker, classSymbol: ts.Symbol): ts.Symbol[] {
  const instance = checker.getDeclaredTypeOfSymbol(classSymbol);
  return checker
    .getPropertiesOfType(instance)
    .filter(
      (p) => !RESOURCE_MEMBERS.has(p.name) && outputValue(checker, checker.getTypeOfSymbol(p)) !== undefined,
    );
}

/** Every documented class's docs, read from the sources. */
export function nativeDocs(): NativeDocs {
  const { checker, exportsOf } = providerProgram();
  const docs: NativeDocs = {};
  for (const [ns, classes] of Object.entries(CLASSES)) {
    const exported = exportsOf(ns);
    const find = (name: string) => {
      const s = exported.find((e) => e.name === name);
      if (!s) throw new Error(`${ns} exports no ${name}`);
      return s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    };
    docs[ns] = {};
    for (const { cls, args } of classes) {
      const classSymbol = find(cls);
      const argsType = checker.getDeclaredTypeOfSymbol(find(args));
      const byName = (symbols: ts.Symbol[]) =>
        Object.fromEntries(
          symbols
            .map((s) => [s.name, docOf(checker, s)] as const)
            .filter(([, d]) => d.length > 0)
            .sort(([a], [b]) => a.localeCompare(b)),
        );
      docs[ns][cls] = {
        description: docOf(checker, classSymbol),
        inputs: byName(checker.getPropertiesOfType(argsType)),
        outputs: byName(outputMembers(checker, classSymbol)),
      };
    }
  }
  return docs;
}
