/**
 * ucloud.RedisBackup when the network or UCloud misbehaves: lost answers never make two backups,
 * what UCloud refused before acting is sent again, reads ride out transient RetCodes, and what must
 * not be retried is not.
 */
import { Fault, FaultOptions, UCLOUD_DEMO_GROUP_IDS } from "../../emulator";
import * as ops from "../../provider/ucloud/operations";
import { LISTING_FRESH_MS } from "../../provider/core/sharedListings";
import { timelineOf, useEmulator } from "../helpers/emulator";
import { emulatorDeps, pointUCloudAt } from "../helpers/cloudEnv";

const handle = useEmulator({ rateLimitPerSecond: 0, ucloud: { backupSeconds: 20 } });
const [orders] = UCLOUD_DEMO_GROUP_IDS;
const em = () => handle.emulator;

beforeAll(() => {
  pointUCloudAt(handle.emulator);
  process.env.UCLOUD_RATE_LIMIT_PER_SECOND = "1000";
});
afterEach(() => em().admin.clearFaults());

let n = 0;
/** A fresh group per test, so "exactly one backup" is easy to see. */
function freshGroup(): string {
  const groupId = `uredis-rel${++n}`;
  em().ucloud.addGroup({ groupId });
  return groupId;
}

/** A create on a fresh group while CreateURedisBackup answers with `fault` (once, or as `options` say): the group, outputs and deps. */
async function createDespite(fault: Fault, options?: FaultOptions) {
  const groupId = freshGroup();
  em().admin.injectFault("CreateURedisBackup", fault, options);
  const deps = emulatorDeps(em());
  const { outs } = await ops.create({ groupId }, deps);
  return { groupId, outs, deps };
}

/** The ids of the backups the emulator holds of `groupId`. */
const backupIdsOf = (groupId: string) =>
  em()
    .ucloud.backups(groupId)
    .map((b) => b.backupId);

/** A create on a fresh group while CreateURedisBackup answers once with `fault`: one backup, its outcome logged as unknown. */
async function expectOneBackupDespite(fault: Fault): Promise<void> {
  const { groupId, deps } = await createDespite(fault);
  expect(em().ucloud.backups(groupId)).toHaveLength(1);
  expect(deps.logs.join("\n")).toMatch(/outcome unknown/);
}

describe("CreateURedisBackup is never sent twice blindly", () => {
  it("the connection drops after the backup was taken: it is found by its name, not taken again", async () => {
    const groupId = freshGroup();
    em().admin.injectFault("CreateURedisBackup", { kind: "dropAfterPerform" });
    const deps = emulatorDeps(em());
    const { outs } = await ops.create({ groupId, backupName: "only_once" }, deps);
    expect(em().ucloud.backups(groupId)).toHaveLength(1);
    expect(em().ucloud.backups(groupId)[0].backupId).toBe(outs.backupId);
    expect(outs).toMatchObject({ status: "available", backupName: "only_once" });
    expect(deps.logs.join("\n")).toMatch(
      /warn: uredis-rel\d+: CreateURedisBackup outcome unknown \(.*\); looking for backup only_once-[0-9a-f]{8} before trying again/,
    );
  });

  it("the connection drops before anything was done: looked for, not found, sent again; one backup", async () => {
    const { groupId, outs } = await createDespite({ kind: "drop" });
    expect(backupIdsOf(groupId)).toEqual([outs.backupId]);
  });

  it("a gateway's 502 page (outcome unknown) and RetCode 110 (the API timed out): one backup each", async () => {
    for (const fault of [
      { kind: "http", status: 502 } as const,
      { kind: "error", code: "110", message: "API response timeout" } as const,
    ]) {
      await expectOneBackupDespite(fault);
    }
  });

  it("RetCode 130 (the gateway or authentication service failed) after the backup was taken: looked for, found, never taken twice", async () => {
    const { groupId, outs, deps } = await createDespite({
      kind: "error",
      code: "130",
      message: "API gateway or authentication service error",
      afterPerform: true,
    });
    expect(backupIdsOf(groupId)).toEqual([outs.backupId]);
    expect(deps.logs.join("\n")).toMatch(/CreateURedisBackup outcome unknown .*130/);
  });

  it("refused before acting (153 rate limited, 150 unavailable): sent again, one backup", async () => {
    const groupId = freshGroup();
    em().admin.injectFault("CreateURedisBackup", { kind: "error", code: "153", message: "rate limited" });
    em().admin.injectFault("CreateURedisBackup", { kind: "error", code: "150", message: "unavailable" });
    const deps = emulatorDeps(em());
    await ops.create({ groupId }, deps);
    expect(em().ucloud.backups(groupId)).toHaveLength(1);
    expect(deps.retries).toEqual([
      expect.stringMatching(/^CreateURedisBackup: CreateURedisBackup: 153: rate limited/),
      expect.stringMatching(/^CreateURedisBackup: CreateURedisBackup: 150: unavailable/),
    ]);
  });

  it("a product error (RetCode ≥ 2000) on create is not retried: it fails, nothing taken", async () => {
    const groupId = freshGroup();
    em().admin.injectFault("CreateURedisBackup", {
      kind: "error",
      code: "20208",
      message: "您的备份数量已超出限制，请联系技术支持或提交工单。",
    });
    const deps = emulatorDeps(em());
    await expect(ops.create({ groupId }, deps)).rejects.toThrow(
      new RegExp(`^creating Redis backup of ${groupId}: CreateURedisBackup: 20208: 您的备份数量已超出限制`),
    );
    expect(deps.retries).toEqual([]);
    expect(em().ucloud.backups(groupId)).toHaveLength(0);
  });

  it("the exhausting case: every answer lost, the backup is still taken once", async () => {
    const { groupId, outs } = await createDespite({ kind: "dropAfterPerform" }, { times: 3 });
    expect(backupIdsOf(groupId)).toEqual([outs.backupId]);
  });
});

describe("reads ride out what is transient", () => {
  it("RetCode ≥ 2000 on DescribeURedisBackup is retried", async () => {
    em().admin.injectFault(
      "DescribeURedisBackup",
      { kind: "error", code: "20206", message: "获取信息失败，请稍后重试。" },
      { times: 2 },
    );
    const deps = emulatorDeps(em());
    const { outs } = await ops.create({ groupId: orders }, deps);
    expect(outs.status).toBe("available");
    expect(deps.retries).toEqual([
      expect.stringMatching(/^DescribeURedisBackup: DescribeURedisBackup: 20206: /),
      expect.stringMatching(/^DescribeURedisBackup: DescribeURedisBackup: 20206: /),
    ]);
  });

  it("a gateway 502 and a dropped connection while polling are retried", async () => {
    em().admin.injectFault("DescribeURedisBackup", { kind: "http", status: 502 });
    em().admin.injectFault("DescribeURedisBackup", { kind: "drop" });
    const deps = emulatorDeps(em());
    const { id, outs } = await ops.create({ groupId: orders }, deps);
    expect(deps.retries).toHaveLength(2);
    expect((await ops.read(id, outs, emulatorDeps(em()))).props).toEqual(outs);
  });

  it("an authentication error on a read is not retried", async () => {
    const { id, outs } = await ops.create({ groupId: orders }, emulatorDeps(em()));
    // Twice: the group's listing, then (a listing that fails answers nothing) the backup on its own.
    em().admin.injectFault(
      "DescribeURedisBackup",
      { kind: "error", code: "172", message: "User Not Exists" },
      { times: 2 },
    );
    const deps = emulatorDeps(em());
    await expect(ops.read(id, outs, deps)).rejects.toThrow(
      new RegExp(
        `^reading Redis backup ${outs.backupId} of ${orders}: DescribeURedisBackup: 172: User Not Exists`,
      ),
    );
    expect(deps.retries).toEqual([]);
  });

  it("a garbled answer to a read is asked again; JSON without a RetCode is a clear error", async () => {
    const { id, outs } = await ops.create({ groupId: orders }, emulatorDeps(em()));
    em().admin.injectFault("DescribeURedisBackup", {
      kind: "malformed",
      body: '{"RetCode": 0, "DataSet": [{"Ba',
    });
    const deps = emulatorDeps(em());
    expect((await ops.read(id, outs, deps)).props).toEqual(outs);
    expect(deps.retries).toEqual([expect.stringMatching(/unexpected response: body is not a JSON object/)]);
    // Past the first read's listing (it would answer without a call), then twice: listing, backup.
    await timelineOf(em()).sleep(LISTING_FRESH_MS + 1_000);
    em().admin.injectFault(
      "DescribeURedisBackup",
      { kind: "malformed", body: '{"Action": "Oops"}' },
      { times: 2 },
    );
    await expect(ops.read(id, outs, emulatorDeps(em()))).rejects.toThrow(
      /^reading Redis backup .*: DescribeURedisBackup: unexpected response: missing an integer RetCode/,
    );
  });
});

describe("delete rides out what is transient too", () => {
  it("a 502 on DeleteURedisBackup is retried; the backup is deleted once", async () => {
    const { id, outs } = await ops.create({ groupId: orders }, emulatorDeps(em()));
    em().admin.injectFault("DeleteURedisBackup", { kind: "http", status: 502 });
    const deps = emulatorDeps(em());
    await ops.remove(id, outs, deps);
    expect(deps.retries).toHaveLength(1);
    expect(
      em()
        .ucloud.backups(orders)
        .find((b) => b.backupId === outs.backupId)?.deleted,
    ).toBe(true);
  });
});

describe("a create whose backup exists is never forgotten", () => {
  it("a garbled answer to CreateURedisBackup is reconciled like a lost one: one backup", async () => {
    await expectOneBackupDespite({ kind: "malformed", body: "<html>proxy error</html>" });
  });

  it("a wait past its deadline reports the backup to the engine, and the next up finishes it", async () => {
    const groupId = freshGroup();
    em().ucloud.setBackupSeconds(120);
    let err: (Error & { id?: string; properties?: ops.UCloudBackupOutputs }) | undefined;
    try {
      await ops.create({ groupId, waitTimeoutMinutes: 1 }, emulatorDeps(em()));
    } catch (e) {
      err = e as typeof err;
    } finally {
      em().ucloud.setBackupSeconds(20);
    }
    expect(err?.message).toMatch(/^creating Redis backup of uredis-rel\d+: timed out after 60s/);
    const [backup] = em().ucloud.backups(groupId);
    expect(err?.id).toBe(`${groupId}:${backup.backupId}`);
    expect(err?.properties).toMatchObject({
      backupId: backup.backupId,
      status: "creating",
      state: "Backuping",
    });
    // The engine records it; the next `up` sees it still being taken and waits in update.
    const olds = err!.properties!;
    expect(ops.diff(err!.id!, olds, { groupId })).toEqual({ changes: true, replaces: [] });
    const deps = emulatorDeps(em());
    const { outs } = await ops.update(err!.id!, olds, { groupId }, deps);
    expect(outs).toMatchObject({ backupId: backup.backupId, status: "available" });
    expect(em().ucloud.backups(groupId)).toHaveLength(1);
    expect(deps.logs.join("\n")).toMatch(/still being taken; waiting for it/);
  });
});

describe("the client-side rate limit", () => {
  it("keeps a burst of calls under the gateway's limit: nothing refused", async () => {
    const groupId = freshGroup();
    const { id, outs } = await ops.create({ groupId }, emulatorDeps(em()));
    em().admin.setRateLimit(5);
    process.env.UCLOUD_RATE_LIMIT_PER_SECOND = "5";
    try {
      const before = em().admin.stats().rateLimited;
      const reads = await Promise.all(
        Array.from({ length: 8 }, () => ops.read(id, outs, emulatorDeps(em()))),
      );
      expect(reads.every((r) => r.id === id)).toBe(true);
      expect(em().admin.stats().rateLimited).toBe(before);
    } finally {
      em().admin.setRateLimit(0);
      process.env.UCLOUD_RATE_LIMIT_PER_SECOND = "1000";
    }
  });
});
