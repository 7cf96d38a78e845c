/**
 * The clouds this package supports, spelled once. Each is a folder, `provider/<cloud>/`, whose
 * `cloud.ts` is its entry here; the declarations file (`backups.yaml`), `declareBackups` and the
 * CLI's drift check read the list from this module (which loads no resource and no lifecycle
 * until asked). The public index names each cloud's namespace, as TypeScript needs to export it.
 */
import type { CloudEntry } from "./core/cloud";
import { alicloud as alicloudEntry } from "./alicloud/cloud";
import { tencentcloud as tencentEntry } from "./tencentcloud/cloud";
import { ucloud as ucloudEntry } from "./ucloud/cloud";

/** @internal Every cloud's entry, in the order documentation and messages list them. */
export const CLOUD_ENTRIES = [tencentEntry, alicloudEntry, ucloudEntry] as const;

/** A cloud's name: `tencentcloud`, `alicloud` or `ucloud`. */
export type Cloud = (typeof CLOUD_ENTRIES)[number]["name"];

/** @internal The names, in order. */
export const CLOUDS: readonly Cloud[] = CLOUD_ENTRIES.map((e) => e.name);

/** One entry of any cloud, as code that does not know which reads it. */
type AnyEntry = (typeof CLOUD_ENTRIES)[number];
/** An entry of `backups.yaml`, whichever its cloud. */
export type Declaration = ReturnType<AnyEntry["declarationSchema"]["parse"]>;
/** A RedisBackup of any cloud. */
export type AnyRedisBackup = ReturnType<AnyEntry["declare"]>;

/** @internal The entry of `cloud`. */
export function cloudEntry(cloud: Cloud): CloudEntry<Cloud, Declaration, object, AnyRedisBackup> {
  const entry = CLOUD_ENTRIES.find((e) => e.name === cloud);
  if (!entry) throw new TypeError(`unknown cloud ${cloud}`);
  return entry;
}
