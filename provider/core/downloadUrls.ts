/**
 * Download URLs of a backup's files, one function per cloud built here. Every cloud's function:
 *
 * - inside a Pulumi program returns a `pulumi.Output` marked secret, so the URLs (bearer
 *   credentials to the backup's data for hours) are encrypted wherever the program puts them —
 *   an export, another resource's input — and never reach state in the clear;
 * - outside one (a script, the CLI) returns a Promise of plain values.
 *
 * Calls run in the program's own process (not the provider's), with the cloud's credentials from
 * its environment variables or the stack's config, read when the call runs.
 */
import * as pulumi from "@pulumi/pulumi";
import { OperationDeps, defaultDeps } from "./deps";
import { withContext } from "./errors";
import { ConfigSource, setStackConfig } from "./settings";

/** One file of a backup (a cluster's backup has one per shard). */
export interface BackupFile {
  /** The file's name as the cloud gives it, e.g. `crs-xjhsdj01_318995367.rdb`. */
  fileName: string;
  /** Size in bytes, as the cloud reports it (a download is checked against it); unset when unknown. */
  sizeBytes?: number;
  /** The URL that works from the internet (subject to the cloud's download restriction). */
  url: string;
  /** The URL that works from inside the cloud's network (the instance's VPC), where the cloud gives one. */
  intranetUrl?: string;
  /**
   * When the URLs stop working, ISO 8601, where the cloud states a lifetime (Tencent: 6 hours);
   * unset where it states none (Alibaba, UCloud): a refused URL is then simply asked for again.
   */
  expiresAt?: string;
  /** The cloud's own backup id of this file, where it differs from the backup's (an Alibaba shard). */
  fileBackupId?: string;
}

/** What a cloud's function returns: the backup, and its files. */
export interface BackupDownload {
  cloud: string;
  instanceId: string;
  backupId: string;
  files: BackupFile[];
}

/** Inside a program, an Output (secret); outside one, a Promise of plain values. */
export type DownloadUrls = pulumi.Output<BackupDownload> | Promise<BackupDownload>;

/** The function of one cloud: its arguments (each may be a Pulumi Input in a program). */
export type DownloadUrlsFunction<A extends object> = (
  args: { [K in keyof A]: pulumi.Input<A[K]> },
  overrides?: Partial<OperationDeps>,
) => DownloadUrls;

/** A backup to download, as a stack recorded it (or flags name it). */
export interface DownloadTarget {
  /** The instance (UCloud: the group). */
  instance: string;
  backupId: string;
  /** Where it lives, in the cloud's input names (`region`, `regionId`, `zone`, `projectId`). */
  location: Record<string, string | undefined>;
}

/**
 * How one cloud finds a backup's files: each cloud's `download.ts` exports one as `downloadUrlsSpec`
 * (the registry and the native provider load it by that name); `describe` names the call in messages.
 */
export interface DownloadUrlsSpec<A extends object> {
  describe(args: A): string;
  fetch(args: A, deps: OperationDeps): Promise<BackupDownload>;
  /** The arguments that find a backup a stack recorded (the CLI's `url` and `download`). */
  argsOf(target: DownloadTarget): A;
}

/** True inside a running Pulumi program (the engine's resource monitor is there). */
export function insidePulumiProgram(): boolean {
  return pulumi.runtime.hasMonitor();
}

/** The stack's config, as a program reads it, for core's settings (the provider gets it from `configure`). */
const programConfig: ConfigSource = {
  get(key: string) {
    const [namespace, ...rest] = key.split(":");
    return new pulumi.Config(namespace).get(rest.join(":"));
  },
};

/** The plain lookup: what a cloud's function does outside a program. */
export async function fetchDownloadUrls<A extends object>(
  spec: DownloadUrlsSpec<A>,
  args: A,
  overrides: Partial<OperationDeps> = {},
): Promise<BackupDownload> {
  try {
    return await spec.fetch(args, defaultDeps(overrides));
  } catch (e) {
    throw withContext(`getting the download URLs of ${spec.describe(args)}`, e);
  }
}

/** A cloud's exported function from its spec (see the module comment for what it returns where). */
export function downloadUrlsFunction<A extends object>(spec: DownloadUrlsSpec<A>): DownloadUrlsFunction<A> {
  return (args, overrides) => {
    if (!insidePulumiProgram()) return fetchDownloadUrls(spec, args as A, overrides);
    setStackConfig(programConfig);
    const plain = pulumi.output(args).apply((a) => fetchDownloadUrls(spec, a as A, overrides));
    return pulumi.secret(plain) as pulumi.Output<BackupDownload>;
  };
}

/** `ms` as ISO 8601 UTC (how every cloud's `expiresAt` is written). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The last path segment of a URL: the file's name at the object store; `fallback` when there is none. */
export function fileNameOfUrl(url: string | undefined, fallback: string): string {
  if (!url) return fallback;
  try {
    const last = new URL(url).pathname.split("/").pop();
    return last ? decodeURIComponent(last) : fallback;
  } catch {
    return fallback;
  }
}
