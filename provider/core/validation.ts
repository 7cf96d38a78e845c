/** Turning zod issues into sentences that name the field. */
import type { z } from "zod";

/** `BackupSet.0.Status: expected number, received string` — one line per issue. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}
