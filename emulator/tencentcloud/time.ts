/**
 * Tencent's zoneless time strings, `yyyy-MM-dd HH:mm:ss`. No document states their zone; console
 * behaviour suggests Beijing time, so the emulator writes and reads them at a configurable offset
 * (default +08:00). Signing dates are UTC and never go through here.
 */

/** Minutes east of UTC for an offset such as `+08:00` or `-05:30`. */
export function parseUtcOffset(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) {
    throw new RangeError(`timezone offset must look like +08:00, got ${JSON.stringify(offset)}`);
  }
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -minutes : minutes;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Formats epoch milliseconds as `yyyy-MM-dd HH:mm:ss` at `offsetMinutes` east of UTC. */
export function formatTencentTime(epochMs: number, offsetMinutes: number): string {
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * Parses `yyyy-MM-dd HH:mm:ss` at `offsetMinutes` east of UTC into epoch milliseconds; undefined
 * when the text is not exactly that form or names an impossible date (2023-02-30).
 */
export function parseTencentTime(text: string, offsetMinutes: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(utc);
  // Date.UTC rolls 2023-02-30 over to March; a round trip catches it.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    back.getUTCHours() !== hour ||
    back.getUTCMinutes() !== minute ||
    back.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return utc - offsetMinutes * 60_000;
}
