/**
 * alicloud.RedisBackup's lifecycle: what each provider method does. Loaded by package name from
 * inside the provider's methods, so none of it is serialized into state. Function names and
 * signatures here are a contract with every `__provider` ever written to state: keep them working.
 */
import { checkInputs } from "../core/check";
import { serverNow } from "../core/clockSkew";
import { OperationDeps, defaultDeps } from "../core/deps";
import { DiffResult, planDiff } from "../core/diff";
import {
  CloudApiError,
  NotFoundError,
  OperationFailedError,
  ResponseValidationError,
  TransportError,
  withContext,
} from "../core/errors";
import { isUnknown, stripUndefined } from "../core/outputs";
import { initFailed } from "../core/partial";
import { createOnce } from "../core/createOnce";
import { ConfigSource, setStackConfig } from "../core/settings";
import { BackupEntry, createBackup, deleteBackup, minuteTime, modifyBackupExpireTime } from "./api";
import {
  backupsById,
  backupsOfJobs,
  knownManualJobs,
  newManualJobs,
  orderEntries,
  sortIds,
  waitForBackups,
} from "./backup";
import { AlicloudClient } from "./client";
import { BACKUP_JOB_EXISTS, isDeleteUnsupported, isNotFound } from "./errors";
import {
  AlicloudBackupInputs,
  AlicloudBackupInputsSchema,
  DEFAULT_WAIT_TIMEOUT_MINUTES,
  REPLACE_ON_CHANGE,
} from "./inputs";
import { AlicloudBackupOutputs, buildOutputs, inputsOf } from "./outputs";
import { resolveAlicloudSettings } from "./settings";

export type { AlicloudBackupInputs, AlicloudBackupOutputs };

const DAY_MS = 86_400_000;

export function configure(config: ConfigSource): void {
  setStackConfig(config);
}

export function check(_olds: unknown, news: unknown) {
  return checkInputs(AlicloudBackupInputsSchema, news);
}

/**
 * The shared drift rules, plus retention: ModifyBackupExpireTime can move an expiry later but never
 * earlier, so a longer retention is an in-place update and a shorter one a replacement. -1 (the
 * instance's lifetime) cannot be set that way, so moving to or from it replaces too. Unsetting
 * retentionDays keeps the backup as it is.
 */
export function diff(_id: string, olds: AlicloudBackupOutputs, news: AlicloudBackupInputs): DiffResult {
  const retention = retentionChange(olds, news);
  const result = planDiff(olds, news, {
    replaceOnChange: REPLACE_ON_CHANGE,
    updateInPlace: retention === "inPlace" ? ["retentionDays"] : [],
  });
  if (retention === "replace") {
    result.replaces.push("retentionDays");
    result.changes = true;
  }
  return result;
}

function retentionChange(olds: AlicloudBackupOutputs, news: AlicloudBackupInputs) {
  const before = olds.retentionDays;
  const after = news.retentionDays;
  if (isUnknown(after)) return "replace";
  if ((before ?? null) === (after ?? null)) return "none";
  if (after === undefined) return "inPlace";
  if (after === -1 || before === -1 || !olds.expireTime || !olds.startTime) return "replace";
  return targetExpiry(olds.startTime, after) >= Date.parse(olds.expireTime) ? "inPlace" : "replace";
}

/** Start + days, rounded up to the minute (ExpectExpireTime has minutes only). */
function targetExpiry(startTime: string, days: number): number {
  const ms = Date.parse(startTime) + days * DAY_MS;
  return Math.ceil(ms / 60_000) * 60_000;
}

const idOf = (instanceId: string, backupId: string) => `${instanceId}:${backupId}`;

function clientFor(regionId: string | undefined, deps: OperationDeps) {
  const settings = resolveAlicloudSettings(regionId);
  return { settings, client: new AlicloudClient(settings, deps) };
}

export async function create(inputs: AlicloudBackupInputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const doing = inputs.backupId
    ? `adopting Redis backup ${inputs.backupId} of ${inputs.instanceId}`
    : `creating Redis backup of ${inputs.instanceId}`;
  try {
    const { settings, client } = clientFor(inputs.regionId, deps);
    let entries: BackupEntry[];
    let jobId: string | undefined;
    if (inputs.backupId) {
      entries = await adoptedEntries(client, inputs.instanceId, inputs.backupId.split(","), deps);
    } else {
      const timeoutMs = (inputs.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
      const deadline = deps.clock.now() + timeoutMs;
      const jobIds = await startJob(client, inputs, deadline, deps);
      jobId = jobIds.join(",");
      try {
        entries = await waitForBackups(
          client,
          inputs.instanceId,
          jobIds,
          Math.max(1, deadline - deps.clock.now()),
          deps,
        );
      } catch (e) {
        if (!(e instanceof Error) || e instanceof OperationFailedError) throw e;
        // The job was accepted, so its backup may well be there (a poll that kept failing, a wait
        // that ended just as it finished): if it is, have the engine record it rather than forget it.
        const found = await backupsOfJobs(client, inputs.instanceId, jobIds, deps.clock.now()).catch(
          () => [] as BackupEntry[],
        );
        const complete = jobIds.every((j) =>
          found.some((f) => f.BackupJobID === j && f.BackupStatus === "Success"),
        );
        if (complete) {
          const outs = buildOutputs(inputs, orderEntries(found, jobIds), {
            region: settings.regionId,
            jobId,
          });
          throw initFailed(withContext(doing, e), idOf(inputs.instanceId, outs.backupId), outs);
        }
        e.message += `; job ${jobId} was started and may still finish: adopt its backup (backupId) rather than take another`;
        throw e;
      }
    }
    const outs = buildOutputs(inputs, entries, { region: settings.regionId, jobId });
    deps.reporter.info(
      `${inputs.instanceId}: backup ${outs.backupId} ${outs.status}` +
        (outs.expireTime ? `, expires ${outs.expireTime}` : ", kept for the instance's lifetime"),
    );
    return { id: idOf(inputs.instanceId, outs.backupId), outs };
  } catch (e) {
    throw withContext(doing, e);
  }
}

async function adoptedEntries(
  client: AlicloudClient,
  instanceId: string,
  backupIds: string[],
  deps: OperationDeps,
) {
  const entries = await backupsById(client, instanceId, backupIds, deps.clock.now());
  const missing = backupIds.filter((b) => !entries.some((e) => e.BackupId === b));
  if (missing.length > 0)
    throw new NotFoundError(`backup ${missing.join(",")} is not listed for ${instanceId}`);
  const failed = entries.filter((e) => e.BackupStatus !== "Success");
  if (failed.length > 0) {
    throw new OperationFailedError(
      `backup ${failed.map((e) => e.BackupId).join(",")} of ${instanceId} is ${failed[0].BackupStatus}, not a usable backup`,
    );
  }
  return entries;
}

/**
 * Job ids this process has already attributed to a create, so that two creates on one instance
 * (one of them after a lost answer) never take the same job for their own.
 */
const claimedJobs = new Set<string>();
const claimKey = (client: AlicloudClient, instanceId: string, jobId: string) =>
  `${client.settings.endpoint} ${instanceId} ${jobId}`;

/**
 * One CreateBackup at a time per instance in this process, from the baseline to the claim. Alibaba
 * runs one backup job per instance anyway (BackupJobExists), and it makes "a job that appeared
 * since my baseline" unambiguous between this process's own creates.
 */
const startLocks = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = startLocks.get(key) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(run);
  startLocks.set(key, mine);
  try {
    return await mine;
  } finally {
    if (startLocks.get(key) === mine) startLocks.delete(key);
  }
}

function claim(client: AlicloudClient, instanceId: string, jobIds: string[]): string[] {
  for (const j of jobIds) claimedJobs.add(claimKey(client, instanceId, j));
  return jobIds;
}

/**
 * A failure after which CreateBackup may or may not have started a job: no answer, a garbled
 * answer, or a server error (5xx) other than the refusals known to come before any work.
 */
function outcomeUnknown(e: unknown): boolean {
  if (e instanceof TransportError) return e.outcomeUnknown;
  if (e instanceof ResponseValidationError) return true;
  return e instanceof CloudApiError && !e.retryable && (e.httpStatus ?? 0) >= 500;
}

/**
 * Starts the backup job. CreateBackup takes no idempotency token, so before each attempt we note
 * the manual jobs the instance already knows; when an attempt's outcome is unknown (timeout,
 * dropped connection, 5xx) a job that appeared since is ours, and only if none did do we try
 * again. BackupJobExists (another backup is running; one at a time per instance) waits its turn.
 */
async function startJob(
  client: AlicloudClient,
  inputs: AlicloudBackupInputs,
  deadline: number,
  deps: OperationDeps,
): Promise<string[]> {
  const instanceId = inputs.instanceId;
  const request = { InstanceId: instanceId, BackupRetentionPeriod: inputs.retentionDays };
  // The manual jobs known before the latest attempt; undefined while not (yet) known.
  let baseline: Set<string> | undefined;
  return oneAtATime(`${client.settings.endpoint} ${instanceId}`, () =>
    createOnce({
      action: "CreateBackup",
      target: instanceId,
      lookingFor: "the job it may have started",
      send: async () => {
        baseline = undefined;
        baseline = await knownManualJobs(client, instanceId, deps.clock.now()).catch((e: unknown) => {
          // An instance Alibaba does not know has no jobs; CreateBackup will say so in its own words.
          if (isNotFound(e)) return new Set<string>();
          throw e;
        });
        const { BackupJobID } = await createBackup(client, request);
        return claim(client, instanceId, sortIds(BackupJobID));
      },
      find: async () => {
        // Without a baseline the failure came before CreateBackup was sent: nothing to find.
        if (!baseline) return undefined;
        const exclude = new Set(
          [...claimedJobs]
            .filter((k) => k.startsWith(`${client.settings.endpoint} ${instanceId} `))
            .map((k) => k.slice(k.lastIndexOf(" ") + 1)),
        );
        const found = await newManualJobs(client, instanceId, baseline, exclude, deps.clock.now());
        if (found.length === 0) return undefined;
        deps.reporter.info(`${instanceId}: found job ${found.join(",")}, started by that CreateBackup`);
        return claim(client, instanceId, found);
      },
      outcomeUnknown,
      refusedForNow: (e) => e instanceof CloudApiError && (e.code === BACKUP_JOB_EXISTS || e.retryable),
      describeRefusal: (e) =>
        e.code === BACKUP_JOB_EXISTS ? "another backup job is running (BackupJobExists)" : e.code,
      deadline,
      deps,
    }),
  );
}

/** Refresh: the backup as Alibaba lists it now; expired when it is gone past its expiry; empty when gone. */
export async function read(id: string, props: AlicloudBackupOutputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const [instanceId, backupIds] = splitId(id, props);
  try {
    const outs = await currentOutputs(instanceId, backupIds, inputsOf(props), props, deps);
    if (!outs) {
      deps.reporter.warn(
        `backup ${backupIds.join(",")} of ${instanceId} no longer exists; it will be removed from the stack`,
      );
      return {};
    }
    return { id, props: outs, inputs: inputsOf(outs) };
  } catch (e) {
    throw withContext(`reading Redis backup ${backupIds.join(",")} of ${instanceId}`, e);
  }
}

export async function update(
  id: string,
  olds: AlicloudBackupOutputs,
  news: AlicloudBackupInputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const [instanceId, backupIds] = splitId(id, olds);
  try {
    const inputs = { ...news, instanceId };
    if (olds.status === "expired") return { outs: withInputs(olds, inputs) };
    const days = news.retentionDays;
    if (days !== undefined && days !== olds.retentionDays && retentionChange(olds, news) === "inPlace") {
      await extendExpiry(instanceId, backupIds, olds, days, news.regionId ?? olds.region, deps);
    }
    const outs = await currentOutputs(instanceId, backupIds, inputs, olds, deps);
    if (!outs)
      throw new NotFoundError(`backup ${backupIds.join(",")} no longer exists; run \`pulumi refresh\``);
    return { outs };
  } catch (e) {
    throw withContext(`updating Redis backup ${backupIds.join(",")} of ${instanceId}`, e);
  }
}

/** ModifyBackupExpireTime on every file of the backup, to start + `days`. */
async function extendExpiry(
  instanceId: string,
  backupIds: string[],
  olds: AlicloudBackupOutputs,
  days: number,
  regionId: string,
  deps: OperationDeps,
) {
  if (olds.mode !== undefined && olds.mode !== "Manual") {
    throw new OperationFailedError(
      `backup ${olds.backupId} is an ${olds.mode} backup; Alibaba Cloud extends only manual backups`,
    );
  }
  const target = targetExpiry(olds.startTime!, days);
  if (olds.expireTime && target <= Date.parse(olds.expireTime)) return;
  const { client } = clientFor(regionId, deps);
  for (const backupId of backupIds) {
    await modifyBackupExpireTime(client, instanceId, backupId, minuteTime(target));
  }
  deps.reporter.info(
    `${instanceId}: backup ${olds.backupId} now expires ${new Date(target).toISOString().slice(0, 19)}Z (${days} days)`,
  );
}

/**
 * DeleteBackup deletes manual backups of cloud-native instances. Elsewhere (automatic backups,
 * classic instances, whose clusters answer CreateBackup with per-node jobs) no call is made or the
 * instance's "not supported" answer ends it: the backup stays until it expires, and we say so.
 */
export async function remove(
  id: string,
  props: AlicloudBackupOutputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const [instanceId, backupIds] = splitId(id, props);
  const backup = backupIds.join(",");
  const stays =
    `backup ${backup} of ${instanceId} stays ` +
    (props.expireTime ? `until it expires at ${props.expireTime}` : "as long as the instance exists") +
    "; it is no longer managed by this stack";
  if (props.status === "expired") {
    deps.reporter.info(`backup ${backup} of ${instanceId} has expired; nothing to delete`);
    return;
  }
  if (props.mode !== undefined && props.mode !== "Manual") {
    deps.reporter.warn(`Alibaba Cloud deletes only manual backups: ${stays}`);
    return;
  }
  if ((props.jobId ?? "").includes(",")) {
    deps.reporter.warn(`Alibaba Cloud deletes backups only on cloud-native instances: ${stays}`);
    return;
  }
  try {
    const { client } = clientFor(props.regionId ?? props.region, deps);
    for (const backupId of backupIds) {
      try {
        await deleteBackup(client, instanceId, backupId);
      } catch (e) {
        if (isNotFound(e)) continue; // already gone: that is what we wanted
        if (isDeleteUnsupported(e)) {
          const err = e as CloudApiError;
          deps.reporter.warn(`${instanceId} cannot delete backups (DeleteBackup: ${err.code}): ${stays}`);
          return;
        }
        throw e;
      }
    }
    deps.reporter.info(`${instanceId}: backup ${backup} deleted`);
  } catch (e) {
    throw withContext(`deleting Redis backup ${backup} of ${instanceId}`, e);
  }
}

async function currentOutputs(
  instanceId: string,
  backupIds: string[],
  inputs: AlicloudBackupInputs,
  previous: AlicloudBackupOutputs,
  deps: OperationDeps,
): Promise<AlicloudBackupOutputs | undefined> {
  const region = inputs.regionId ?? previous.region;
  const { settings, client } = clientFor(region, deps);
  let entries: BackupEntry[];
  try {
    entries = await backupsById(client, instanceId, backupIds, deps.clock.now());
  } catch (e) {
    // The instance itself is gone (InvalidInstanceId.NotFound): so are its backups.
    if (!isNotFound(e)) throw e;
    entries = [];
  }
  if (entries.length === backupIds.length) {
    const adoptedInputs = previous.adopted ? { ...inputs, backupId: previous.backupId } : inputs;
    return buildOutputs(adoptedInputs, entries, {
      region: settings.regionId,
      jobId: previous.jobId,
      previous,
    });
  }
  // Alibaba removes a backup when it expires: gone past its expiry means expired, not deleted.
  // Past it by our clock or by the server's (as learned from its Date header), whichever is later.
  const now = Math.max(deps.clock.now(), serverNow(settings.endpoint, deps.clock));
  const expired =
    previous.status === "expired" ||
    (previous.expireTime !== undefined && Date.parse(previous.expireTime) <= now);
  if (expired) {
    if (previous.status !== "expired") {
      deps.reporter.warn(`backup ${backupIds.join(",")} of ${instanceId} expired at ${previous.expireTime}`);
    }
    return withInputs({ ...previous, status: "expired" }, inputs);
  }
  return undefined;
}

/** Recorded outputs with the inputs part replaced by `inputs`. */
function withInputs(outs: AlicloudBackupOutputs, inputs: AlicloudBackupInputs): AlicloudBackupOutputs {
  const { retentionDays: _r, regionId: _g, waitTimeoutMinutes: _w, keepExpired: _k, ...rest } = outs;
  return stripUndefined({
    ...rest,
    ...stripUndefined({
      retentionDays: inputs.retentionDays,
      regionId: inputs.regionId,
      waitTimeoutMinutes: inputs.waitTimeoutMinutes,
      keepExpired: inputs.keepExpired,
    }),
  });
}

function splitId(id: string, props: Partial<AlicloudBackupOutputs>): [string, string[]] {
  const i = id.indexOf(":");
  const [instanceId, backupId] =
    i > 0 ? [id.slice(0, i), id.slice(i + 1)] : [props.instanceId ?? "", props.backupId ?? id];
  return [instanceId, backupId.split(",").filter((b) => b !== "")];
}
