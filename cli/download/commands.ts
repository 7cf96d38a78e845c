/**
 * `url` and `download`: a backup's files, their URLs asked for when the command runs (never kept
 * anywhere), and the files fetched with a progress bar, resumed, checked and renamed into place.
 */
import { existsSync, mkdirSync, statSync } from "fs";
import { join } from "path";
import { cloudEntry } from "../../provider/clouds";
import type { BackupDownload, BackupFile } from "../../provider/core/downloadUrls";
import type { Io } from "../io";
import { UsageError } from "../io";
import { mapLimited } from "../mapLimited";
import { DownloadRefusedError, FetchFileResult, LocalWriteError, fetchFile, partPath } from "./fetchFile";
import { humanBytes, progressFor } from "./progress";
import type { NamedTarget } from "./target";

/** What each cloud says of its URLs' lifetime, in the `url` listing. */
const LIFETIME: Record<string, string> = {
  tencentcloud: "Tencent: 6 hours after they were given",
  alicloud: "Alibaba Cloud states no lifetime; ask again if one is refused",
  ucloud: "UCloud states no lifetime; ask again if one is refused",
};

/** The files of `t` with fresh URLs. */
export function downloadUrlsOf(t: NamedTarget): Promise<BackupDownload> {
  return cloudEntry(t.cloud).downloadUrls(t.target, {
    reporter: { info: () => undefined, warn: () => undefined },
  });
}

/** `url`: prints the files and their URLs (text or JSON). */
export async function printUrls(t: NamedTarget, format: "text" | "json", io: Io): Promise<void> {
  const d = await downloadUrlsOf(t);
  if (format === "json") {
    io.stdout.write(JSON.stringify(d, null, 2) + "\n");
    return;
  }
  io.stdout.write(`${t.label}: ${d.files.length} file${d.files.length === 1 ? "" : "s"}\n`);
  for (const f of d.files) {
    const size =
      f.sizeBytes === undefined ? "size not reported" : `${humanBytes(f.sizeBytes)} (${f.sizeBytes} bytes)`;
    io.stdout.write(`${f.fileName}  ${size}\n`);
    io.stdout.write(`  public:   ${f.url}\n`);
    io.stdout.write(`  intranet: ${f.intranetUrl ?? `none (${t.cloud} gives none)`}\n`);
    io.stdout.write(
      `  expires:  ${f.expiresAt ? `${f.expiresAt} (${LIFETIME[t.cloud]})` : LIFETIME[t.cloud]}\n`,
    );
  }
}

/** How `download` fetches a backup's files: where to, over which URL, how many at a time. */
export interface DownloadOptions {
  /** A file (one file) or a folder (several: a cluster's shards). */
  output?: string;
  intranet?: boolean;
  /** Files fetched at a time (default 3). */
  concurrency?: number;
}

/** `download`: fetches every file of `t`; resolves with what each did. */
export async function downloadBackup(t: NamedTarget, o: DownloadOptions, io: Io): Promise<FetchFileResult[]> {
  const first = await downloadUrlsOf(t);
  if (first.files.length === 0) throw new UsageError(`${t.label}: the cloud lists no file for it`);
  const destOf = destinations(first.files, o.output);
  const progress = progressFor(io);
  try {
    return await mapLimited(first.files, Math.max(1, o.concurrency ?? 3), async (file) => {
      const dest = destOf(file);
      const startAt = existsSync(partPath(dest)) ? statSync(partPath(dest)).size : 0;
      const bar = progress.file(file.fileName, file.sizeBytes, startAt);
      const result = await fetchFile({
        file,
        dest,
        intranet: o.intranet,
        refresh: async () => sameFile((await downloadUrlsOf(t)).files, file),
        onProgress: (bytes, size) => bar.update(bytes, size),
        onNote: (text) => progress.note(text),
      }).catch((e: unknown) => {
        throw refusedWithHint(e, file, o.intranet === true, t);
      });
      bar.done(result.bytes);
      return result;
    });
  } finally {
    progress.stop();
  }
}

/** Where each file goes: `output` itself for one file, else `output` (default `.`) as a folder. */
function destinations(files: BackupFile[], output: string | undefined): (f: BackupFile) => string {
  if (files.length === 1 && output !== undefined && !(existsSync(output) && statSync(output).isDirectory())) {
    return () => output;
  }
  const dir = output ?? ".";
  if (files.length > 1) mkdirSync(dir, { recursive: true });
  return (f) => join(dir, f.fileName);
}

/** The file of a fresh listing that is `file` (by name; a cluster's shards keep theirs). */
function sameFile(files: BackupFile[], file: BackupFile): BackupFile {
  const found = files.find((f) => f.fileName === file.fileName);
  if (!found) throw new DownloadRefusedError(`${file.fileName}: the cloud no longer lists this file`, 0);
  return found;
}

/** A refusal, with what to try when the public URL was refused and an intranet one exists; a file that cannot be written, said where. */
function refusedWithHint(e: unknown, file: BackupFile, intranet: boolean, t: NamedTarget): unknown {
  if (e instanceof LocalWriteError)
    return new UsageError(`downloading ${t.label}: ${file.fileName}: ${e.message}`);
  if (!(e instanceof DownloadRefusedError)) return e;
  const hint =
    e.status === 403 && !intranet && file.intranetUrl
      ? " (from inside the instance's network, run it again with --intranet)"
      : "";
  return new UsageError(`downloading ${t.label}: ${e.message}${hint}`);
}
