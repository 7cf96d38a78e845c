/**
 * The backup a `url` or `download` names: a RedisBackup of a stack export, by resource name or
 * backup id (as `drift` reads one), or, without a state, the cloud and instance the flags give.
 */
import { CLOUDS, Cloud } from "../../provider/clouds";
import type { DownloadTarget } from "../../provider/core/downloadUrls";
import { UsageError } from "../io";
import type { RecordedBackup } from "../state";

/** A backup to download, and what names it in messages. */
export interface NamedTarget {
  cloud: Cloud;
  target: DownloadTarget;
  /** e.g. `before-migration (tencentcloud backup 318995367 of crs-xjhsdj01)`. */
  label: string;
}

/** Flags that name a backup without a state export. */
export interface TargetFlags {
  cloud?: string;
  instance?: string;
  region?: string;
  zone?: string;
  projectId?: string;
}

const LOCATION_KEYS = ["region", "regionId", "zone", "projectId"] as const;
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

/** The backup `nameOrId` names in `recorded` (a state export), or by `flags`. */
export function resolveTarget(
  nameOrId: string,
  recorded: RecordedBackup[] | undefined,
  flags: TargetFlags,
): NamedTarget {
  if (recorded) return fromState(nameOrId, recorded);
  if (!flags.cloud || !flags.instance) {
    throw new UsageError(
      `${nameOrId}: give --state (a \`pulumi stack export\`) to find it by name, or --cloud and --instance with its backup id`,
    );
  }
  if (!(CLOUDS as readonly string[]).includes(flags.cloud)) {
    throw new UsageError(`--cloud must be one of ${CLOUDS.join(", ")}, not ${flags.cloud}`);
  }
  const cloud = flags.cloud as Cloud;
  const location = {
    region: flags.region,
    regionId: flags.region,
    zone: flags.zone,
    projectId: flags.projectId,
  };
  return {
    cloud,
    target: { instance: flags.instance, backupId: nameOrId, location },
    label: `${cloud} backup ${nameOrId} of ${flags.instance}`,
  };
}

function fromState(nameOrId: string, recorded: RecordedBackup[]): NamedTarget {
  const backups = recorded.filter((r) => r.kind === "backup");
  const byName = backups.filter((r) => r.name === nameOrId);
  const matches = byName.length > 0 ? byName : backups.filter((r) => str(r.outputs.backupId) === nameOrId);
  if (matches.length === 0) {
    const names = backups.map((r) => r.name).join(", ") || "none";
    throw new UsageError(
      `${nameOrId}: no RedisBackup of that name or backup id in the state (it has: ${names})`,
    );
  }
  if (matches.length > 1) {
    throw new UsageError(
      `${nameOrId} names ${matches.length} backups: ${matches.map((m) => m.urn).join(", ")}`,
    );
  }
  const [r] = matches;
  const backupId = str(r.outputs.backupId);
  const instance = str(r.outputs.instanceId) ?? str(r.outputs.groupId);
  if (!backupId || !instance) {
    throw new UsageError(
      `${r.name}: the state records no backup yet (its create has not finished); run \`pulumi up\``,
    );
  }
  const location = Object.fromEntries(LOCATION_KEYS.map((k) => [k, str(r.outputs[k])]));
  return {
    cloud: r.cloud,
    target: { instance, backupId, location },
    label: `${r.name} (${r.cloud} backup ${backupId} of ${instance})`,
  };
}
