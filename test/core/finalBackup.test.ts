/**
 * FinalBackup's shared lifecycle on every cloud, in-process, over real HTTP against the emulator:
 * create arms and takes nothing, delete takes exactly one labelled backup and waits for it, skip
 * and a gone instance take none, a failing backup fails the delete, refresh drops a FinalBackup
 * whose instance is gone, and only the instance (or its place) replaces. Written once, run per cloud.
 */
import type { Emulator } from "../../emulator";
import type { OperationDeps } from "../../provider/core/deps";
import type { FinalBackupLifecycle } from "../../provider/core/finalBackup";
import * as alicloudFinal from "../../provider/alicloud/finalOperations";
import * as tencentFinal from "../../provider/tencentcloud/finalOperations";
import * as ucloudFinal from "../../provider/ucloud/finalOperations";
import type { TestDeps } from "../helpers/cloudEnv";
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { useEmulator } from "../helpers/emulator";

interface Fixture {
  cloud: string;
  ops: FinalBackupLifecycle<Record<string, unknown>>;
  key: string;
  pointAt(e: Emulator): void;
  deps(e: Emulator): TestDeps;
  addInstance(e: Emulator, id: string): void;
  deleteInstance(e: Emulator, id: string): void;
  failNextTask(e: Emulator, id: string): void;
  /** Manual backups the emulator holds of the instance (whatever the API shows). */
  backups(e: Emulator, id: string): { id: string; text: string }[];
  note: Record<string, unknown>;
  /** What the vendor's text or name of a final backup looks like. */
  label: RegExp;
}

const origin = { resourceName: "orders-final", stack: "prod", project: "shop" };

const fixtures: Fixture[] = [
  {
    ...CONTRACT_CLOUDS.tencentcloud,
    ops: tencentFinal as unknown as Fixture["ops"],
    backups: (e, id) =>
      e.admin
        .backups(id)
        .filter((b) => b.backupType === "0" && b.lifecycle !== "failed")
        .map((b) => ({ id: b.backupId, text: b.remark })),
    note: { remark: "before decommissioning", storageDays: 30 },
    label:
      /^final backup of crs-\w+, stack shop\/prod, resource orders-final, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: before decommissioning \[pulumi:[0-9a-f]{12}\]$/,
  },
  {
    ...CONTRACT_CLOUDS.alicloud,
    ops: alicloudFinal as unknown as Fixture["ops"],
    backups: (e, id) =>
      e.alicloud
        .backups(id)
        .filter((b) => b.mode === "Manual" && b.lifecycle !== "failed")
        .map((b) => ({ id: String(b.backupId), text: `job ${b.jobId}` })),
    note: { retentionDays: 30 },
    label: /^job \d+$/,
  },
  {
    ...CONTRACT_CLOUDS.ucloud,
    ops: ucloudFinal as unknown as Fixture["ops"],
    backups: (e, id) =>
      e.ucloud
        .backups(id)
        .filter((b) => b.backupType === "Manual" && b.state !== "Error")
        .map((b) => ({ id: b.backupId, text: b.backupName })),
    note: {},
    label: /^final-prod-orders-final-\d{12}-[0-9a-f]{8}$/,
  },
];

const handle = useEmulator({ taskSeconds: 30 });
let n = 0;

describe.each(fixtures)("$cloud: FinalBackup", (f) => {
  const e = () => handle.emulator;
  const deps = () => f.deps(e());
  /** A fresh instance of this cloud, and the FinalBackup inputs that name it. */
  function instance() {
    const id = `${f.cloud === "tencentcloud" ? "crs" : f.cloud === "alicloud" ? "r" : "uredis"}-final${++n}`;
    f.addInstance(e(), id);
    return { id, inputs: { [f.key]: id, ...f.note, ...origin } };
  }
  const lines = (d: TestDeps) => d.logs.join("\n");

  beforeAll(() => f.pointAt(e()));

  it("create checks the instance exists and takes no backup", async () => {
    const { id, inputs } = instance();
    const d = deps();
    const { id: resourceId, outs } = await f.ops.create(inputs, d);
    expect(resourceId).toBe(`${id}:final-backup`);
    expect(outs).toMatchObject({ ...inputs, armedAt: expect.any(String) });
    expect(Object.values(outs)).not.toContain(undefined);
    expect(f.backups(e(), id)).toEqual([]);
    expect(lines(d)).toMatch(new RegExp(`${id}: final backup armed by FinalBackup "orders-final"`));
  });

  it("create fails for an instance that does not exist, naming it", async () => {
    const missing = {
      [f.key]: f.key === "groupId" ? "uredis-nosuch" : f.cloud === "alicloud" ? "r-nosuch" : "crs-nosuch",
    };
    await expect(f.ops.create(missing, deps())).rejects.toThrow(
      /^arming the final backup of \S+-nosuch: \S+-nosuch no longer exists in \S+ \(.+\): a final backup can be taken only of an instance that exists/,
    );
  });

  it("delete takes exactly one backup, labelled, waits until it is available and says where to find it", async () => {
    const { id, inputs } = instance();
    const d = deps();
    const { id: resourceId, outs } = await f.ops.create(inputs, d);
    await f.ops.remove(resourceId, outs as never, d);
    const taken = f.backups(e(), id);
    expect(taken).toHaveLength(1);
    expect(taken[0].text).toMatch(f.label);
    expect(lines(d)).toMatch(
      new RegExp(
        `${id}: final backup ${taken[0].id} available, .*; taken by shop/prod/orders-final; list final backups with ` +
          `\`pulumi-redis-backup final-backups --cloud ${f.cloud} --instance ${id}\``,
      ),
    );
    const listed = await f.ops.listFinalBackups(inputs, deps());
    expect(listed.map((r) => r.backupId)).toEqual([taken[0].id]);
    expect(listed[0]).toMatchObject({ cloud: f.cloud, instance: id, status: "available" });
    if (f.cloud === "tencentcloud")
      expect(listed[0]).toMatchObject({ takenBy: "shop/prod/orders-final", attribution: "label" });
    if (f.cloud === "alicloud") expect(listed[0].attribution).toBe("none");
  });

  it("skip: true deletes without a backup, and says so", async () => {
    const { id, inputs } = instance();
    const d = deps();
    const { id: resourceId, outs } = await f.ops.create({ ...inputs, skip: true }, d);
    await f.ops.remove(resourceId, outs as never, d);
    expect(f.backups(e(), id)).toEqual([]);
    expect(lines(d)).toMatch(
      `warn: no final backup of ${id} was taken: skip: true on FinalBackup "orders-final"`,
    );
  });

  it("a backup that fails fails the delete, saying the instance is not deleted", async () => {
    const { id, inputs } = instance();
    const { id: resourceId, outs } = await f.ops.create(inputs, deps());
    f.failNextTask(e(), id);
    await expect(f.ops.remove(resourceId, outs as never, deps())).rejects.toThrow(
      new RegExp(
        `no final backup of ${id} was taken, so this deletion stops here .*: ${id} is not deleted.*skip: true`,
      ),
    );
    expect(f.backups(e(), id)).toEqual([]);
  });

  it("an instance already gone: delete takes nothing and says so; refresh drops the FinalBackup", async () => {
    const { id, inputs } = instance();
    const { id: resourceId, outs } = await f.ops.create(inputs, deps());
    f.deleteInstance(e(), id);
    const d = deps();
    expect(await f.ops.read(resourceId, outs as never, d)).toEqual({});
    expect(lines(d)).toMatch(`can take no final backup of it; it will be removed from the stack`);
    const del = deps();
    await f.ops.remove(resourceId, outs as never, del);
    expect(lines(del)).toMatch(
      new RegExp(`warn: no final backup of ${id} was taken: ${id} no longer exists`),
    );
  });

  it("refresh of an instance that exists gives its inputs back: nothing to plan", async () => {
    const { inputs } = instance();
    const { id: resourceId, outs } = await f.ops.create(inputs, deps());
    const r = await f.ops.read(resourceId, outs as never, deps());
    expect(r.props).toEqual(outs);
    expect(f.ops.diff(resourceId, r.props as never, r.inputs as never)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("only another instance replaces; the note, retention, wait and skip change in place", async () => {
    const { id, inputs } = instance();
    const { outs } = await f.ops.create(inputs, deps());
    const d = (news: Record<string, unknown>) =>
      f.ops.diff(`${id}:final-backup`, outs as never, news as never);
    expect(d({ ...inputs, [f.key]: `${id}x` }).replaces).toEqual([f.key]);
    expect(d({ ...inputs, skip: true })).toEqual({ changes: true, replaces: [] });
    expect(d({ ...inputs, waitTimeoutMinutes: 60 })).toEqual({ changes: true, replaces: [] });
    const { outs: updated } = await f.ops.update(
      `${id}:final-backup`,
      outs as never,
      { ...inputs, skip: true } as never,
      deps(),
    );
    expect(updated).toMatchObject({ skip: true, armedAt: (outs as { armedAt: string }).armedAt });
  });
});

/** The deps type the fixtures share (keeps OperationDeps imported for readers of the fixture table). */
export type { OperationDeps };

describe("tencentcloud.FinalBackup's Remark", () => {
  const label = {
    instance: "crs-x",
    project: "shop",
    stack: "prod",
    resource: "orders-final",
    at: "2026-12-02T00:07:36Z",
  };
  it("fits the 200 characters with its marker: a long resource name, then the note, are cut short", () => {
    const { finalRemark } = tencentFinal;
    expect(finalRemark(label, "note")).toBe(
      "final backup of crs-x, stack shop/prod, resource orders-final, 2026-12-02T00:07:36Z: note",
    );
    const long = finalRemark({ ...label, resource: "r".repeat(300) }, "note");
    expect(long.length).toBe(178);
    expect(long).toMatch(/^final backup of crs-x, stack shop\/prod, resource r+, 2026-12-02T00:07:36Z$/);
    expect(finalRemark(label, "n".repeat(300)).length).toBe(178);
  });
});
