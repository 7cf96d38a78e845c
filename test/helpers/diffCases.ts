/**
 * The diff rules of a RedisBackup as a table of cases, run one test per case: the cases the
 * Tencent and UCloud resources share are written here once, each cloud adds its own.
 */
import { UNKNOWN } from "../../provider/core/unknown";

/** [case, recorded outputs changed (after any refresh), new inputs, expected changes, expected replaces] */
export type DiffCase<O> = [string, Partial<O>, object, boolean, string[]];

/** What a cloud's diff answers. */
type Diff<O> = (id: string, olds: O, news: never) => { changes: boolean; replaces: string[] };

/** What the shared cases change of the recorded outputs (fields every cloud records). */
interface SharedChange {
  status: "expired";
  keepExpired: boolean;
  adopted: boolean;
}

/**
 * The cases both clouds share, for a backup recorded with backupId `b-1` from `inputs`, its
 * instance under `key`; `other` names another instance.
 */
export function sharedDiffCases(key: string, inputs: object, other: string): DiffCase<SharedChange>[] {
  return [
    ["nothing changed", {}, inputs, false, []],
    [`${key} changed`, {}, { ...inputs, [key]: other }, true, [key]],
    ["waitTimeoutMinutes changed: in place", {}, { ...inputs, waitTimeoutMinutes: 60 }, true, []],
    [
      "expired but keepExpired",
      { status: "expired", keepExpired: true },
      { ...inputs, keepExpired: true },
      false,
      [],
    ],
    ["adopt the same backup it has", {}, { ...inputs, backupId: "b-1" }, false, []],
    ["adopt another backup", {}, { ...inputs, backupId: "b-2" }, true, ["backupId"]],
    ["stop adopting", { adopted: true }, inputs, true, ["backupId"]],
    [`preview: ${key} unknown`, {}, { ...inputs, [key]: UNKNOWN }, true, [key]],
    ["preview: waitTimeoutMinutes unknown", {}, { ...inputs, waitTimeoutMinutes: UNKNOWN }, true, []],
  ];
}

/** One test per case: `diff` of `id`, recorded as `recorded` with the case's changes, against its new inputs. */
export function itDiffsAsTabled<O>(diff: Diff<O>, id: string, recorded: O, table: DiffCase<O>[]): void {
  it.each(table)("%s", (_case, change, news, changes, replaces) => {
    const r = diff(id, { ...recorded, ...change }, news as never);
    expect(r.changes).toBe(changes);
    expect(r.replaces.sort()).toEqual([...replaces].sort());
  });
}
