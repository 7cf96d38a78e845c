/**
 * ucloud.FinalBackup's lifecycle: core's skeleton (core/finalBackup.ts) with UCloud's hooks. The
 * final backup is a CreateURedisBackup taken through ucloud.RedisBackup's own create, named
 * `final-<stack>-<resource>-<yyyyMMddHHmm>` (or `final-<backupName>-…`; UCloud takes no other text
 * and 63 characters of `[A-Za-z0-9_-]`), so DescribeURedisBackup finds it later by its prefix.
 * Loaded by package name from inside the provider's methods; this path and its export names are
 * a contract with every `__provider` written to state.
 */
import { INSTANCE_KEY } from "./inputs";
import { Connection, connectWith } from "../core/connection";
import { NotFoundError } from "../core/errors";
import { FinalBackupAdapter, defineFinalBackupLifecycle } from "../core/finalBackup";
import { UCloudFinalBackupInputs, UCloudFinalBackupInputsSchema } from "./finalInputs";
import type { FinalBackupLabel } from "../core/finalBackupLabel";
import { findURedisGroup, listURedisBackups } from "./api";
import { statusName } from "./backup";
import { UCloudClient } from "./client";
import { create as createBackup } from "./operations";
import { UCloudSettings, resolveUCloudSettings } from "./settings";

/** What every final backup's name starts with. */
export const FINAL_NAME_PREFIX = "final-";
/** Room for the middle part: 63, less the marker create appends (9), the prefix (6) and `-<yyyyMMddHHmm>` (13). */
const MIDDLE_MAX = 35;

/** `final-<middle>-<yyyyMMddHHmm>`: the middle is `backupName`, else `<stack>-<resource>`, in UCloud's alphabet. */
export function finalBackupName(label: FinalBackupLabel, backupName?: string): string {
  const middle = (backupName ?? `${label.stack ?? "stack"}-${label.resource ?? "final"}`)
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .slice(0, MIDDLE_MAX);
  return `${FINAL_NAME_PREFIX}${middle}-${label.at.replace(/[-:T]/g, "").slice(0, 12)}`;
}

const ucloud: FinalBackupAdapter<UCloudFinalBackupInputs, Connection<UCloudSettings, UCloudClient>> = {
  cloud: "ucloud",
  schema: UCloudFinalBackupInputsSchema,
  instanceKey: INSTANCE_KEY,
  replaceOnChange: ["groupId", "region", "zone", "projectId"],

  connect: (deps, { region, zone, projectId }) =>
    connectWith(resolveUCloudSettings({ region, zone, projectId }), UCloudClient, deps),

  /** DescribeURedisGroup: a group deleted is no longer listed. */
  async instance({ connection: { client, settings } }, { groupId }) {
    const group = await findURedisGroup(client, groupId);
    return group
      ? { state: "available", status: group.State }
      : {
          state: "gone",
          why: `${groupId} no longer exists in ${settings.region} (DescribeURedisGroup lists no such group)`,
        };
  },

  backupInputs: (inputs, label) => ({
    groupId: inputs.groupId,
    region: inputs.region,
    zone: inputs.zone,
    projectId: inputs.projectId,
    backupName: finalBackupName(label, inputs.backupName),
    waitTimeoutMinutes: inputs.waitTimeoutMinutes,
  }),
  createBackup: (inputs, deps) => createBackup(inputs as Parameters<typeof createBackup>[0], deps),

  /** Every backup of the group whose name starts `final-`; a group gone lists none, which is said. */
  async list({ connection: { client, settings } }, { groupId }) {
    const all = await listURedisBackups(client, { GroupId: groupId });
    if (all.length === 0 && !(await findURedisGroup(client, groupId))) {
      throw new NotFoundError(
        `${groupId} no longer exists in ${settings.region}, and UCloud lists no backups of a group it no longer has`,
      );
    }
    return all
      .filter((b) => (b.BackupName ?? "").startsWith(FINAL_NAME_PREFIX))
      .map((b) => ({
        cloud: "ucloud",
        instance: groupId,
        backupId: b.BackupId,
        status: statusName(b.State),
        takenAt:
          b.BackupTime === undefined
            ? undefined
            : `${new Date(b.BackupTime * 1000).toISOString().slice(0, 19)}Z`,
        attribution: "label" as const,
        text: b.BackupName,
      }));
  },
};

/** The lifecycle the dynamic provider calls, and the CLI's listing; these export names are written in every stack's `__provider`. */
export const { configure, check, diff, create, read, update, remove, listFinalBackups } =
  defineFinalBackupLifecycle(ucloud);

export type { UCloudFinalBackupInputs };
