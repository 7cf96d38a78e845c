/**
 * ucloud.RedisBackup's lifecycle: what each provider method does. Loaded by package name from
 * inside the provider's methods, so none of it is serialized into state. Function names and
 * signatures here are a contract with every `__provider` ever written to state: keep them working.
 */
import { checkInputs } from "../core/check";
import { OperationDeps, defaultDeps } from "../core/deps";
import { DiffResult, planDiff } from "../core/diff";
import { CloudApiError, NotFoundError, OperationFailedError, withContext } from "../core/errors";
import { isUnknown } from "../core/outputs";
import { initFailed } from "../core/partial";
import { createOnce, lostOrGarbled } from "../core/createOnce";
import { ConfigSource, setStackConfig } from "../core/settings";
import { URedisBackup, createURedisBackup, deleteURedisBackup, findURedisBackup } from "./api";
import {
  BackupFailedError,
  STATE,
  findBackupByName,
  nameWithMarker,
  newNameMarker,
  waitBackupSucceeded,
} from "./backup";
import { UCloudClient } from "./client";
import { RET_CODE, isAuthRetCode, isOutcomeUnknownRetCode } from "./errors";
import {
  DEFAULT_WAIT_TIMEOUT_MINUTES,
  LOCATION,
  REPLACE_ON_CHANGE,
  UCloudBackupInputs,
  UCloudBackupInputsSchema,
} from "./inputs";
import { Location, UCloudBackupOutputs, buildOutputs, inputsOf, pendingOutputs } from "./outputs";
import { resolveUCloudSettings } from "./settings";

export type { UCloudBackupInputs, UCloudBackupOutputs };

export function configure(config: ConfigSource): void {
  setStackConfig(config);
}

export function check(_olds: unknown, news: unknown) {
  return checkInputs(UCloudBackupInputsSchema, news);
}

export function diff(_id: string, olds: UCloudBackupOutputs, news: UCloudBackupInputs): DiffResult {
  const shared = planDiff(olds, news, { replaceOnChange: REPLACE_ON_CHANGE });
  // A location the program sets (and that differs from where the backup is) means another backup;
  // one it leaves unset means "the provider's default", which moves nothing.
  const oldRecord = olds as unknown as Record<string, unknown>;
  const newRecord = news as unknown as Record<string, unknown>;
  const moved = LOCATION.filter(
    (k) => isUnknown(newRecord[k]) || (newRecord[k] !== undefined && newRecord[k] !== oldRecord[k]),
  );
  // A backup a refresh found failed is no backup: take another. One still being taken is finished by update.
  const failed = olds.status === "failed" ? ["status"] : [];
  return {
    changes: shared.changes || moved.length > 0 || failed.length > 0 || olds.status === "creating",
    replaces: [...shared.replaces, ...moved, ...failed],
  };
}

const idOf = (groupId: string, backupId: string) => `${groupId}:${backupId}`;

function clientFor(location: Partial<Location>, deps: OperationDeps) {
  const settings = resolveUCloudSettings(location);
  const resolved: Location = { region: settings.region, zone: settings.zone, projectId: settings.projectId };
  return { location: resolved, client: new UCloudClient(settings, deps) };
}

export async function create(inputs: UCloudBackupInputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const doing = inputs.backupId
    ? `adopting Redis backup ${inputs.backupId} of ${inputs.groupId}`
    : `creating Redis backup of ${inputs.groupId}`;
  try {
    const { location, client } = clientFor(inputs, deps);
    const timeoutMs = (inputs.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
    const deadline = deps.clock.now() + timeoutMs;
    const backup = inputs.backupId
      ? await adopted(client, inputs.groupId, inputs.backupId)
      : await takeBackup(client, inputs, location, deadline, deps, doing);
    const outs = buildOutputs(inputs, backup, location, { adopted: inputs.backupId !== undefined });
    deps.reporter.info(
      `${inputs.groupId}: backup ${outs.backupId} (${outs.ucloudBackupName ?? "unnamed"}) ${outs.status}` +
        (outs.backupTime ? `, taken ${outs.backupTime}` : ""),
    );
    return { id: idOf(inputs.groupId, outs.backupId), outs };
  } catch (e) {
    throw withContext(doing, e);
  }
}

/** An existing backup to track; it must exist and not have failed. */
async function adopted(client: UCloudClient, groupId: string, backupId: string): Promise<URedisBackup> {
  const backup = await findURedisBackup(client, groupId, backupId);
  if (!backup) throw new NotFoundError(`backup ${backupId} is not listed for ${groupId}`);
  if (backup.State === STATE.error) {
    throw new OperationFailedError(
      `backup ${backupId} of ${groupId} is in state Error; it cannot be restored from`,
    );
  }
  return backup;
}

/**
 * CreateURedisBackup under a name no other create uses, then wait until it is `Success`. Once the
 * backup exists, a wait that cannot finish (deadline, UCloud unreachable) does not make the engine
 * forget it: the error carries its id and what is known (ErrorResourceInitFailed), and the next
 * `pulumi up` finishes the wait. Only a backup that failed (State Error) is not kept.
 */
async function takeBackup(
  client: UCloudClient,
  inputs: UCloudBackupInputs,
  location: Location,
  deadline: number,
  deps: OperationDeps,
  doing: string,
): Promise<URedisBackup> {
  const name = nameWithMarker(inputs.backupName, newNameMarker(deps.random));
  const backupId = await startBackup(client, inputs.groupId, name, deadline, deps);
  let seen: URedisBackup | undefined;
  try {
    const timeoutMs = Math.max(1, deadline - deps.clock.now());
    return await waitBackupSucceeded(client, inputs.groupId, backupId, timeoutMs, deps, (b) => (seen = b));
  } catch (e) {
    if (e instanceof BackupFailedError || !(e instanceof Error)) throw e;
    throw initFailed(
      withContext(doing, e),
      idOf(inputs.groupId, backupId),
      pendingOutputs(inputs, backupId, name, location, seen),
    );
  }
}

/** CreateURedisBackup, sent so that it never takes two backups (see createOnce); the name carries our marker. */
async function startBackup(
  client: UCloudClient,
  groupId: string,
  name: string,
  deadline: number,
  deps: OperationDeps,
): Promise<string> {
  return createOnce({
    action: "CreateURedisBackup",
    target: groupId,
    lookingFor: `backup ${name}`,
    send: async () => (await createURedisBackup(client, { GroupId: groupId, BackupName: name })).BackupId,
    find: async () => (await findBackupByName(client, groupId, name))?.BackupId,
    // RetCode 110 is the API's own timeout: it may have acted.
    outcomeUnknown: (e) =>
      lostOrGarbled(e) || (e instanceof CloudApiError && isOutcomeUnknownRetCode(Number(e.code))),
    describeRefusal: (e) => `RetCode ${e.code}`,
    deadline,
    deps,
  });
}

/** Refresh: the backup as UCloud has it now; an empty result when it is gone. */
export async function read(id: string, props: UCloudBackupOutputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const [groupId, backupId] = splitId(id, props);
  try {
    const outs = await currentOutputs(groupId, backupId, inputsOf(props), props, deps);
    if (!outs) {
      deps.reporter.warn(
        `backup ${backupId} of ${groupId} no longer exists; it will be removed from the stack`,
      );
      return {};
    }
    return { id, props: outs, inputs: inputsOf(outs) };
  } catch (e) {
    throw withContext(`reading Redis backup ${backupId} of ${groupId}`, e);
  }
}

/**
 * Only settings that steer the provider change in place (waitTimeoutMinutes, keepExpired). A backup
 * whose create did not finish waiting (recorded as `creating`) is waited for here.
 */
export async function update(
  id: string,
  olds: UCloudBackupOutputs,
  news: UCloudBackupInputs,
  overrides: Partial<OperationDeps> = {},
) {
  const deps = defaultDeps(overrides);
  const [groupId, backupId] = splitId(id, olds);
  try {
    const inputs = { ...news, groupId };
    let outs = await currentOutputs(groupId, backupId, inputs, olds, deps);
    if (outs?.state === STATE.inProgress) {
      const { client } = clientFor(locationOf(olds), deps);
      const timeoutMs = (news.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
      deps.reporter.info(`${groupId}: backup ${backupId} is still being taken; waiting for it`);
      await waitBackupSucceeded(client, groupId, backupId, timeoutMs, deps);
      outs = await currentOutputs(groupId, backupId, inputs, olds, deps);
    }
    if (!outs) throw new NotFoundError(`backup ${backupId} no longer exists; run \`pulumi refresh\``);
    return { outs };
  } catch (e) {
    throw withContext(`updating Redis backup ${backupId} of ${groupId}`, e);
  }
}

/**
 * DeleteURedisBackup. A backup already gone is deleted. The action is missing from UCloud's current
 * SDKs: when the gateway answers that it does not exist, delete succeeds and says plainly what stays.
 */
export async function remove(id: string, props: UCloudBackupOutputs, overrides: Partial<OperationDeps> = {}) {
  const deps = defaultDeps(overrides);
  const [groupId, backupId] = splitId(id, props);
  try {
    const { client } = clientFor(locationOf(props), deps);
    try {
      await deleteURedisBackup(client, { BackupId: backupId, Zone: props.zone });
      deps.reporter.info(`${groupId}: backup ${backupId} deleted`);
    } catch (e) {
      if (e instanceof CloudApiError && e.code === String(RET_CODE.actionNotFound)) {
        deps.reporter.warn(
          `UCloud no longer serves DeleteURedisBackup (${e.message}): backup ${backupId} of ${groupId} stays until it expires; it is no longer managed by this stack`,
        );
        return;
      }
      if (await goneAfterFailedDelete(client, groupId, backupId, e)) {
        deps.reporter.info(
          `${groupId}: backup ${backupId} was already gone or expired (${(e as Error).message})`,
        );
        return;
      }
      throw e;
    }
  } catch (e) {
    throw withContext(`deleting Redis backup ${backupId} of ${groupId}`, e);
  }
}

/**
 * Whether a backup whose delete was refused is gone anyway: no longer listed, or expired (UCloud
 * names no "not found" code for this action, so the listing decides). Authentication errors and
 * failures to look are the delete's own error.
 */
async function goneAfterFailedDelete(client: UCloudClient, groupId: string, backupId: string, err: unknown) {
  if (!(err instanceof CloudApiError) || isAuthRetCode(Number(err.code))) return false;
  try {
    const backup = await findURedisBackup(client, groupId, backupId);
    return backup === undefined || backup.State === STATE.expired;
  } catch {
    return false;
  }
}

function locationOf(o: Partial<UCloudBackupOutputs>): Partial<Location> {
  return { region: o.region, zone: o.zone, projectId: o.projectId };
}

async function currentOutputs(
  groupId: string,
  backupId: string,
  inputs: UCloudBackupInputs,
  previous: UCloudBackupOutputs,
  deps: OperationDeps,
): Promise<UCloudBackupOutputs | undefined> {
  const { location, client } = clientFor(locationOf(previous), deps);
  const backup = await findURedisBackup(client, groupId, backupId);
  if (!backup) return undefined;
  const kept = previous.adopted ? { ...inputs, backupId } : { ...inputs, backupId: undefined };
  return buildOutputs(
    kept,
    backup,
    { ...location, zone: previous.zone ?? location.zone },
    {
      adopted: previous.adopted === true,
    },
  );
}

function splitId(id: string, props: Partial<UCloudBackupOutputs>): [string, string] {
  const i = id.indexOf(":");
  if (i > 0) return [id.slice(0, i), id.slice(i + 1)];
  return [props.groupId ?? "", props.backupId ?? id];
}
