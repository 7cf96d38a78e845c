/**
 * alicloud.RedisBackup's lifecycle: core's skeleton (core/lifecycle.ts) with Alibaba's hooks; ids,
 * retention, jobs and pending creates each have their own file. Loaded by package name from inside
 * the provider's methods, so none of it is serialized into state. The export names are a contract
 * with every `__provider` ever written to state: keep them.
 */
import { connectWith } from "../core/connection";
import { serverNow } from "../core/clockSkew";
import { LifecycleAdapter, defineLifecycle } from "../core/lifecycle";
import { findAdoptedBackups, findBackupsBy } from "./backup";
import { AlicloudClient } from "./client";
import { findAdoptedClusterBackup, findClusterBackup } from "./cluster";
import { removeBackup } from "./deletion";
import { isNotFound } from "./errors";
import { outputsOfListed, sharedListingOf } from "./refresh";
import { AlicloudTarget, isClusterBackupId, targetOf } from "./ids";
import { AlicloudBackupInputs, AlicloudBackupInputsSchema, REPLACE_ON_CHANGE, INSTANCE_KEY } from "./inputs";
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
  instanceKey: INSTANCE_KEY,
  replaceOnChange: REPLACE_ON_CHANGE,
  targetOf,

  /** The region: the input, else the one recorded. */
  connect: (deps, inputs, recorded) =>
    connectWith(resolveAlicloudSettings(inputs.regionId ?? recorded?.region), AlicloudClient, deps),

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

/** The lifecycle the dynamic provider calls (see core/lifecycle.ts); these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove } = defineLifecycle(alicloud);
