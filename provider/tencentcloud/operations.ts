/**
 * tencentcloud.RedisBackup's lifecycle: what each provider method does. Loaded by package name
 * from inside the provider's methods, so none of it is serialized into state. Function names and
 * signatures here are a contract with every `__provider` ever written to state: keep them working.
 */
import { checkInputs } from "../core/check";
import { OperationDeps, defaultDeps } from "../core/deps";
import { DiffResult, planDiff } from "../core/diff";
import { CloudApiError, NotFoundError, withContext } from "../core/errors";
import { initFailed } from "../core/partial";
import { createOnce, lookPersistently } from "../core/createOnce";
import { ConfigSource, setStackConfig } from "../core/settings";
import { waitFor } from "../core/waiter";
import { BackupSummary, describeBackupDetail, manualBackupInstance } from "./api";
import {
  BACKUP_STATUS,
  findBackupByMarker,
  findBackupSummary,
  newRemarkToken,
  remarkWithToken,
  waitTaskSucceeded,
} from "./backup";
import { TencentClient } from "./client";
import { BACKUP_GONE_CODES } from "./errors";
import {
  DEFAULT_WAIT_TIMEOUT_MINUTES,
  REPLACE_ON_CHANGE,
  TencentBackupInputs,
  TencentBackupInputsSchema,
} from "./inputs";
import { TencentBackupOutputs, buildOutputs, inputsOf, summaryOutputs } from "./outputs";
import { resolveTencentSettings } from "./settings";

export type { TencentBackupInputs, TencentBackupOutputs };

export function configure(config: ConfigSource): void {
  setStackConfig(config);
}

export function check(_olds: unknown, news: unknown) {
  return checkInputs(TencentBackupInputsSchema, news);
}

export function diff(_id: string, olds: TencentBackupOutputs, news: TencentBackupInputs): DiffResult {
  // A lock a refresh found (or found released) is acknowledged by an in-place update.
  return planDiff(olds, news, {
    replaceOnChange: REPLACE_ON_CHANGE,
    changedElsewhere: olds.locked !== olds.lockedAcknowledged,
  });
}

const idOf = (instanceId: string, backupId: string) => `${instanceId}:${backupId}`;

function clientFor(region: string | undefined, deps: OperationDeps) {
  const settings = resolveTencentSettings(region);
  return { settings, client: new TencentClient(settings, deps) };
}

export async function create(inputs: TencentBackupInputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const doing = inputs.backupId
    ? `adopting Redis backup ${inputs.backupId} of ${inputs.instanceId}`
    : `creating Redis backup of ${inputs.instanceId}`;
  try {
    const { settings, client } = clientFor(inputs.region, deps);
    const timeoutMs = (inputs.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
    const deadline = deps.clock.now() + timeoutMs;
    const summary = inputs.backupId
      ? await adoptedSummary(client, inputs.instanceId, inputs.backupId, settings.timezone)
      : await takeBackup(client, inputs, deadline, deps, settings.timezone);
    const id = idOf(inputs.instanceId, summary.BackupId);
    let detail;
    try {
      detail = await describeBackupDetail(client, inputs.instanceId, summary.BackupId);
    } catch (e) {
      // The backup exists: have the engine record it rather than forget it.
      throw initFailed(
        withContext(doing, e as Error),
        id,
        summaryOutputs(inputs, summary, settings.timezone),
      );
    }
    const outs = buildOutputs(inputs, detail, {
      summary,
      timezone: settings.timezone,
      acknowledgeLock: true,
    });
    deps.reporter.info(
      `${inputs.instanceId}: backup ${outs.backupId} ${outs.status}` +
        (outs.expireTime ? `, expires ${outs.expireTime}` : ""),
    );
    return { id, outs };
  } catch (e) {
    throw withContext(doing, e);
  }
}

async function adoptedSummary(client: TencentClient, instanceId: string, backupId: string, timezone: string) {
  const detail = await describeBackupDetail(client, instanceId, backupId);
  const summary = await findBackupSummary(client, instanceId, backupId, detail.StartTime, timezone);
  if (!summary) throw new NotFoundError(`backup ${backupId} is not listed for ${instanceId}`);
  return summary;
}

/** ManualBackupInstance → task → the backup carrying our marker, without ever taking two. */
async function takeBackup(
  client: TencentClient,
  inputs: TencentBackupInputs,
  deadline: number,
  deps: OperationDeps,
  timezone: string,
): Promise<BackupSummary> {
  const token = newRemarkToken(deps.random);
  const request = {
    InstanceId: inputs.instanceId,
    Remark: remarkWithToken(inputs.remark, token),
    ...(inputs.storageDays === undefined ? {} : { StorageDays: inputs.storageDays }),
  };
  const started = await startTask(client, request, token, deadline, deps);
  try {
    return await waitBackupComplete(client, inputs.instanceId, token, started, deadline, deps);
  } catch (e) {
    // The task was accepted, so the backup may well exist (a wait that timed out, a poll that kept
    // failing): if it does, have the engine record it rather than forget it.
    let found: BackupSummary | undefined;
    try {
      found = await lookPersistently(
        () => findBackupByMarker(client, inputs.instanceId, token),
        deps,
        `the backup marked [${token}] exists`,
      );
    } catch (lookFailed) {
      // Looking failed too: say what exists, so that nobody takes another instead of adopting it.
      (e as Error).message +=
        `; the task was accepted and looking for its backup failed: ${(lookFailed as Error).message}`;
      throw e;
    }
    if (found)
      throw initFailed(
        e as Error,
        idOf(inputs.instanceId, found.BackupId),
        summaryOutputs(inputs, found, timezone),
      );
    throw e;
  }
}

async function waitBackupComplete(
  client: TencentClient,
  instanceId: string,
  token: string,
  started: Started,
  deadline: number,
  deps: OperationDeps,
): Promise<BackupSummary> {
  if ("taskId" in started) {
    await waitTaskSucceeded(
      client,
      started.taskId,
      instanceId,
      Math.max(1, deadline - deps.clock.now()),
      deps,
    );
  }
  // Listing can trail the task by a moment, and a backup found after a lost response may still be
  // in progress: look until it is listed and done, up to the deadline.
  return waitFor({
    what: `the backup marked ${token} of ${instanceId} to be listed and complete`,
    timeoutMs: Math.max(1, deadline - deps.clock.now()),
    clock: deps.clock,
    sleep: deps.sleep,
    onProgress: (status) => deps.reporter.info(`backup of ${instanceId}: ${status}`),
    poll: async () => {
      const found = await findBackupByMarker(client, instanceId, token);
      return found && found.Status !== BACKUP_STATUS.busy
        ? { state: "done", value: found }
        : { state: "pending", status: found ? "in progress" : "not listed yet" };
    },
  });
}

type Started = { taskId: number } | { found: BackupSummary };

/** ManualBackupInstance, sent so that it never takes two backups (see createOnce). */
function startTask(
  client: TencentClient,
  request: { InstanceId: string; Remark: string; StorageDays?: number },
  token: string,
  deadline: number,
  deps: OperationDeps,
): Promise<Started> {
  return createOnce<Started>({
    action: "ManualBackupInstance",
    target: request.InstanceId,
    lookingFor: `the backup marked [${token}]`,
    send: async () => ({ taskId: (await manualBackupInstance(client, request)).TaskId }),
    find: async () => {
      const found = await findBackupByMarker(client, request.InstanceId, token);
      return found && { found };
    },
    deadline,
    deps,
  });
}

/** Refresh: the backup as Tencent has it now; an empty result when it is gone. */
export async function read(id: string, props: TencentBackupOutputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const [instanceId, backupId] = splitId(id, props);
  try {
    const outs = await currentOutputs(instanceId, backupId, inputsOf(props), props, deps, false);
    if (!outs) {
      deps.reporter.warn(
        `backup ${backupId} of ${instanceId} no longer exists; it will be removed from the stack`,
      );
      return {};
    }
    return { id, props: outs, inputs: inputsOf(outs) };
  } catch (e) {
    throw withContext(`reading Redis backup ${backupId} of ${instanceId}`, e);
  }
}

export async function update(
  id: string,
  olds: TencentBackupOutputs,
  news: TencentBackupInputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const [instanceId, backupId] = splitId(id, olds);
  try {
    const outs = await currentOutputs(instanceId, backupId, { ...news, instanceId }, olds, deps, true);
    if (!outs) throw new NotFoundError(`backup ${backupId} no longer exists; run \`pulumi refresh\``);
    if (olds.locked !== olds.lockedAcknowledged) {
      deps.reporter.info(
        `${instanceId}: backup ${backupId} is now ${outs.locked ? "locked" : "unlocked"}; acknowledged`,
      );
    }
    return { outs };
  } catch (e) {
    throw withContext(`updating Redis backup ${backupId} of ${instanceId}`, e);
  }
}

/**
 * Tencent Cloud has no API that deletes a backup: it stays until it expires. So delete makes no
 * call that could fail; it says plainly what remains.
 */
export async function remove(
  id: string,
  props: TencentBackupOutputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const [instanceId, backupId] = splitId(id, props);
  deps.reporter.warn(
    `Tencent Cloud cannot delete backups: backup ${backupId} of ${instanceId} stays until it expires` +
      (props.expireTime ? ` at ${props.expireTime}` : "") +
      "; it is no longer managed by this stack",
  );
}

async function currentOutputs(
  instanceId: string,
  backupId: string,
  inputs: TencentBackupInputs,
  previous: TencentBackupOutputs,
  deps: OperationDeps,
  acknowledgeLock: boolean,
): Promise<TencentBackupOutputs | undefined> {
  const { settings, client } = clientFor(inputs.region, deps);
  let detail;
  try {
    detail = await describeBackupDetail(client, instanceId, backupId);
  } catch (e) {
    if (e instanceof CloudApiError && BACKUP_GONE_CODES.has(e.code)) return undefined;
    throw e;
  }
  if (detail.Status === BACKUP_STATUS.deleted) return undefined;
  const summary = previous.expireTime
    ? undefined
    : await findBackupSummary(client, instanceId, backupId, detail.StartTime, settings.timezone);
  const adoptedInputs = previous.adopted ? { ...inputs, backupId } : inputs;
  return buildOutputs(adoptedInputs, detail, {
    summary,
    previous,
    timezone: settings.timezone,
    acknowledgeLock,
  });
}

function splitId(id: string, props: Partial<TencentBackupOutputs>): [string, string] {
  const i = id.indexOf(":");
  if (i > 0) return [id.slice(0, i), id.slice(i + 1)];
  return [props.instanceId ?? "", props.backupId ?? id];
}
