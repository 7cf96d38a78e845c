/**
 * ucloud.RedisBackup's lifecycle: core's skeleton (core/lifecycle.ts) with UCloud's hooks. Loaded
 * by package name from inside the provider's methods, so none of it is serialized into state. The
 * export names are a contract with every `__provider` ever written to state: keep them.
 */
import { lostOrGarbled } from "../core/createOnce";
import { CloudApiError } from "../core/errors";
import { markerOf } from "../core/generation";
import { waitBudgetMs } from "../core/inputs";
import { LifecycleAdapter, backupTarget, defineLifecycle } from "../core/lifecycle";
import { isUnknown } from "../core/unknown";
import { URedisBackup, createURedisBackup, deleteURedisBackup, findURedisBackup } from "./api";
import {
  BackupFailedError,
  STATE,
  findAdoptedBackup,
  findBackupByName,
  goneAfterFailedDelete,
  nameWithMarker,
  newNameMarker,
  waitBackupCreated,
} from "./backup";
import { UCloudClient } from "./client";
import { RET_CODE, isOutcomeUnknownRetCode } from "./errors";
import {
  LOCATION,
  REPLACE_ON_CHANGE,
  UCloudBackupInputs,
  UCloudBackupInputsSchema,
  INSTANCE_KEY,
} from "./inputs";
import { Location, UCloudBackupOutputs, buildOutputs, inputsOf, pendingOutputs } from "./outputs";
import { Connection, listedRead, outputsOfListed } from "./refresh";
import { resolveUCloudSettings } from "./settings";

export type { UCloudBackupInputs, UCloudBackupOutputs };

/** What an accepted CreateURedisBackup started; `seen` is its latest listing while waited for. */
interface Started {
  backupId: string;
  name: string;
  seen?: URedisBackup;
}

const ucloud: LifecycleAdapter<UCloudBackupInputs, UCloudBackupOutputs, Connection, URedisBackup, Started> = {
  schema: UCloudBackupInputsSchema,
  instanceKey: INSTANCE_KEY,
  replaceOnChange: REPLACE_ON_CHANGE,
  targetOf: (id, props) => backupTarget(id, { instance: props.groupId, backupId: props.backupId }),

  /** Where the backup is: the inputs at create, else where it was recorded (whatever the environment says now). */
  connect(deps, inputs, recorded) {
    const where = recorded ? recorded : inputs;
    const settings = resolveUCloudSettings({
      region: where.region,
      zone: where.zone,
      projectId: where.projectId,
    });
    const location: Location = {
      region: settings.region,
      zone: settings.zone,
      projectId: settings.projectId,
    };
    return { location, client: new UCloudClient(settings, deps) };
  },

  adopt: ({ connection: { client } }, inputs) => findAdoptedBackup(client, inputs.groupId, inputs.backupId!),

  /** CreateURedisBackup under a name no other create uses: the backup it made is the one so named. */
  start({ connection: { client }, deps }, inputs) {
    const { groupId, backupName } = inputs;
    const name = nameWithMarker(backupName, newNameMarker(deps.random, markerOf(inputs, 8)));
    return {
      action: "CreateURedisBackup",
      lookingFor: `backup ${name}`,
      send: async () => {
        const { BackupId } = await createURedisBackup(client, { GroupId: groupId, BackupName: name });
        return { backupId: BackupId, name };
      },
      find: async () => {
        const found = await findBackupByName(client, groupId, name);
        return found && { backupId: found.BackupId, name };
      },
      // RetCode 110 (the API's own timeout) and 130 (a failed gateway): it may have acted.
      outcomeUnknown: (e) =>
        lostOrGarbled(e) || (e instanceof CloudApiError && isOutcomeUnknownRetCode(Number(e.code))),
      describeRefusal: (e) => `RetCode ${e.code}`,
      madeEarlier: inputs.__generation
        ? (s) =>
            `backup ${s.backupId} (${name}) carries this resource's marker: an interrupted \`pulumi up\` took it; adopting it instead of taking another`
        : undefined,
    };
  },

  waitCreated: ({ connection: { client }, deps }, inputs, started, deadline) =>
    waitBackupCreated(
      client,
      inputs.groupId,
      started.backupId,
      Math.max(1, deadline - deps.clock.now()),
      deps,
      (b) => (started.seen = b),
    ),

  /** The backup exists: unless it failed (State Error), the engine records it and the next up finishes the wait. */
  async leftover({ connection: { location } }, inputs, started, err) {
    if (err instanceof BackupFailedError) return {};
    return {
      record: { outputs: pendingOutputs(inputs, started.backupId, started.name, location, started.seen) },
    };
  },

  outputsOf: async ({ connection: { location } }, inputs, backup) =>
    buildOutputs(inputs, backup, location, { adopted: inputs.backupId !== undefined }),
  createdLine: (outs) =>
    `${outs.groupId}: backup ${outs.backupId} (${outs.ucloudBackupName ?? "unnamed"}) ${outs.status}` +
    (outs.backupTime ? `, taken ${outs.backupTime}` : ""),

  listed: listedRead,

  async current({ connection }, t, inputs, previous) {
    const backup = await findURedisBackup(connection.client, t.instance, t.backup);
    return backup && outputsOfListed(connection, t, inputs, previous, backup);
  },
  inputsOf,

  /**
   * DeleteURedisBackup. A backup already gone is deleted. The action is missing from UCloud's current
   * SDKs: when the gateway answers that it does not exist, delete succeeds and says plainly what stays.
   */
  async remove({ connection: { client }, deps }, t, props) {
    try {
      await deleteURedisBackup(client, { BackupId: t.backup, Zone: props.zone });
      deps.reporter.info(`${t.instance}: backup ${t.backup} deleted`);
    } catch (e) {
      if (e instanceof CloudApiError && e.code === String(RET_CODE.actionNotFound)) {
        deps.reporter.warn(
          `UCloud no longer serves DeleteURedisBackup (${e.message}): backup ${t.backup} of ${t.instance} stays until it expires; it is no longer managed by this stack`,
        );
        return;
      }
      if (!(await goneAfterFailedDelete(client, t.instance, t.backup, e))) throw e;
      deps.reporter.info(
        `${t.instance}: backup ${t.backup} was already gone or expired (${(e as Error).message})`,
      );
    }
  },

  /**
   * A location the program sets (and that differs from where the backup is) means another backup;
   * one it leaves unset means "the provider's default", which moves nothing. A backup a refresh
   * found failed is no backup: take another. One still being taken is finished by update.
   */
  diff(olds, news, planned) {
    const moved = LOCATION.filter(
      (k) => isUnknown(news[k]) || (news[k] !== undefined && news[k] !== olds[k]),
    );
    const failed = olds.status === "failed" ? ["status"] : [];
    return {
      changes: planned.changes || moved.length > 0 || failed.length > 0 || olds.status === "creating",
      replaces: [...planned.replaces, ...moved, ...failed],
    };
  },

  /** Only settings that steer the provider change in place; a backup recorded `creating` is waited for here. */
  async update({ connection: { client }, deps }, t, _olds, inputs, current) {
    const outs = await current();
    if (outs.state !== STATE.inProgress) return outs;
    deps.reporter.info(`${t.instance}: backup ${t.backup} is still being taken; waiting for it`);
    await waitBackupCreated(client, t.instance, t.backup, waitBudgetMs(inputs, deps), deps);
    return current();
  },
};

/** The lifecycle the dynamic provider calls (see core/lifecycle.ts); these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove } = defineLifecycle(ucloud);
