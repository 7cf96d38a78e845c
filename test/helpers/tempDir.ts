/**
 * Temporary folders a test file makes, removed when the file's tests end (tests used to leave
 * theirs in the system's temp folder). Importing this module registers the clean-up once per file.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const made = new Set<string>();

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
});

/** A fresh folder under the temp dir, `prefix` first; gone after the file's last test. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}
