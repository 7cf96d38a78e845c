/**
 * `triggers` on every RedisBackup: any change replaces the backup, absent equals empty (so stacks
 * recorded before triggers plan nothing new), a value unknown at preview counts as a change, and a
 * refresh hands the recorded triggers back so it plans nothing.
 */
import * as alicloudOps from "../../provider/alicloud/operations";
import { planDiff } from "../../provider/core/diff";
import { triggersChanged } from "../../provider/core/triggers";
import { UNKNOWN } from "../../provider/core/unknown";
import * as tencentOps from "../../provider/tencentcloud/operations";
import * as ucloudOps from "../../provider/ucloud/operations";
import { EMULATED_CLOUDS } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

describe("triggersChanged", () => {
  it.each([
    [undefined, undefined, false],
    [undefined, [], false],
    [[], undefined, false],
    [["v1"], ["v1"], false],
    [[{ a: 1, b: [2] }], [{ b: [2], a: 1 }], false],
    [["v1"], ["v2"], true],
    [["v1"], ["v1", "x"], true],
    [["a", "b"], ["b", "a"], true],
    [[1], ["1"], true],
    [undefined, ["v1"], true],
    [["v1"], undefined, true],
    [["v1"], [UNKNOWN], true],
    [["v1"], UNKNOWN, true],
    [[{ a: 1 }], [{ a: UNKNOWN }], true],
  ])("%j → %j: %s", (recorded, next, changed) => {
    expect(triggersChanged(recorded, next)).toBe(changed);
  });

  it("replaces the backup through the shared plan, naming triggers", () => {
    const olds = { backupId: "1", status: "available", triggers: ["v1"] };
    expect(planDiff(olds, { triggers: ["v2"] }, { replaceOnChange: [] })).toEqual({
      changes: true,
      replaces: ["triggers"],
    });
    expect(planDiff(olds, { triggers: ["v1"] }, { replaceOnChange: [] })).toEqual({
      changes: false,
      replaces: [],
    });
    // A stack recorded before triggers existed, and a program that sets none: nothing.
    expect(planDiff({ backupId: "1" }, {}, { replaceOnChange: [] })).toEqual({
      changes: false,
      replaces: [],
    });
  });
});

const handle = useEmulator({ taskSeconds: 5 });

describe.each([
  {
    cloud: "tencentcloud",
    ops: tencentOps as unknown as typeof tencentOps,
    ...EMULATED_CLOUDS.tencentcloud,
    inputs: { instanceId: "crs-demo0001", remark: "triggered" },
  },
  {
    cloud: "alicloud",
    ops: alicloudOps as unknown as typeof tencentOps,
    ...EMULATED_CLOUDS.alicloud,
    inputs: { instanceId: "r-demo0001" },
  },
  {
    cloud: "ucloud",
    ops: ucloudOps as unknown as typeof tencentOps,
    ...EMULATED_CLOUDS.ucloud,
    inputs: { groupId: "uredis-demo01", backupName: "triggered" },
  },
])("$cloud: RedisBackup triggers", ({ ops, point, deps, inputs }) => {
  beforeAll(() => point(handle.emulator));

  it("are checked, recorded, handed back by refresh, and a change replaces", async () => {
    const news = { ...inputs, triggers: ["migration-7", { schema: 3 }] } as never;
    expect(ops.check({}, news).failures).toEqual([]);
    expect(ops.check({}, { ...inputs, triggers: "v7" } as never).failures).toEqual([
      { property: "triggers", reason: "triggers must be a list of values, e.g. [migrationVersion]" },
    ]);
    const { id, outs } = await ops.create(news, deps(handle.emulator));
    expect(outs.triggers).toEqual(["migration-7", { schema: 3 }]);
    const r = await ops.read(id, outs, deps(handle.emulator));
    expect(r.inputs?.triggers).toEqual(["migration-7", { schema: 3 }]);
    expect(ops.diff(id, r.props!, r.inputs!)).toEqual({ changes: false, replaces: [] });
    expect(
      ops.diff(id, r.props!, { ...r.inputs!, triggers: ["migration-8", { schema: 3 }] }).replaces,
    ).toEqual(["triggers"]);
  });
});
