/**
 * tencentcloud.RedisBackup's lifecycle: core's skeleton (core/lifecycle.ts) with Tencent's hooks.
 * Loaded by package name from inside the provider's methods, so none of it is serialized into
 * state. The export names are a contract with every `__provider` ever written to state: keep them.
 */
import { connectWith } from "../core/connection";
import { serverNow } from "../core/clockSkew";
import { lookPersistently } from "../core/createOnce";
import { CloudApiError, withNote } from "../core/errors";
import { markerOf } from "../core/generation";
import { LifecycleAdapter, backupTarget, defineLifecycle } from "../core/lifecycle";
import { BackupSummary, describeBackupDetail, manualBackupInstance } from "./api";
import {
  BACKUP_STATUS,
  REMARK_MARKER_LENGTH,
  Started,
  findAdoptedBackup,
  startedAround,
  findBackupByMarker,
  findBackupSummary,
  newRemarkToken,
  remarkWithToken,
  waitBackupCreated,
} from "./backup";
import { TencentClient } from "./client";
import { BACKUP_GONE_CODES, BACKUP_STATUS_INVALID, INSTANCE_STATE_CODES } from "./errors";
import { REPLACE_ON_CHANGE, TencentBackupInputs, TencentBackupInputsSchema, INSTANCE_KEY } from "./inputs";
import { TencentBackupOutputs, buildOutputs, inputsOf, summaryOutputs } from "./outputs";
import { Connection, listedRead, needsSummary, outputsOfCurrent } from "./refresh";
import { resolveTencentSettings } from "./settings";

export type { TencentBackupInputs, TencentBackupOutputs };

const tencent: LifecycleAdapter<
  TencentBackupInputs,
  TencentBackupOutputs,
  Connection,
  BackupSummary,
  Started
> = {
  schema: TencentBackupInputsSchema,
  instanceKey: INSTANCE_KEY,
  replaceOnChange: REPLACE_ON_CHANGE,
  targetOf: (id, props) => backupTarget(id, { instance: props.instanceId, backupId: props.backupId }),

  connect: (deps, inputs) => connectWith(resolveTencentSettings(inputs.region), TencentClient, deps),

  adopt: ({ connection: { client } }, inputs) =>
    findAdoptedBackup(client, inputs.instanceId, inputs.backupId!),

  /** ManualBackupInstance with a marker in the Remark: the backup it made is the one carrying it. */
  start({ connection: { client, settings }, deps }, inputs) {
    const token = newRemarkToken(deps.random, markerOf(inputs, REMARK_MARKER_LENGTH));
    const request = {
      InstanceId: inputs.instanceId,
      Remark: remarkWithToken(inputs.remark, token),
      ...(inputs.storageDays === undefined ? {} : { StorageDays: inputs.storageDays }),
    };
    let sentAtMs = serverNow(settings.endpoint, deps.clock);
    return {
      action: "ManualBackupInstance",
      lookingFor: `the backup marked [${token}]`,
      send: async () => {
        sentAtMs = serverNow(settings.endpoint, deps.clock);
        try {
          return { token, sentAtMs, taskId: (await manualBackupInstance(client, request)).TaskId };
        } catch (e) {
          if (e instanceof CloudApiError && INSTANCE_STATE_CODES.has(e.code)) {
            throw withNote(
              e,
              `Tencent Cloud takes no backup of ${inputs.instanceId} in its current state; check its status in the console, then run \`pulumi up\` again`,
            );
          }
          throw e;
        }
      },
      find: async () => {
        const found = await findBackupByMarker(client, inputs.instanceId, token, sentAtMs);
        return found && { token, sentAtMs, found };
      },
      madeEarlier: inputs.__generation
        ? (s) =>
            `backup ${"found" in s ? s.found.BackupId : ""} carries this resource's marker [${token}]: an interrupted \`pulumi up\` took it; adopting it instead of taking another`
        : undefined,
    };
  },

  waitCreated: ({ connection: { client }, deps }, inputs, started, deadline) =>
    waitBackupCreated(client, inputs.instanceId, started, deadline, deps),

  /** The task was accepted, so the backup may well exist (a wait that timed out, polls that kept failing). */
  async leftover({ connection: { client, settings }, deps }, inputs, started) {
    const { token } = started;
    let found: BackupSummary | undefined;
    try {
      const around = startedAround(started, settings.timezone);
      found = await lookPersistently(
        () => findBackupByMarker(client, inputs.instanceId, token, around),
        deps,
        `the backup marked [${token}] exists`,
      );
    } catch (lookFailed) {
      // Say what exists, so that nobody takes another instead of adopting it.
      return {
        note: `the task was accepted and looking for its backup failed: ${(lookFailed as Error).message}`,
      };
    }
    return found ? { record: { outputs: summaryOutputs(inputs, found, settings.timezone) } } : {};
  },

  async outputsOf({ connection: { client, settings } }, inputs, summary) {
    const detail = await describeBackupDetail(client, inputs.instanceId, summary.BackupId);
    return buildOutputs(inputs, detail, { summary, timezone: settings.timezone, acknowledgeLock: true });
  },
  sketchOf: ({ connection: { settings } }, inputs, summary) =>
    summaryOutputs(inputs, summary, settings.timezone),
  createdLine: (outs) =>
    `${outs.instanceId}: backup ${outs.backupId} ${outs.status}` +
    (outs.expireTime ? `, expires ${outs.expireTime}` : ""),

  listed: listedRead,

  async current({ connection: { client, settings } }, t, inputs, previous, acknowledgeLock) {
    let detail;
    try {
      detail = await describeBackupDetail(client, t.instance, t.backup);
    } catch (e) {
      if (e instanceof CloudApiError && BACKUP_GONE_CODES.has(e.code)) return undefined;
      if (e instanceof CloudApiError && e.code === BACKUP_STATUS_INVALID) {
        // Still refused after the client's retries: the backup stays in the stack, unread.
        throw withNote(
          e,
          `Tencent Cloud says the backup may be busy in another flow (or deleted); it stays in the stack until a refresh can read it: run \`pulumi refresh\` again later`,
        );
      }
      throw e;
    }
    if (detail.Status === BACKUP_STATUS.deleted) return undefined;
    const summary = needsSummary(previous)
      ? await findBackupSummary(client, t.instance, t.backup, detail.StartTime)
      : undefined;
    return outputsOfCurrent(settings, t, inputs, previous, detail, summary, acknowledgeLock);
  },
  inputsOf,

  /** Tencent Cloud has no API that deletes a backup: delete makes no call that could fail, and says what stays. */
  async remove({ deps }, t, props) {
    deps.reporter.warn(
      `Tencent Cloud cannot delete backups: backup ${t.backup} of ${t.instance} stays until it expires` +
        (props.expireTime ? ` at ${props.expireTime}` : "") +
        "; it is no longer managed by this stack",
    );
  },

  /** A lock a refresh found (or found released) is acknowledged by an in-place update. */
  diff: (olds, _news, planned) => ({
    ...planned,
    changes: planned.changes || olds.locked !== olds.lockedAcknowledged,
  }),
  async update({ deps }, t, olds, _inputs, current) {
    const outs = await current();
    if (olds.locked !== olds.lockedAcknowledged) {
      deps.reporter.info(
        `${t.instance}: backup ${t.backup} is now ${outs.locked ? "locked" : "unlocked"}; acknowledged`,
      );
    }
    return outs;
  },
};

/** The lifecycle the dynamic provider calls (see core/lifecycle.ts); these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove } = defineLifecycle(tencent);
