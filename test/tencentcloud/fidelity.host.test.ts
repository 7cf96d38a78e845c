/**
 * tencentcloud.RedisBackup through Pulumi's dynamic-provider host, against the emulator reached by
 * the real hostnames: the provider chooses the host from the region (`tencentcloud:protocol HTTP`
 * and `tencentcloud:proxy` route it to the emulator acting as that host), so what these scenarios
 * show is what a program in each region would get. Evidence for each behaviour:
 * /work/notes/vendor-research.md, cited in the provider's code and emulator/README.md.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_INSTANCES } from "../../emulator";
import { tencentcloud } from "../../provider";
import { parseZonelessTime } from "../../provider/core/zonelessTime";
import { useHost } from "../contract/hostContract";
import { useRecordingProxy } from "../helpers/recordingProxy";

const FINANCE_INSTANCE = "crs-fsi00001";
const OLD = { instanceId: "crs-old00001", backupId: "111111111-1111111111-111111111" };
// Between the provider and the emulator, so that what it sends can be checked.
const wire = useRecordingProxy(() => h.em.url);
const h = useHost({
  cloud: "tencentcloud",
  resource: () => new tencentcloud.RedisBackup("b", { instanceId: "crs-demo0001" }),
  emulator: {
    taskSeconds: 0,
    // DescribeBackupDetail answers BackupType by its own table, the listing's opposite (point 3).
    detailBackupType: "detail-table",
    instances: [
      ...DEMO_INSTANCES,
      { instanceId: FINANCE_INSTANCE, region: "ap-shanghai-fsi", instanceName: "orders-fsi" },
      {
        instanceId: OLD.instanceId,
        backups: [
          {
            backupId: OLD.backupId,
            remark: "quarterly",
            backupType: "0",
            startedHoursAgo: 90 * 24,
            storageDays: 365,
          },
        ],
      },
    ],
  },
  env: {
    TENCENTCLOUD_ENDPOINT: undefined,
    TENCENTCLOUD_SECRET_ID: undefined,
    TENCENTCLOUD_REGION: undefined,
  },
  config: () => ({
    "tencentcloud:secretId": DEFAULT_TENCENT_CREDENTIALS.secretId,
    "tencentcloud:secretKey": DEFAULT_TENCENT_CREDENTIALS.secretKey,
    "tencentcloud:region": "ap-guangzhou",
    "tencentcloud:protocol": "HTTP",
    "tencentcloud:proxy": wire.url,
  }),
});

/** The hosts requests were addressed to, each once. */
const hostsOf = (requests: { url: string }[]) => [...new Set(requests.map((r) => new URL(r.url).host))];

describe("a finance region (point 1)", () => {
  const inputs = { instanceId: FINANCE_INSTANCE, region: "ap-shanghai-fsi", remark: "fsi" };

  it("create, refresh and delete work end to end at redis.ap-shanghai-fsi.tencentcloudapi.com", async () => {
    const before = h.em.admin.stats().errorsByCode.UnsupportedRegion ?? 0;
    const sent = wire.seen.length;
    const { id, outs } = await h.create(inputs);
    expect(id).toBe(`${FINANCE_INSTANCE}:${outs.backupId}`);
    expect(outs).toMatchObject({ ...inputs, status: "available" });
    const rd = await h.read(id, outs, inputs);
    expect(rd.props).toEqual(outs);
    await h.host.call("delete", h.rq.delete(id, outs));
    // The emulator refuses a finance Region at any other Tencent host: none was refused.
    expect(h.em.admin.stats().errorsByCode.UnsupportedRegion ?? 0).toBe(before);
    expect(hostsOf(wire.seen.slice(sent))).toEqual(["redis.ap-shanghai-fsi.tencentcloudapi.com"]);
  });

  it("an ordinary region on the same host keeps its ordinary host", async () => {
    const sent = wire.seen.length;
    const { outs } = await h.create({ instanceId: "crs-demo0001" }, "ordinary");
    expect(outs.status).toBe("available");
    expect(hostsOf(wire.seen.slice(sent))).toEqual(["redis.tencentcloudapi.com"]);
  });
});

describe("BackupType (point 3)", () => {
  it("comes from the listing, with its raw code beside it, whatever DescribeBackupDetail's table says", async () => {
    const { id, outs } = await h.create({ instanceId: "crs-demo0001", remark: "typed" }, "typed");
    expect(outs).toMatchObject({ backupType: "manual", backupTypeCode: "0" });
    const rd = await h.read(id, outs, { instanceId: "crs-demo0001", remark: "typed" }, "typed");
    expect(rd.props).toMatchObject({ backupType: "manual", backupTypeCode: "0" });
  });
});

describe("ResourceUnavailable.BackupStatusInvalid on refresh (point 4)", () => {
  it("is asked again, and the backup stays in the stack", async () => {
    const inputs = { instanceId: "crs-demo0001", remark: "busy" };
    const { id, outs } = await h.create(inputs, "busy");
    h.em.admin.injectFault(
      "DescribeBackupDetail",
      { kind: "error", code: "ResourceUnavailable.BackupStatusInvalid" },
      { times: 1 },
    );
    const rd = await h.read(id, outs, inputs, "busy");
    expect(rd.id).toBe(id);
    expect(rd.props).toEqual(outs);
  });
});

describe("ManualBackupInstance on an instance that cannot be backed up (point 5)", () => {
  it.each([
    ["isolated", "ResourceUnavailable.InstanceStatusAbnormal"],
    ["deleted", "ResourceUnavailable.InstanceStateError"],
  ])("%s: fails at once with the vendor's code and words, no retry", async (state, code) => {
    const instanceId = `crs-${state}01`;
    h.em.admin.addInstance({ instanceId });
    if (state === "isolated") h.em.admin.isolateInstance(instanceId);
    else h.em.admin.deleteInstance(instanceId);
    const before = h.requestsByAction().ManualBackupInstance ?? 0;
    const err: any = await h.host
      .call("create", h.rq.create(h.withProvider({ instanceId, waitTimeoutMinutes: 0.1 }), state))
      .catch((e) => e);
    expect(err.details).toMatch(
      new RegExp(
        `^creating Redis backup of ${instanceId}: ManualBackupInstance: ${code.replace(/\./g, "\\.")}: .+ \\(RequestId [0-9a-f-]{36}\\); Tencent Cloud takes no backup of ${instanceId} in its current state`,
      ),
    );
    expect(h.requestsByAction().ManualBackupInstance).toBe(before + 1);
  });
});

describe("DescribeInstanceBackups windows (point 6)", () => {
  it("every listing names a window of at most 30 days, and a backup 90 days old is adopted", async () => {
    const earlier = wire.tencentBodies("DescribeInstanceBackups").length;
    const adopted = await h.create({ instanceId: OLD.instanceId, backupId: OLD.backupId }, "old");
    expect(adopted.outs).toMatchObject({ backupId: OLD.backupId, adopted: true, backupTypeCode: "0" });
    expect(adopted.outs.expireTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // The adoption's own listing is of the window the backup started in, some 90 days back.
    const listings = wire.tencentBodies("DescribeInstanceBackups");
    const own = listings.slice(earlier);
    expect(own.length).toBeGreaterThanOrEqual(1);
    for (const body of own) {
      expect(parseZonelessTime(String(body.BeginTime), "+08:00")).toBeLessThan(Date.now() - 60 * 86_400_000);
    }
    // Every listing this file's tests made, whichever ran before this one.
    for (const body of listings) {
      const begin = parseZonelessTime(String(body.BeginTime), "+08:00");
      const end = parseZonelessTime(String(body.EndTime), "+08:00");
      expect({ begin, end }).toEqual({ begin: expect.any(Number), end: expect.any(Number) });
      expect(end! - begin!).toBeLessThanOrEqual(30 * 86_400_000);
    }
  });
});
