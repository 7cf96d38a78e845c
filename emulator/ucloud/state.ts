/**
 * The UCloud URedis world the emulator keeps: groups and their backups. Nothing here knows HTTP or
 * the wire format. A backup's State is computed from the world clock on every read (Backuping for
 * `backupSeconds`, then Success or Error, then Expired after the retention), so advancing the clock
 * is all it takes for backups to finish and expire.
 */
import { randomUUID } from "crypto";
import type { EmulatorClock } from "../clock";
import { UCLOUD_REGIONS, URedisBackupSeed, URedisGroupSeed, parseURedisGroupSeed } from "./seeds";
import { requireRecord } from "../records";

const DAY_MS = 86_400_000;

/** A URedis (master/replica) group as the emulator keeps it, its seed's defaults filled in. */
export interface URedisGroupRecord {
  groupId: string;
  name: string;
  region: string;
  zone: string;
  projectId?: string;
  memorySizeGb: number;
  redisVersion: string;
  /** Deleted (or released): it no longer appears, and its backups with it. */
  deleted: boolean;
  /** Set by failNextBackup: the next backup of this group ends in State Error. */
  failNext: boolean;
}

/** A URedis backup as the emulator keeps it; its State is computed from the world clock on every read. */
export interface URedisBackupRecord {
  backupId: string;
  groupId: string;
  backupName: string;
  backupType: "Manual" | "Auto";
  startMs: number;
  durationMs: number;
  expireMs: number;
  sizeBytes: number;
  /** Ends in State Error instead of Success. */
  fails: boolean;
  /** Deleted (through the API or out of band): no longer listed. */
  deleted: boolean;
}

/** URedisBackupSet.State values. */
export type URedisBackupState = "Backuping" | "Success" | "Error" | "Expired";

/** What the URedis world starts with: backup duration, retention, groups, and whether Delete is served. */
export interface UCloudStateOptions {
  backupSeconds: number;
  retentionDays: number;
  groups: readonly URedisGroupSeed[];
  deleteSupported: boolean;
}

/** The emulated URedis world: groups and their backups, read against the world clock. */
export class UCloudRedisState {
  private readonly groups = new Map<string, URedisGroupRecord>();
  private readonly backups = new Map<string, URedisBackupRecord>();
  private backupSeconds: number;
  private retentionDays: number;
  /** False: DeleteURedisBackup answers as an action that does not exist (RetCode 161). */
  deleteSupported: boolean;

  constructor(
    private readonly clock: EmulatorClock,
    options: UCloudStateOptions,
  ) {
    this.backupSeconds = checkSeconds(options.backupSeconds);
    this.retentionDays = checkRetention(options.retentionDays);
    this.deleteSupported = options.deleteSupported;
    for (const seed of options.groups) this.addGroup(seed);
  }

  // --- groups --------------------------------------------------------------------------------------

  addGroup(seedInput: URedisGroupSeed): URedisGroupRecord {
    const seed = parseURedisGroupSeed(seedInput);
    if (this.groups.has(seed.groupId)) throw new TypeError(`group ${seed.groupId} already exists`);
    const record: URedisGroupRecord = {
      groupId: seed.groupId,
      name: seed.name ?? seed.groupId,
      region: seed.region ?? "cn-bj2",
      zone: seed.zone ?? "cn-bj2-04",
      projectId: seed.projectId,
      memorySizeGb: seed.memorySizeGb ?? 1,
      redisVersion: seed.redisVersion ?? "6.0",
      deleted: false,
      failNext: false,
    };
    this.groups.set(record.groupId, record);
    for (const b of seed.backups ?? []) this.addSeededBackup(record, b);
    return record;
  }

  /** The group as a request in `region` (and `projectId`, when given) sees it; undefined when invisible. */
  visibleGroup(
    groupId: string,
    region: string,
    projectId: string | undefined,
  ): URedisGroupRecord | undefined {
    const g = this.groups.get(groupId);
    if (!g || g.deleted || g.region !== region) return undefined;
    if (projectId !== undefined && g.projectId !== undefined && g.projectId !== projectId) return undefined;
    return g;
  }

  group(groupId: string): URedisGroupRecord | undefined {
    return this.groups.get(groupId);
  }

  /** Every group, deleted ones included, in the order they were added. */
  allGroups(): URedisGroupRecord[] {
    return [...this.groups.values()];
  }

  deleteGroup(groupId: string): void {
    this.requireGroup(groupId).deleted = true;
  }

  failNextBackup(groupId: string): void {
    this.requireGroup(groupId).failNext = true;
  }

  knownRegions(): Set<string> {
    return new Set([...UCLOUD_REGIONS, ...[...this.groups.values()].map((g) => g.region)]);
  }

  // --- backups ------------------------------------------------------------------------------------

  setBackupSeconds(seconds: number): void {
    this.backupSeconds = checkSeconds(seconds);
  }

  setRetentionDays(days: number): void {
    this.retentionDays = checkRetention(days);
  }

  /** Starts a manual backup: listed at once, Backuping until its time is up. */
  createBackup(group: URedisGroupRecord, backupName: string): URedisBackupRecord {
    const startMs = this.clock.worldNow();
    const record: URedisBackupRecord = {
      backupId: this.newBackupId(),
      groupId: group.groupId,
      backupName,
      backupType: "Manual",
      startMs,
      durationMs: this.backupSeconds * 1000,
      expireMs: startMs + this.retentionDays * DAY_MS,
      sizeBytes: backupSize(group),
      fails: group.failNext,
      deleted: false,
    };
    group.failNext = false;
    this.backups.set(record.backupId, record);
    return record;
  }

  backup(backupId: string): URedisBackupRecord | undefined {
    return this.backups.get(backupId);
  }

  /** The backups the API lists for a group, newest first. */
  listed(groupId: string): URedisBackupRecord[] {
    return this.all(groupId).filter((b) => !b.deleted);
  }

  /** The backups the API lists for every group a request in `region` (and `projectId`) sees, newest first. */
  listedIn(region: string, projectId: string | undefined): URedisBackupRecord[] {
    return this.all().filter((b) => !b.deleted && this.visibleGroup(b.groupId, region, projectId));
  }

  /** Every record, deleted ones included, newest first (admin view). */
  all(groupId?: string): URedisBackupRecord[] {
    return [...this.backups.values()]
      .filter((b) => groupId === undefined || b.groupId === groupId)
      .sort((a, b) => b.startMs - a.startMs);
  }

  /** State at the current world time. */
  state(b: URedisBackupRecord): URedisBackupState {
    const now = this.clock.worldNow();
    if (now < b.startMs + b.durationMs) return "Backuping";
    if (b.fails) return "Error";
    if (now >= b.expireMs) return "Expired";
    return "Success";
  }

  /** Removes a backup (DeleteURedisBackup, or out of band): it is no longer listed. */
  deleteBackup(backupId: string): void {
    this.requireBackup(backupId).deleted = true;
  }

  /** Makes a backup expire now (world clock); one still in progress is finished first. */
  expireBackup(backupId: string): void {
    const b = this.requireBackup(backupId);
    const now = this.clock.worldNow();
    b.durationMs = Math.max(0, Math.min(b.durationMs, now - b.startMs));
    b.expireMs = now;
  }

  // --- helpers --------------------------------------------------------------------------------------

  private addSeededBackup(group: URedisGroupRecord, seed: URedisBackupSeed): void {
    const startMs = this.clock.worldNow() - seed.takenHoursAgo * 3_600_000;
    const backupId = seed.backupId ?? this.newBackupId();
    if (this.backups.has(backupId)) throw new TypeError(`backup ${backupId} already exists`);
    this.backups.set(backupId, {
      backupId,
      groupId: group.groupId,
      backupName: seed.backupName,
      backupType: seed.backupType ?? "Auto",
      startMs,
      durationMs: 30_000,
      expireMs: startMs + this.retentionDays * DAY_MS,
      sizeBytes: backupSize(group),
      fails: seed.failed ?? false,
      deleted: false,
    });
  }

  /** UUIDs, as the DescribeURedisBackup examples show (`24149c99-4df6-4b5a-99b4-8ab1ca2d7aaa`). */
  private newBackupId(): string {
    return randomUUID();
  }

  private requireGroup(groupId: string): URedisGroupRecord {
    return requireRecord(this.groups, groupId, "group");
  }

  private requireBackup(backupId: string): URedisBackupRecord {
    return requireRecord(this.backups, backupId, "backup");
  }
}

function backupSize(group: URedisGroupRecord): number {
  // A plausible RDB size for a lightly used instance: 16 KB per GB of capacity.
  return group.memorySizeGb * 16_384;
}

function checkSeconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new RangeError(`backupSeconds must be >= 0, got ${seconds}`);
  return seconds;
}

function checkRetention(days: number): number {
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`retentionDays must be > 0, got ${days}`);
  return days;
}
