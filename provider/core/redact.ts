/**
 * Keeps credentials out of everything a user or a log can see. Secrets read at call time are
 * registered here, and every message leaving the package passes through `redact`.
 */
const secrets = new Set<string>();

/** Registers values that must never appear in messages (values shorter than 4 chars are ignored). */
export function registerSecret(...values: (string | undefined)[]): void {
  for (const v of values) if (v && v.length >= 4) secrets.add(v);
}

const headerPatterns: RegExp[] = [
  /(Authorization["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi,
  /(X-TC-Token["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi,
  /(Signature=)[0-9a-fA-F]{16,}/g,
];

/** Replaces every registered secret and credential-bearing header value in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join("***");
  for (const p of headerPatterns) out = out.replace(p, "$1***");
  return out;
}
