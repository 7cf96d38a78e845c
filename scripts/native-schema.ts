/**
 * `npm run native-schema`: writes provider/native/docs.json (the docs of the TypeScript classes, which
 * the schema's descriptions come from) and plugin/schema.json, the native provider's package schema
 * (provider/native/schema.ts), from which `pulumi package gen-sdk` makes the SDKs in sdk/.
 * test/native/schema.test.ts fails when a checked-in file is not what this writes.
 */
import * as fs from "fs";
import * as path from "path";
import { packageSchema } from "../provider/native/schema";
import { nativeDocs } from "./nativeDocs";

/** Where the checked-in schema lives. */
export const SCHEMA_FILE = path.join(__dirname, "..", "plugin", "schema.json");
/** Where the docs the schema takes its descriptions from live (read from the TypeScript classes). */
export const DOCS_FILE = path.join(__dirname, "..", "provider", "native", "docs.json");

/** The docs file's text: what the TypeScript classes say of themselves, their arguments and outputs. */
export function docsText(): string {
  return `${JSON.stringify(nativeDocs(), null, 2)}\n`;
}

/** The file's text: the schema of this package's version, as `pulumi package gen-sdk` reads it. */
export function schemaText(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("../package.json") as { version: string };
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}

if (require.main === module) {
  // The docs first: the schema is built from them (a fresh process reads the new file).
  fs.writeFileSync(DOCS_FILE, docsText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), DOCS_FILE)}\n`);
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
