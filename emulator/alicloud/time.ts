/** The time strings of the R-KVStore API: UTC, `Z`-suffixed, to the second or to the minute. */

const MINUTES = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** `yyyy-MM-ddTHH:mm:ssZ`. */
export function formatSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/** `yyyy-MM-ddTHH:mmZ`. */
export function formatMinutes(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16)}Z`;
}

/** `yyyy-MM-ddTHH:mmZ` → epoch ms, or undefined when it is not exactly that (or not a real date). */
export function parseMinutes(text: string): number | undefined {
  const m = MINUTES.exec(text);
  return m ? checked(m, 0) : undefined;
}

/** `yyyy-MM-ddTHH:mm:ssZ` → epoch ms, or undefined. */
export function parseSeconds(text: string): number | undefined {
  const m = SECONDS.exec(text);
  return m ? checked(m, +m[6]) : undefined;
}

function checked(m: RegExpExecArray, seconds: number): number | undefined {
  const [y, mo, d, h, mi] = [+m[1], +m[2], +m[3], +m[4], +m[5]];
  const ms = Date.UTC(y, mo - 1, d, h, mi, seconds);
  const back = new Date(ms);
  // Rejects 2023-02-30, 25:00 and the like, which Date.UTC would silently roll over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  if (h > 23 || mi > 59 || seconds > 59) return undefined;
  return ms;
}
