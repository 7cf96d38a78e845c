/**
 * Reading `backups.yaml`: YAML with positions (the `yaml` package's parseDocument + LineCounter),
 * then the zod schema; every problem, YAML syntax included, comes back at once with its
 * file:line:column, the field and the reason. Loaded by the CLI and `declareBackups` only, never
 * by a provider.
 */
import { readFileSync } from "fs";
import {
  Document,
  LineCounter,
  Node as YamlNode,
  Pair,
  YAMLMap,
  isAlias,
  isMap,
  isScalar,
  parseDocument,
} from "yaml";
import type { z } from "zod";
import { cloudEntry } from "../clouds";
import {
  CLOUDS,
  Cloud,
  Declaration,
  Declarations,
  DeclarationsSchema,
  FIELDS,
  IGNORED_KEY_PREFIX,
  cloudRule,
  toResourceInputs,
} from "./schema";
import type { Problem } from "./types";

export type { Problem };

/** What checking a declarations file finds: the valid declarations, and every problem. */
export interface ParseResult {
  /** The valid declarations (all of them when there is no problem), by name. */
  declarations: Declarations;
  problems: Problem[];
}

/** `backups.yaml:7:20: orders.retentionDays: must be ...` — the shape editors and CI logs link. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.field}: ${p.message}`;
}

/** Reads and checks a declarations file; an unreadable file is a problem too, not a throw. */
export function loadDeclarations(path: string, displayName: string = path): ParseResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a directory" : err.message;
    return {
      declarations: {},
      problems: [{ file: displayName, line: 1, column: 1, field: "(file)", message: why }],
    };
  }
  return parseDeclarations(text, displayName);
}

/** Checks declarations given as text; `file` is the name problems are reported under. */
export function parseDeclarations(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  const problems: Problem[] = [];
  const add = (offset: number, field: string, message: string) => {
    const { line, col } = at(offset);
    problems.push({ file, line, column: col, field, message });
  };

  let syntaxBroken = false;
  for (const err of doc.errors) {
    // A repeated key is well-formed YAML whose meaning is lost; anything else stops the check here.
    if (err.code !== "DUPLICATE_KEY") syntaxBroken = true;
    const message =
      err.code === "DUPLICATE_KEY" ? "declared twice; names must be unique" : firstLine(err.message);
    add(err.pos[0], err.code === "DUPLICATE_KEY" ? fieldAt(doc, err.pos[0]) : "yaml", message);
  }
  if (syntaxBroken) return finish({}, problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    add(0, "yaml", (e as Error).message);
    return finish({}, problems);
  }
  if (data === null || data === undefined) {
    // An empty file is most often the wrong file or a truncated one; `{}` says "none" on purpose.
    add(0, "(file)", "declares no backups: the file is empty (write `{}` to declare none on purpose)");
    return finish({}, problems);
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    add(
      doc.contents?.range?.[0] ?? 0,
      "(file)",
      "must map backup names to their settings, e.g. `orders:` followed by indented `cloud:` and `instance:`",
    );
    return finish({}, problems);
  }

  const entries = Object.fromEntries(
    Object.entries(data as Record<string, unknown>).filter(([k]) => !k.startsWith(IGNORED_KEY_PREFIX)),
  );
  const parsed = DeclarationsSchema.safeParse(entries);
  const badNames = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "");
      badNames.add(name);
      for (const p of describe(issue, entries)) {
        add(locate(doc, p.path, p.mode), p.path.map(String).join(".") || "(file)", p.message);
      }
    }
  }

  const declarations: Declarations = {};
  for (const [name, value] of Object.entries(entries)) {
    if (badNames.has(name)) continue;
    const d = parsed.success ? parsed.data[name] : safeEntry(name, value);
    if (!d) continue;
    // The cloud's own input schema has the last word; the rules above mirror it, so this is quiet.
    const { cloud, inputs } = toResourceInputs(d);
    const again = cloudEntry(cloud).inputsSchemaOf(d).safeParse(inputs);
    if (!again.success) {
      for (const issue of again.error.issues) add(locate(doc, [name], "key"), name, issue.message);
      continue;
    }
    declarations[name] = d;
  }
  return finish(declarations, problems);
}

/** An entry judged on its own (when another entry of the file has problems). */
function safeEntry(name: string, value: unknown): Declaration | undefined {
  const r = DeclarationsSchema.safeParse({ [name]: value });
  return r.success ? r.data[name] : undefined;
}

function finish(declarations: Declarations, problems: Problem[]): ParseResult {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => a.line - b.line || a.column - b.column || a.field.localeCompare(b.field));
  return { declarations, problems: unique };
}

/** "Map keys must be unique at line 4, column 1:\n\n..." → "Map keys must be unique". */
function firstLine(message: string): string {
  return message
    .split(/ at line \d+, column \d+/)[0]
    .split("\n")[0]
    .trim();
}

type Mode = "value" | "key";

interface Described {
  path: PropertyKey[];
  mode: Mode;
  message: string;
}

/** A zod issue in the words of the file: where it points and what to do. */
function describe(issue: z.core.$ZodIssue, entries: Record<string, unknown>): Described[] {
  const path = issue.path;
  const entry = entries[String(path[0])] as Record<string, unknown> | undefined;
  switch (issue.code) {
    case "invalid_key": {
      const inner = (issue.issues[0] as { message?: string } | undefined)?.message ?? issue.message;
      return [{ path, mode: "key", message: inner }];
    }
    case "unrecognized_keys": {
      const cloud = entry?.cloud as Cloud;
      const fields = FIELDS[cloud] ?? [];
      return issue.keys.map((k) => {
        const guess = closest(k, fields);
        return {
          path: [...path, k],
          mode: "key" as const,
          message:
            `unknown field for ${cloud} backups` +
            (guess ? `; did you mean ${guess}?` : `; ${cloud} backups take: ${fields.join(", ")}`),
        };
      });
    }
    case "invalid_union": {
      if (issue.discriminator === "cloud") {
        const value = entry?.cloud;
        return value === undefined || value === null
          ? [{ path, mode: "value", message: `required: ${CLOUDS.join(", ")}` }]
          : [{ path, mode: "value", message: `${cloudRule}, not ${JSON.stringify(value)}` }];
      }
      return [{ path, mode: "value", message: issue.message }];
    }
    case "invalid_type":
      if (path.length === 1) {
        return [
          {
            path,
            mode: "value",
            message: "must be a mapping of fields: cloud, instance and the settings of that cloud",
          },
        ];
      }
      return [{ path, mode: "value", message: issue.message }];
    default:
      return [{ path, mode: "value", message: issue.message }];
  }
}

/**
 * The resources' own input names, which people write in the file by habit, and the file's word for
 * each (the file uses one set of names for every cloud).
 */
const FILE_WORD_FOR: Record<string, string> = {
  storagedays: "retentionDays",
  backupretentionperiod: "retentionDays",
  instanceid: "instance",
  groupid: "instance",
  regionid: "region",
};

/** The field among `fields` one or two edits away from `word` (a typo), or the file's word for an input name, if any. */
function closest(word: string, fields: readonly string[]): string | undefined {
  const known = FILE_WORD_FOR[word.toLowerCase()];
  if (known && fields.includes(known)) return known;
  let best: string | undefined;
  let bestDistance = 3;
  for (const f of fields) {
    const d = editDistance(word.toLowerCase(), f.toLowerCase());
    if (d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

// --- positions ----------------------------------------------------------------------------------

const deref = (doc: Document, node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);

const keyText = (pair: Pair): string | undefined => {
  const k = pair.key;
  if (isScalar(k)) return typeof k.value === "symbol" ? undefined : String(k.value);
  return k === null || k === undefined ? undefined : String(k);
};

const isMergeKey = (pair: Pair) => isScalar(pair.key) && typeof pair.key.value === "symbol";

/** The pair for `key` in `map`: the last one written (as the parsed value), else one merged in. */
function findPair(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    if (keyText(map.items[i]) === key) return map.items[i];
  }
  if (depth > 10) return undefined;
  for (const pair of map.items) {
    if (!isMergeKey(pair)) continue;
    const sources = deref(doc, pair.value);
    const list = isMap(sources) ? [sources] : ((sources as { items?: unknown[] })?.items ?? []);
    for (const source of list) {
      const m = deref(doc, source);
      if (isMap(m)) {
        const found = findPair(doc, m, key, depth + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

const start = (node: unknown): number | undefined => (node as YamlNode | null)?.range?.[0];

/**
 * The offset a problem at `path` points at: the value (or, with mode `key`, the key) when it is
 * written; else the key of the nearest enclosing entry (a missing field points at its backup's name).
 */
function locate(doc: Document, path: PropertyKey[], mode: Mode): number {
  let node: unknown = doc.contents;
  let anchor = start(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    node = deref(doc, node);
    if (!isMap(node)) break;
    const pair = findPair(doc, node, String(path[i]));
    if (!pair) break;
    const keyStart = start(pair.key) ?? anchor;
    const last = i === path.length - 1;
    if (last && mode === "key") return keyStart;
    const value = pair.value;
    const empty = value === null || value === undefined || (isScalar(value) && value.value === null);
    if (last) return empty ? keyStart : (start(value) ?? keyStart);
    anchor = keyStart;
    node = value;
  }
  return anchor;
}

/** The dotted path of the key at `offset` (for a repeated key). */
function fieldAt(doc: Document, offset: number): string {
  const walk = (node: unknown, prefix: string[]): string[] | undefined => {
    if (!isMap(node)) return undefined;
    for (const pair of node.items) {
      const name = keyText(pair);
      const range = (pair.key as YamlNode | null)?.range;
      if (name !== undefined && range && range[0] <= offset && offset < Math.max(range[1], range[0] + 1)) {
        return [...prefix, name];
      }
      const inner = name === undefined ? undefined : walk(pair.value, [...prefix, name]);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(doc.contents, [])?.join(".") ?? "yaml";
}
