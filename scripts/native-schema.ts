/**
 * `npm run native-schema`: writes plugin/schema.json, the native provider's package schema
 * (provider/native/schema.ts), from which `pulumi package gen-sdk` makes the SDKs in sdk/.
 * test/native/schema.test.ts fails when the checked-in file is not what this writes.
 */
import * as fs from "fs";
import * as path from "path";
import { packageSchema } from "../provider/native/schema";

/** Where the checked-in schema lives. */
export const SCHEMA_FILE = path.join(__dirname, "..", "plugin", "schema.json");

/** The file's text: the schema of this package's version, as `pulumi package gen-sdk` reads it. */
export function schemaText(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("../package.json") as { version: string };
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
