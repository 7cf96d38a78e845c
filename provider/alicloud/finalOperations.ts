/**
 * alicloud.FinalBackup's lifecycle: core's skeleton (core/finalBackup.ts) with Alibaba's hooks.
 * The final backup is a CreateBackup taken through alicloud.RedisBackup's own create. Alibaba keeps
 * no text with a backup, so nothing in the cloud says a backup was a final one: the listing gives
 * every manual backup of the instance, and the deletion's output (backup id, job, time) is the
 * record. Loaded by package name from inside the provider's methods; this path and its export
 * names are a contract with every `__provider` written to state.
 */
import { INSTANCE_KEY } from "./inputs";
import { Connection, connectWith } from "../core/connection";
import { FinalBackupAdapter, defineFinalBackupLifecycle } from "../core/finalBackup";
import { AlicloudFinalBackupInputs, AlicloudFinalBackupInputsSchema } from "./finalInputs";
import { describeBackups, listBackups, wideWindow } from "./api";
import { AlicloudClient } from "./client";
import { isNotFound } from "./errors";
import { create as createBackup } from "./operations";
import { isoUtc } from "./outputs";
import { AlicloudSettings, resolveAlicloudSettings } from "./settings";

const alicloud: FinalBackupAdapter<
  AlicloudFinalBackupInputs,
  Connection<AlicloudSettings, AlicloudClient>
> = {
  cloud: "alicloud",
  schema: AlicloudFinalBackupInputsSchema,
  instanceKey: INSTANCE_KEY,
  replaceOnChange: ["instanceId", "regionId"],

  connect: (deps, inputs) => connectWith(resolveAlicloudSettings(inputs.regionId), AlicloudClient, deps),

  /** DescribeBackups of the instance (a backup's permissions suffice): InvalidInstanceId.NotFound means gone. */
  async instance({ connection: { client, settings }, deps }, { instanceId }) {
    try {
      await describeBackups(client, {
        InstanceId: instanceId,
        ...wideWindow(deps.clock.now()),
        PageSize: 30,
      });
      return { state: "available" };
    } catch (e) {
      if (!isNotFound(e)) throw e;
      return {
        state: "gone",
        why: `${instanceId} no longer exists in ${settings.regionId} (${(e as Error).message})`,
      };
    }
  },

  backupInputs: (inputs) => ({
    instanceId: inputs.instanceId,
    regionId: inputs.regionId,
    retentionDays: inputs.retentionDays,
    waitTimeoutMinutes: inputs.waitTimeoutMinutes,
  }),
  createBackup: (inputs, deps) => createBackup(inputs as Parameters<typeof createBackup>[0], deps),
  releasedBy: (e) => (isNotFound(e) ? (e as Error).message : undefined),

  /** Every manual backup of the instance: Alibaba keeps nothing that tells a final one apart. */
  async list({ connection: { client }, deps }, { instanceId }) {
    const all = await listBackups(client, { InstanceId: instanceId, ...wideWindow(deps.clock.now()) });
    return all
      .filter((b) => b.BackupMode === "Manual" && b.BackupId !== undefined)
      .map((b) => ({
        cloud: "alicloud",
        instance: instanceId,
        backupId: b.BackupId!,
        status: b.BackupStatus === "Success" ? "available" : "failed",
        takenAt: isoUtc(b.BackupStartTime),
        expireTime: isoUtc(b.ExpectExpireTime),
        attribution: "none" as const,
        text: b.BackupJobID === undefined ? undefined : `job ${b.BackupJobID}`,
      }));
  },
};

/** The lifecycle the dynamic provider calls, and the CLI's listing; these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove, listFinalBackups } =
  defineFinalBackupLifecycle(alicloud);

export type { AlicloudFinalBackupInputs };
