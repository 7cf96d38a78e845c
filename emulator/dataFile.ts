/**
 * The `--data` file: Tencent Cloud's instances and credentials at the top level (as
 * emulator/data/instances.json has always had them), and optionally Alibaba Cloud's and UCloud's
 * under `alicloud` (`instances`, `credentials`) and `ucloud` (`groups`, `credentials`). A cloud the
 * file leaves out keeps its demo instances and default keys.
 */
import type { AlicloudCredential, AlicloudInstanceSeed } from "./alicloud";
import { parseAlicloudCredential, parseAlicloudInstanceSeed } from "./alicloud/seeds";
import { EmulatorData, parseEmulatorData } from "./tencentcloud/seeds";
import type { UCloudEmulatorCredential, URedisGroupSeed } from "./ucloud";
import { parseUCloudCredential, parseURedisGroupSeed } from "./ucloud/seeds";

/** What a `--data` file holds. */
export interface DataFile extends EmulatorData {
  alicloud?: { instances?: AlicloudInstanceSeed[]; credentials?: AlicloudCredential[] };
  ucloud?: { groups?: URedisGroupSeed[]; credentials?: UCloudEmulatorCredential[] };
}

/** One cloud's section: an object of optional lists, each item checked by its cloud's own parser. */
function section<T extends Record<string, unknown[] | undefined>>(
  name: string,
  value: unknown,
  lists: { [K in keyof T]: (item: unknown) => NonNullable<T[K]>[number] },
): T {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${name} must be an object with ${Object.keys(lists).join(" and/or ")}`);
  }
  const out: Record<string, unknown[]> = {};
  for (const [key, list] of Object.entries(value)) {
    const parse = (lists as Record<string, (item: unknown) => unknown>)[key];
    if (!parse) throw new Error(`${name}.${key}: unknown; ${name} takes ${Object.keys(lists).join(", ")}`);
    if (!Array.isArray(list)) throw new Error(`${name}.${key} must be a list`);
    out[key] = list.map((item) => parse(item));
  }
  return out as T;
}

/** Checks a parsed `--data` document; the error names what is wrong. */
export function parseDataFile(json: unknown): DataFile {
  const { alicloud, ucloud, ...tencent } = (json ?? {}) as Record<string, unknown>;
  return {
    ...parseEmulatorData(tencent),
    ...(alicloud === undefined
      ? {}
      : {
          alicloud: section<NonNullable<DataFile["alicloud"]>>("alicloud", alicloud, {
            instances: parseAlicloudInstanceSeed,
            credentials: parseAlicloudCredential,
          }),
        }),
    ...(ucloud === undefined
      ? {}
      : {
          ucloud: section<NonNullable<DataFile["ucloud"]>>("ucloud", ucloud, {
            groups: parseURedisGroupSeed,
            credentials: parseUCloudCredential,
          }),
        }),
  };
}
