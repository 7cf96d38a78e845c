/** `7d`, `36h`, `90m`, `1d12h`: the durations `--expiring-within` takes, and how spans are shown. */
import { UsageError } from "./io";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds in a duration like `7d`, `36h`, `90m` or `1d12h`. */
export function parseDuration(text: string): number {
  const m = /^\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*$/i.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) {
    throw new UsageError(`"${text}" is not a duration: write it like 7d, 36h, 90m or 1d12h`);
  }
  return Number(m[1] ?? 0) * DAY + Number(m[2] ?? 0) * HOUR + Number(m[3] ?? 0) * MINUTE;
}

/** A span as people read it, down to the minute: `24d 23h`, `5h 12m`, `40m`; `3d ago` when past. */
export function formatSpan(ms: number): string {
  const past = ms < 0;
  const total = Math.floor(Math.abs(ms) / MINUTE);
  const d = Math.floor(total / (DAY / MINUTE));
  const h = Math.floor((total % (DAY / MINUTE)) / 60);
  const min = total % 60;
  let text: string;
  if (d > 0) text = h > 0 ? `${d}d ${h}h` : `${d}d`;
  else if (h > 0) text = min > 0 ? `${h}h ${min}m` : `${h}h`;
  else text = `${min}m`;
  return past ? `${text} ago` : text;
}

/** A duration as given back in reports (`7d`, `1d12h`). */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / MINUTE);
  const d = Math.floor(total / (DAY / MINUTE));
  const h = Math.floor((total % (DAY / MINUTE)) / 60);
  const min = total % 60;
  const parts = [d ? `${d}d` : "", h ? `${h}h` : "", min ? `${min}m` : ""].join("");
  return parts || "0m";
}
