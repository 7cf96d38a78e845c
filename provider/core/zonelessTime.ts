/**
 * Vendor time strings. Tencent sends `yyyy-MM-dd HH:mm:ss` with no zone (Beijing time, UTC+8, by
 * default); outputs are ISO 8601 with the offset spelled out, so nobody has to guess.
 */

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const ZONELESS = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Offsets already read: a process sees one or two, each converted several times a read. */
const knownOffsets = new Map<string, number>();

/** Minutes east of UTC for an offset like `+08:00`; throws on anything else. */
export function offsetMinutes(offset: string): number {
  const known = knownOffsets.get(offset);
  if (known !== undefined) return known;
  const m = OFFSET.exec(offset);
  if (!m) throw new Error(`invalid UTC offset "${offset}" (expected e.g. +08:00)`);
  const minutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  // Bounded: the offsets of a process come from its settings, but nothing here should grow without end.
  if (knownOffsets.size < 64) knownOffsets.set(offset, minutes);
  return minutes;
}

/** `2022-12-19 19:41:42` read in `offset` → epoch milliseconds, or undefined if it is not that shape. */
export function parseZonelessTime(text: string, offset: string): number | undefined {
  const m = ZONELESS.exec(text);
  if (!m) return undefined;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return utc - offsetMinutes(offset) * 60_000;
}

/** Epoch milliseconds → `yyyy-MM-dd HH:mm:ss` in `offset`. */
export function formatZonelessTime(epochMs: number, offset: string): string {
  const shifted = new Date(epochMs + offsetMinutes(offset) * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** Epoch milliseconds → ISO 8601 with the given offset, e.g. `2022-12-19T19:41:42+08:00`. */
export function toIsoWithOffset(epochMs: number, offset: string): string {
  const shifted = new Date(epochMs + offsetMinutes(offset) * 60_000).toISOString();
  return `${shifted.slice(0, 19)}${offset === "+00:00" || offset === "-00:00" ? "Z" : offset}`;
}

/** A zoneless vendor time → ISO 8601 with offset; undefined for empty or unparseable input. */
export function zonelessToIso(text: string | undefined | null, offset: string): string | undefined {
  if (!text) return undefined;
  const ms = parseZonelessTime(text, offset);
  return ms === undefined ? undefined : toIsoWithOffset(ms, offset);
}
