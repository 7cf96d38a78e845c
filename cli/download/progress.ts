/**
 * How a download shows its progress: on a terminal, one bar per file (cli-progress) with bytes,
 * rate and time left; elsewhere (CI logs, pipes) a plain line per file at each quarter and at the
 * end, so a log shows that it moved without a line per chunk.
 */
import { MultiBar, Presets } from "cli-progress";
import type { Io } from "../io";

/** One file's progress, as the downloader reports it. */
export interface FileProgress {
  update(bytes: number, size: number | undefined): void;
  done(bytes: number): void;
}

/** Progress for a set of files. */
export interface Progress {
  file(name: string, size: number | undefined, startAt: number): FileProgress;
  note(text: string): void;
  stop(): void;
}

/** `1536` as `1.5 KiB`. */
export function humanBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** A file name short enough for a bar's line: its start and end around `…` when longer than 28. */
export function shortName(name: string): string {
  return name.length <= 28 ? name : `${name.slice(0, 10)}…${name.slice(-17)}`;
}

/** Seconds as `0:07`, `12:40` or `1h05m`. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Rate and time left of a transfer that started at `startAt` bytes, `startMs` ago. */
function measure(bytes: number, size: number | undefined, startAt: number, startMs: number, nowMs: number) {
  const seconds = Math.max(0.001, (nowMs - startMs) / 1000);
  const rate = (bytes - startAt) / seconds;
  const left = size === undefined || rate <= 0 ? NaN : (size - bytes) / rate;
  return { rate, left };
}

/** The progress `io` can show: bars on a terminal, lines elsewhere. */
export function progressFor(io: Io, now: () => number = Date.now): Progress {
  return io.stderr.isTTY ? terminalProgress(io, now) : lineProgress(io, now);
}

function terminalProgress(io: Io, now: () => number): Progress {
  const bars = new MultiBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: "{file} [{bar}] {percentage}% | {done} of {size} | {rate} | {left} left",
      hideCursor: true,
      barsize: 20,
      clearOnComplete: false,
      stopOnComplete: false,
      fps: 5,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  return {
    file(name, size, startAt) {
      const startMs = now();
      const payload = (bytes: number, total: number | undefined) => {
        const { rate, left } = measure(bytes, total, startAt, startMs, now());
        return {
          file: shortName(name),
          done: humanBytes(bytes),
          size: total === undefined ? "?" : humanBytes(total),
          rate: `${humanBytes(rate)}/s`,
          left: humanDuration(left),
        };
      };
      const bar = bars.create(size ?? 0, startAt, payload(startAt, size));
      return {
        update: (bytes, total) => {
          if (total !== undefined) bar.setTotal(total);
          bar.update(bytes, payload(bytes, total));
        },
        done: (bytes) => bar.update(bytes, { ...payload(bytes, bytes), left: "0:00" }),
      };
    },
    note: (text) => bars.log(`${text}\n`),
    stop: () => bars.stop(),
  };
}

function lineProgress(io: Io, now: () => number): Progress {
  const line = (name: string, bytes: number, size: number | undefined, startAt: number, startMs: number) => {
    const { rate, left } = measure(bytes, size, startAt, startMs, now());
    const share = size ? `${Math.floor((bytes / size) * 100)}% ` : "";
    const of = size === undefined ? humanBytes(bytes) : `${humanBytes(bytes)} of ${humanBytes(size)}`;
    const rest = bytes === size ? "" : `, ${humanDuration(left)} left`;
    io.stderr.write(`${name}: ${share}(${of}), ${humanBytes(rate)}/s${rest}\n`);
  };
  return {
    file(name, size, startAt) {
      const startMs = now();
      let shownQuarter = size ? Math.floor((startAt / size) * 4) : 0;
      return {
        update(bytes, total) {
          if (!total) return;
          const quarter = Math.floor((bytes / total) * 4);
          if (quarter > shownQuarter && bytes < total) {
            shownQuarter = quarter;
            line(name, bytes, total, startAt, startMs);
          }
        },
        done: (bytes) => line(name, bytes, bytes, startAt, startMs),
      };
    },
    note: (text) => io.stderr.write(`${text}\n`),
    stop: () => undefined,
  };
}
