/**
 * How a final backup says where it came from, so that a person (or `pulumi-redis-backup
 * final-backups`) can find it later: the instance, the Pulumi project and stack, the resource's
 * name, and when it was taken. Project, stack and name are recorded by the FinalBackup class when
 * the program runs (a dynamic provider is told none of them: its process gets
 * `PULUMI_NODEJS_PROJECT` but no stack, and no method receives the URN); a `pulumi destroy` runs
 * no program, so what was recorded is what the label says.
 */

/** Where a final backup came from. */
export interface FinalBackupLabel {
  instance: string;
  project?: string;
  stack?: string;
  /** The FinalBackup's resource name. */
  resource?: string;
  /** When the backup was started, ISO 8601 UTC to the second. */
  at: string;
}

/** What a FinalBackup records of where it runs (its inputs, set by the class, never by the program). */
export interface FinalBackupOrigin {
  resourceName?: string;
  stack?: string;
  project?: string;
}

/** The label of a final backup of `instance` taken now by the FinalBackup that recorded `origin`. */
export function finalBackupLabel(
  origin: FinalBackupOrigin,
  instance: string,
  nowMs: number,
): FinalBackupLabel {
  return {
    instance,
    // A stack recorded before project was is still named: the provider's process is told the project.
    project: origin.project ?? process.env.PULUMI_NODEJS_PROJECT ?? process.env.PULUMI_PROJECT,
    stack: origin.stack,
    resource: origin.resourceName,
    at: `${new Date(nowMs).toISOString().slice(0, 19)}Z`,
  };
}

/** `proj/dev/db-final`: who took the backup, as the CLI shows it. */
export function takenBy(l: Pick<FinalBackupLabel, "project" | "stack" | "resource">): string {
  return [l.project ?? "?", l.stack ?? "?", l.resource ?? "?"].join("/");
}

const TEXT_PREFIX = "final backup of ";
const TEXT =
  /^final backup of (\S+), stack ([^/,\s]+)\/([^/,\s]+), resource (.+), (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)(?:: (.*))?$/;

/**
 * The label as one line of text, for vendors that keep text with a backup (Tencent's Remark):
 * `final backup of crs-x, stack shop/prod, resource orders-final, 2026-12-02T00:07:36Z`, then
 * `: <note>` when the program gave one.
 */
export function labelText(l: FinalBackupLabel, note?: string): string {
  const text =
    `${TEXT_PREFIX}${l.instance}, stack ${l.project ?? "?"}/${l.stack ?? "?"}, ` +
    `resource ${l.resource ?? "?"}, ${l.at}`;
  return note ? `${text}: ${note}` : text;
}

/** The label a text made by {@link labelText} carries (the vendor's own suffixes removed first); undefined for any other text. */
export function parseLabelText(text: string): (FinalBackupLabel & { note?: string }) | undefined {
  const m = TEXT.exec(text);
  if (!m) return undefined;
  const known = (v: string) => (v === "?" ? undefined : v);
  return {
    instance: m[1],
    project: known(m[2]),
    stack: known(m[3]),
    resource: known(m[4]),
    at: m[5],
    note: m[6],
  };
}

/** One final backup as a cloud lists it, for `pulumi-redis-backup final-backups`. */
export interface FinalBackupRecord {
  cloud: string;
  /** The instance it was taken of. */
  instance: string;
  backupId: string;
  /** The shared status vocabulary: available, creating, expired, failed, locked... */
  status?: string;
  /** ISO 8601. */
  takenAt?: string;
  /** ISO 8601; unset when the cloud keeps it by policy (or as long as the instance). */
  expireTime?: string;
  /** `project/stack/resource`, when the cloud keeps the label; unset when it cannot (Alibaba). */
  takenBy?: string;
  /** How the backup was told apart as final: its label, or nothing (every manual backup listed). */
  attribution: "label" | "none";
  /** The vendor's text or name, as it shows it. */
  text?: string;
}
