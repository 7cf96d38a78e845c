/**
 * alicloud.RedisBackup's lifecycle: core's skeleton (core/lifecycle.ts) with Alibaba's hooks; ids,
 * retention, jobs and pending creates each have their own file. Loaded by package name from inside
 * the provider's methods, so none of it is serialized into state. The export names are a contract
 * with every `__provider` ever written to state: keep them.
 */
import { serverNow } from "../core/clockSkew";
import { CloudApiError } from "../core/errors";
import { LifecycleAdapter, Session, defineLifecycle } from "../core/lifecycle";
import { listedEntries } from "../core/sharedListings";
import { BackupEntry, deleteBackup, listBackups, wideWindow } from "./api";
import { findAdoptedBackups, findBackupsBy } from "./backup";
import { AlicloudClient } from "./client";
import { clusterBackupsOf, findAdoptedClusterBackup, findClusterBackup } from "./cluster";
import { isUnsupportedForInstance, isNotFound } from "./errors";
import { AlicloudTarget, isClusterBackupId, targetOf } from "./ids";
import { AlicloudBackupInputs, AlicloudBackupInputsSchema, REPLACE_ON_CHANGE } from "./inputs";
import { startJob, waitBackupCreated } from "./jobs";
import {
  AlicloudBackupOutputs,
  AlicloudPendingOutputs,
  AlicloudRecordedOutputs,
  MadeBackup,
  buildOutputs,
  inputsOf,
  withInputs,
} from "./outputs";
import { Connection, completePending, leftoverOfJob, pendingBackupForDelete, readPending } from "./pending";
import { extendExpiry, retentionChange } from "./retention";
import { resolveAlicloudSettings } from "./settings";

export type { AlicloudBackupInputs, AlicloudBackupOutputs, AlicloudPendingOutputs, AlicloudRecordedOutputs };

/** A backup Alibaba made or that is adopted (its files, or its cluster backup), and the job(s) that made it. */
interface Made {
  backup: MadeBackup;
  jobId?: string;
}

const alicloud: LifecycleAdapter<
  AlicloudBackupInputs,
  AlicloudRecordedOutputs,
  Connection,
  Made,
  string[],
  AlicloudTarget,
  AlicloudBackupOutputs
> = {
  schema: AlicloudBackupInputsSchema,
  instanceKey: "instanceId",
  replaceOnChange: REPLACE_ON_CHANGE,
  targetOf,

  /** The region: the input, else the one recorded. */
  connect(deps, inputs, recorded) {
    const settings = resolveAlicloudSettings(inputs.regionId ?? recorded?.region);
    return { settings, client: new AlicloudClient(settings, deps) };
  },

  /** A `cb-` id names a cloud-native cluster's backup; any other, its files. */
  adopt: async ({ connection: { client }, deps }, inputs) => {
    const id = inputs.backupId!;
    const now = deps.clock.now();
    return isClusterBackupId(id)
      ? {
          backup: {
            kind: "cluster",
            cluster: await findAdoptedClusterBackup(client, inputs.instanceId, id, now),
          },
        }
      : {
          backup: {
            kind: "files",
            entries: await findAdoptedBackups(client, inputs.instanceId, id.split(","), now),
          },
        };
  },
  start: ({ connection: { client }, deps }, inputs) => startJob(client, inputs, deps),
  waitCreated: async ({ connection: { client }, deps }, inputs, jobIds, deadline) => ({
    backup: await waitBackupCreated(
      client,
      inputs.instanceId,
      jobIds,
      Math.max(1, deadline - deps.clock.now()),
      deps,
    ),
    jobId: jobIds.join(","),
  }),
  leftover: leftoverOfJob,
  outputsOf: async ({ connection: { settings } }, inputs, made) =>
    buildOutputs(inputs, made.backup, { region: settings.regionId, jobId: made.jobId }),
  createdLine: (outs) =>
    `${outs.instanceId}: backup ${outs.backupId} ${outs.status}` +
    (outs.expireTime ? `, expires ${outs.expireTime}` : ", kept for the instance's lifetime"),

  /** A refresh from the instance's listing (its files, or a cloud-native cluster's cluster backups), shared. */
  async listed(s, t, inputs, recorded) {
    if (t.backupIds.length === 0 && !t.clusterBackupId) return undefined;
    const found = await sharedListingOf(s, t);
    return found && outputsOfListed(s.connection, inputs, recorded as AlicloudBackupOutputs, found);
  },

  /** The backup as Alibaba lists it now; expired when it is gone past its expiry; undefined when gone. */
  async current(s, t, inputs, recorded) {
    const { client, settings } = s.connection;
    const previous = recorded as AlicloudBackupOutputs;
    let found: MadeBackup | undefined;
    try {
      found = await listedNow(client, t, s.deps.clock.now());
    } catch (e) {
      // The instance itself is gone (InvalidInstanceId.NotFound): so are its backups.
      if (!isNotFound(e)) throw e;
    }
    if (found) return outputsOfListed(s.connection, inputs, previous, found);
    // Alibaba removes a backup when it expires: gone past its expiry means expired, not deleted.
    // Past it by our clock or by the server's (as learned from its Date header), whichever is later.
    const now = Math.max(s.deps.clock.now(), serverNow(settings.endpoint, s.deps.clock));
    const expired =
      previous.status === "expired" ||
      (previous.expireTime !== undefined && Date.parse(previous.expireTime) <= now);
    if (!expired) return undefined;
    if (previous.status !== "expired") {
      s.deps.reporter.warn(`backup ${t.backup} of ${t.instance} expired at ${previous.expireTime}`);
    }
    return withInputs({ ...previous, status: "expired" }, inputs);
  },
  /** A job recorded without a backup becomes the backup once it is done (and the id follows). */
  readPending,
  inputsOf,

  /** Deletes the backup; a job recorded without one: what it made, once it has made it. */
  async remove(s, t, props) {
    if (t.backupIds.length > 0)
      return removeBackup(
        s.connection.client,
        s.deps,
        t.instance,
        t.backupIds,
        props as AlicloudBackupOutputs,
      );
    const outs = await pendingBackupForDelete(s, t, props);
    if (outs) await removeBackup(s.connection.client, s.deps, t.instance, outs.backupIds, outs);
  },

  /** The shared rules, plus retention (see retention.ts). */
  diff(olds, news, planned) {
    const retention = retentionChange(olds, news);
    if (retention === "inPlace") return { ...planned, changes: true };
    if (retention === "replace") return { changes: true, replaces: [...planned.replaces, "retentionDays"] };
    return planned;
  },

  /** A recorded job is waited for; an expired backup changes nothing at Alibaba; a longer retention is applied. */
  async update(s, t, olds, inputs, current) {
    if (t.backupIds.length === 0) return completePending(s, t, inputs, olds);
    const recorded = olds as AlicloudBackupOutputs;
    if (recorded.status === "expired") return withInputs(recorded, inputs);
    const days = inputs.retentionDays;
    if (days !== undefined && days !== olds.retentionDays && retentionChange(olds, inputs) === "inPlace") {
      await extendExpiry(() => s.connection.client, t.instance, t.backupIds, recorded, days, s.deps);
    }
    return current();
  },
};

/** The backup a target names as Alibaba lists it now: its cluster backup, or every one of its files; undefined when not. */
async function listedNow(
  client: AlicloudClient,
  t: AlicloudTarget,
  nowMs: number,
): Promise<MadeBackup | undefined> {
  if (t.clusterBackupId) {
    const cluster = await findClusterBackup(client, t.instance, t.clusterBackupId, nowMs);
    return cluster && { kind: "cluster", cluster };
  }
  const entries = await findBackupsBy(client, t.instance, "BackupId", t.backupIds, nowMs);
  return entries.length === t.backupIds.length ? { kind: "files", entries } : undefined;
}

/** A refresh's outputs of a backup as listed, whichever listing showed it. */
function outputsOfListed(
  { settings }: Connection,
  inputs: AlicloudBackupInputs,
  previous: AlicloudBackupOutputs,
  found: MadeBackup,
): AlicloudBackupOutputs {
  const kept = previous.adopted ? { ...inputs, backupId: previous.backupId } : inputs;
  return buildOutputs(kept, found, { region: settings.regionId, jobId: previous.jobId, previous });
}

/**
 * The backup a target names in the listing of its instance this process shares (all its files,
 * or all its cluster backups, over the wide window): undefined unless every file is there.
 */
async function sharedListingOf(
  { connection: { client, settings }, deps }: Session<Connection>,
  t: AlicloudTarget,
): Promise<MadeBackup | undefined> {
  const nowMs = deps.clock.now();
  const where = [
    "alicloud",
    settings.endpoint,
    settings.regionId,
    settings.accessKeyId,
    settings.accessKeySecret,
    settings.securityToken,
  ];
  if (t.clusterBackupId) {
    const [cluster] = await listedEntries(
      deps.timeline,
      { where, instance: t.instance, part: "clusters" },
      async () => (await clusterBackupsOf(client, t.instance, nowMs)) ?? [],
      (c) => c.ClusterBackupId,
      t.clusterBackupId,
    );
    return cluster && { kind: "cluster", cluster };
  }
  const files = { where, instance: t.instance, part: "files" };
  const listFiles = () => listBackups(client, { InstanceId: t.instance, ...wideWindow(nowMs) });
  const entries: BackupEntry[] = [];
  for (const backupId of t.backupIds) {
    const found = await listedEntries(deps.timeline, files, listFiles, (e) => e.BackupId ?? "", backupId);
    if (found.length === 0) return undefined;
    entries.push(...found);
  }
  return { kind: "files", entries };
}

/**
 * DeleteBackup deletes manual backups of cloud-native instances ("本操作仅支持云原生版实例", its CN
 * page). Elsewhere (automatic backups, classic instances, whose clusters answer CreateBackup with
 * per-node jobs) no call is made or the instance's "not supported" answer ends it: the backup stays
 * until it expires, and we say so.
 *
 * A cloud-native cluster's backup is deleted shard by shard: DeleteBackup takes a BackupId ("实例的
 * 备份文件 ID", a backup file's id) and an InstanceId and has no cluster-level parameter, and a `cb-`
 * id is not a backup file's id; the shards' files are what it can name (vendor-research.md §6.5).
 * terraform-provider-alicloud's alicloud_redis_backup does not fan out (one DeleteBackup of the id it
 * recorded, found through DescribeBackups, which does not apply to these instances): it covers only
 * standard ones, so it is no evidence either way. Whether deleting one shard's file removes the whole
 * cluster backup is not documented; a shard already gone answers NotFound, which is what we want.
 */
async function removeBackup(
  client: AlicloudClient,
  deps: { reporter: { info(m: string): void; warn(m: string): void } },
  instanceId: string,
  backupIds: string[],
  props: AlicloudBackupOutputs,
) {
  const backup = props.clusterBackupId
    ? `${props.clusterBackupId} (shard files ${backupIds.join(",")})`
    : backupIds.join(",");
  const stays =
    `backup ${backup} of ${instanceId} stays ` +
    (props.expireTime ? `until it expires at ${props.expireTime}` : "as long as the instance exists") +
    "; it is no longer managed by this stack";
  if (props.status === "expired")
    return deps.reporter.info(`backup ${backup} of ${instanceId} has expired; nothing to delete`);
  if (props.mode !== undefined && props.mode !== "Manual") {
    return deps.reporter.warn(`Alibaba Cloud deletes only manual backups: ${stays}`);
  }
  if ((props.jobId ?? "").includes(",")) {
    return deps.reporter.warn(`Alibaba Cloud deletes backups only on cloud-native instances: ${stays}`);
  }
  for (const backupId of backupIds) {
    try {
      await deleteBackup(client, instanceId, backupId);
    } catch (e) {
      if (isNotFound(e)) continue; // already gone: that is what we wanted
      if (!isUnsupportedForInstance(e)) throw e;
      return deps.reporter.warn(
        `${instanceId} cannot delete backups (DeleteBackup: ${(e as CloudApiError).code}): ${stays}`,
      );
    }
  }
  deps.reporter.info(`${instanceId}: backup ${backup} deleted`);
}

/** The lifecycle the dynamic provider calls (see core/lifecycle.ts); these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove } = defineLifecycle(alicloud);
