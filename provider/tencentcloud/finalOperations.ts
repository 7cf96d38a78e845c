/**
 * tencentcloud.FinalBackup's lifecycle: core's skeleton (core/finalBackup.ts) with Tencent's hooks.
 * The final backup is a ManualBackupInstance taken through tencentcloud.RedisBackup's own create,
 * its Remark the label (`final backup of crs-x, stack shop/prod, resource orders-final, <time>`),
 * so DescribeInstanceBackups finds it later. Loaded by package name from inside the provider's
 * methods; this path and its export names are a contract with every `__provider` written to state.
 */
import { INSTANCE_KEY } from "./inputs";
import { Connection, connectWith } from "../core/connection";
import { CloudApiError } from "../core/errors";
import { FinalBackupAdapter, defineFinalBackupLifecycle } from "../core/finalBackup";
import { TencentFinalBackupInputs, TencentFinalBackupInputsSchema } from "./finalInputs";
import {
  FinalBackupLabel,
  FinalBackupRecord,
  labelText,
  parseLabelText,
  takenBy,
} from "../core/finalBackupLabel";
import { zonelessToIso } from "../core/zonelessTime";
import { describeInstanceBackups, listInstanceBackups } from "./api";
import { LISTED_STATUSES, statusName } from "./backup";
import { TencentClient } from "./client";
import { create as createBackup } from "./operations";
import { TencentSettings, resolveTencentSettings } from "./settings";

/** Codes that say the instance is gone for good (deleted, or never there). */
const GONE = new Set(["ResourceNotFound.InstanceNotExists", "ResourceUnavailable.InstanceDeleted"]);
/** Codes ManualBackupInstance answers for an instance released meanwhile (the recycle bin, or gone). */
const RELEASED = new Set([...GONE, "ResourceUnavailable.InstanceIsolated"]);
/** What create appends to a Remark: ` [pulumi:<hex>]`. */
const MARKER = /\s*\[pulumi:[0-9a-f]+\]$/;

/** Room for the Remark's text: the 200 characters RedisBackup allows, less the marker create appends (` [pulumi:<12 hex>]`). */
const REMARK_ROOM = 200 - 22;

/** The label, then the note, within {@link REMARK_ROOM}: a long resource name, then the note, are cut short first. */
export function finalRemark(label: FinalBackupLabel, note?: string): string {
  const bare = labelText(label);
  const over = bare.length - REMARK_ROOM;
  const fitted =
    over > 0
      ? {
          ...label,
          resource: (label.resource ?? "?").slice(0, Math.max(1, (label.resource ?? "?").length - over)),
        }
      : label;
  const text = labelText(fitted);
  const room = REMARK_ROOM - text.length - 2;
  return note && room > 0 ? labelText(fitted, note.slice(0, room)) : text;
}

const tencent: FinalBackupAdapter<TencentFinalBackupInputs, Connection<TencentSettings, TencentClient>> = {
  cloud: "tencentcloud",
  schema: TencentFinalBackupInputsSchema,
  instanceKey: INSTANCE_KEY,
  replaceOnChange: ["instanceId", "region"],

  connect: (deps, inputs) => connectWith(resolveTencentSettings(inputs.region), TencentClient, deps),

  /**
   * DescribeInstanceBackups of the instance (a backup's permissions suffice): InstanceNotExists
   * means gone. An instance in the recycle bin still lists its backups; ManualBackupInstance then
   * answers InstanceIsolated (see releasedBy).
   */
  async instance({ connection: { client, settings } }, { instanceId }) {
    try {
      await describeInstanceBackups(client, { InstanceId: instanceId, Limit: 1, Status: LISTED_STATUSES });
      return { state: "available" };
    } catch (e) {
      if (e instanceof CloudApiError && GONE.has(e.code)) {
        return { state: "gone", why: `${instanceId} no longer exists in ${settings.region} (${e.code})` };
      }
      throw e;
    }
  },

  backupInputs: (inputs, label) => ({
    instanceId: inputs.instanceId,
    region: inputs.region,
    storageDays: inputs.storageDays,
    remark: finalRemark(label, inputs.remark),
    waitTimeoutMinutes: inputs.waitTimeoutMinutes,
  }),
  createBackup: (inputs, deps) => createBackup(inputs as Parameters<typeof createBackup>[0], deps),
  releasedBy: (e) => (e instanceof CloudApiError && RELEASED.has(e.code) ? e.code : undefined),

  /** Every backup of the instance whose Remark carries a final backup's label. */
  async list({ connection: { client, settings } }, { instanceId }) {
    const all = await listInstanceBackups(client, { InstanceId: instanceId, Status: LISTED_STATUSES });
    const found: FinalBackupRecord[] = [];
    for (const b of all) {
      const label = parseLabelText((b.Remark ?? "").replace(MARKER, ""));
      if (!label) continue;
      const status = statusName(b.Status, b.Locked);
      found.push({
        cloud: "tencentcloud",
        instance: instanceId,
        backupId: b.BackupId,
        status: status === "deleted" ? "expired" : status,
        takenAt: zonelessToIso(b.StartTime, settings.timezone),
        expireTime: zonelessToIso(b.ExpireTime, settings.timezone),
        takenBy: takenBy(label),
        attribution: "label",
        text: b.Remark,
      });
    }
    return found;
  },
};

/** The lifecycle the dynamic provider calls, and the CLI's listing; these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove, listFinalBackups } =
  defineFinalBackupLifecycle(tencent);

export type { TencentFinalBackupInputs };
