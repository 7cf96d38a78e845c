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
import { backupsById, jobsState, knownManualJobs, newManualJobs, sortIds, waitForBackups } from "./backup";
import { AlicloudClient } from "./client";
import { BACKUP_JOB_EXISTS, isDeleteUnsupported, isNotFound } from "./errors";
import {
  AlicloudBackupInputs,
  AlicloudBackupInputsSchema,
  DEFAULT_WAIT_TIMEOUT_MINUTES,
  REPLACE_ON_CHANGE,
} from "./inputs";
import {
  AlicloudBackupOutputs,
  AlicloudPendingOutputs,
  AlicloudRecordedOutputs,
  buildOutputs,
  inputsOf,
  pendingOutputs,
} from "./outputs";
import { resolveAlicloudSettings } from "./settings";

export type { AlicloudBackupInputs, AlicloudBackupOutputs, AlicloudPendingOutputs, AlicloudRecordedOutputs };

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
export function diff(_id: string, olds: AlicloudRecordedOutputs, news: AlicloudBackupInputs): DiffResult {
  const retention = retentionChange(olds, news);
  const result = planDiff({ ...olds, backupId: olds.backupId ?? "" }, news, {
    replaceOnChange: REPLACE_ON_CHANGE,
    updateInPlace: retention === "inPlace" ? ["retentionDays"] : [],
  });
  if (retention === "replace") {
    result.replaces.push("retentionDays");
    result.changes = true;
  }
  return result;
}

function retentionChange(olds: AlicloudRecordedOutputs, news: AlicloudBackupInputs) {
  const before = olds.retentionDays;
  const after = news.retentionDays;
  if (isUnknown(after)) return "replace";
  if ((before ?? null) === (after ?? null)) return "none";
  if (after === undefined) return "inPlace";
  // A backup still being made has no expiry to move yet.
  if (olds.status === "creating") return "replace";
  if (after === -1 || before === -1 || !olds.expireTime || !olds.startTime) return "replace";
  return targetExpiry(olds.startTime, after) >= Date.parse(olds.expireTime) ? "inPlace" : "replace";
}

/** Start + days, rounded up to the minute (ExpectExpireTime has minutes only). */
function targetExpiry(startTime: string, days: number): number {
  const ms = Date.parse(startTime) + days * DAY_MS;
  return Math.ceil(ms / 60_000) * 60_000;
}

const idOf = (instanceId: string, backupId: string) => `${instanceId}:${backupId}`;

/** The id of a resource whose job was accepted but has no backup yet (see AlicloudPendingOutputs). */
const JOB_ID_PREFIX = "job-";
const pendingIdOf = (instanceId: string, jobId: string) => `${instanceId}:${JOB_ID_PREFIX}${jobId}`;

/** What a resource id and its recorded outputs point at: the backup files, or the job making them. */
interface Target {
  instanceId: string;
  /** Empty while the job has made no backup the stack knows of. */
  backupIds: string[];
  jobIds: string[];
}

function targetOf(id: string, props: Partial<AlicloudRecordedOutputs>): Target {
  const list = (s: string | undefined) => (s ?? "").split(",").filter((v) => v !== "");
  const i = id.indexOf(":");
  const [instanceId, rest] =
    i > 0 ? [id.slice(0, i), id.slice(i + 1)] : [props.instanceId ?? "", props.backupId ?? id];
  // An update completes a pending backup in place, so a job-form id can come with a backup id.
  if (rest.startsWith(JOB_ID_PREFIX))
    return { instanceId, backupIds: list(props.backupId), jobIds: list(rest.slice(JOB_ID_PREFIX.length)) };
  return { instanceId, backupIds: list(rest), jobIds: list(props.jobId) };
}

const described = (t: Target) =>
  t.backupIds.length > 0 ? t.backupIds.join(",") : `(job ${t.jobIds.join(",")})`;

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
        // The job was accepted, so the engine must record it, finished or not: otherwise whatever it
        // makes belongs to nobody, and the next `pulumi up` would take another.
        const now = await jobsState(client, inputs.instanceId, jobIds, deps.clock.now()).catch(
          () => undefined,
        );
        if (now?.state === "failed") throw new OperationFailedError(now.reason);
        if (now?.state === "done") {
          const outs = buildOutputs(inputs, now.entries, { region: settings.regionId, jobId });
          throw initFailed(withContext(doing, e), idOf(inputs.instanceId, outs.backupId), outs);
        }
        e.message +=
          `; job ${jobId} was accepted and the stack records it: the next \`pulumi up\` waits for it ` +
          "again, or `pulumi refresh` picks up its backup once it is done";
        throw initFailed(
          withContext(doing, e),
          pendingIdOf(inputs.instanceId, jobId),
          pendingOutputs(inputs, { region: settings.regionId, jobId }),
        );
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

/**
 * Refresh: the backup as Alibaba lists it now; expired when it is gone past its expiry; empty when
 * gone. A job recorded without a backup becomes the backup once it is done (and the id follows).
 */
export async function read(
  id: string,
  props: AlicloudRecordedOutputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const t = targetOf(id, props);
  try {
    if (t.backupIds.length === 0) return await readPending(id, t, props, deps);
    const outs = await currentOutputs(
      t.instanceId,
      t.backupIds,
      inputsOf(props),
      props as AlicloudBackupOutputs,
      deps,
    );
    if (!outs) {
      deps.reporter.warn(
        `backup ${described(t)} of ${t.instanceId} no longer exists; it will be removed from the stack`,
      );
      return {};
    }
    // An id naming the job gives way to the usual one once the backup is known.
    const readId = id.includes(`:${JOB_ID_PREFIX}`) ? idOf(t.instanceId, outs.backupId) : id;
    return { id: readId, props: outs, inputs: inputsOf(outs) };
  } catch (e) {
    throw withContext(`reading Redis backup ${described(t)} of ${t.instanceId}`, e);
  }
}

/** One look at a recorded job: its backup when done, as it was while running, nothing when it made none. */
async function readPending(id: string, t: Target, props: AlicloudRecordedOutputs, deps: OperationDeps) {
  const inputs = inputsOf(props);
  const { settings, client } = clientFor(inputs.regionId ?? props.region, deps);
  const now = await jobsState(client, t.instanceId, t.jobIds, deps.clock.now());
  const jobs = t.jobIds.join(",");
  switch (now.state) {
    case "done": {
      const outs = buildOutputs(inputs, now.entries, { region: settings.regionId, jobId: jobs });
      deps.reporter.info(`${t.instanceId}: backup job ${jobs} made backup ${outs.backupId}`);
      return { id: idOf(t.instanceId, outs.backupId), props: outs, inputs: inputsOf(outs) };
    }
    case "running":
      deps.reporter.info(`${t.instanceId}: ${now.status}; the backup is still being made`);
      return { id, props: pendingOutputs(inputs, { region: props.region, jobId: jobs }), inputs };
    case "failed":
      deps.reporter.warn(`${now.reason}; it made no backup and will be removed from the stack`);
      return {};
    case "unlisted":
      deps.reporter.warn(
        `backup job ${jobs} of ${t.instanceId} is no longer known and left no backup; it will be removed from the stack`,
      );
      return {};
  }
}

export async function update(
  id: string,
  olds: AlicloudRecordedOutputs,
  news: AlicloudBackupInputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const t = targetOf(id, olds);
  const { instanceId, backupIds } = t;
  try {
    const inputs = { ...news, instanceId };
    if (backupIds.length === 0) return { outs: await completePending(id, t, olds, inputs, deps) };
    const recorded = olds as AlicloudBackupOutputs;
    if (recorded.status === "expired") return { outs: withInputs(recorded, inputs) };
    const days = news.retentionDays;
    if (days !== undefined && days !== olds.retentionDays && retentionChange(olds, news) === "inPlace") {
      await extendExpiry(instanceId, backupIds, recorded, days, news.regionId ?? olds.region, deps);
    }
    const outs = await currentOutputs(instanceId, backupIds, inputs, recorded, deps);
    if (!outs)
      throw new NotFoundError(`backup ${backupIds.join(",")} no longer exists; run \`pulumi refresh\``);
    return { outs };
  } catch (e) {
    throw withContext(`updating Redis backup ${described(t)} of ${instanceId}`, e);
  }
}

/**
 * The engine updates a resource whose create failed to initialise on the next `pulumi up`: wait
 * for the recorded job again. Still not done, the stack keeps the job for the next attempt.
 */
async function completePending(
  id: string,
  t: Target,
  olds: AlicloudRecordedOutputs,
  inputs: AlicloudBackupInputs,
  deps: OperationDeps,
): Promise<AlicloudBackupOutputs> {
  const { settings, client } = clientFor(inputs.regionId ?? olds.region, deps);
  const jobId = t.jobIds.join(",");
  const timeoutMs = (inputs.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
  try {
    const entries = await waitForBackups(client, t.instanceId, t.jobIds, timeoutMs, deps);
    const outs = buildOutputs(inputs, entries, { region: settings.regionId, jobId });
    deps.reporter.info(`${t.instanceId}: backup job ${jobId} made backup ${outs.backupId}`);
    return outs;
  } catch (e) {
    if (e instanceof OperationFailedError) {
      e.message += "; `pulumi refresh` drops it from the stack, and the next `pulumi up` takes another";
      throw e;
    }
    throw initFailed(
      withContext(`updating Redis backup ${described(t)} of ${t.instanceId}`, e as Error),
      id,
      pendingOutputs(inputs, { region: settings.regionId, jobId }),
    );
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
  props: AlicloudRecordedOutputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const t = targetOf(id, props);
  if (t.backupIds.length > 0)
    return removeBackup(t.instanceId, t.backupIds, props as AlicloudBackupOutputs, deps);
  // A job recorded without a backup: delete what it made, once it has made it.
  let outs: AlicloudBackupOutputs | undefined;
  try {
    outs = await pendingBackupForDelete(t, props, deps);
  } catch (e) {
    throw withContext(`deleting Redis backup ${described(t)} of ${t.instanceId}`, e);
  }
  if (outs) await removeBackup(t.instanceId, outs.backupIds, outs, deps);
}

/** The backup a recorded job made, waited for if it is still running; undefined when it made none. */
async function pendingBackupForDelete(t: Target, props: AlicloudRecordedOutputs, deps: OperationDeps) {
  const inputs = inputsOf(props);
  const { settings, client } = clientFor(inputs.regionId ?? props.region, deps);
  const jobId = t.jobIds.join(",");
  const now = await jobsState(client, t.instanceId, t.jobIds, deps.clock.now());
  if (now.state === "failed" || now.state === "unlisted") {
    deps.reporter.info(`backup job ${jobId} of ${t.instanceId} made no backup; nothing to delete`);
    return undefined;
  }
  let entries: BackupEntry[];
  if (now.state === "done") entries = now.entries;
  else {
    const timeoutMs = (inputs.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
    try {
      entries = await waitForBackups(client, t.instanceId, t.jobIds, timeoutMs, deps);
    } catch (e) {
      if (e instanceof OperationFailedError) return undefined;
      if (e instanceof Error) e.message += "; the job is still running: destroy again once it is done";
      throw e;
    }
  }
  return buildOutputs(inputs, entries, { region: settings.regionId, jobId });
}

async function removeBackup(
  instanceId: string,
  backupIds: string[],
  props: AlicloudBackupOutputs,
  deps: OperationDeps,
) {
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
