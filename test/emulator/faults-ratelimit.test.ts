/**
 * Injected faults and the rate limit, as a client meets them on the wire.
 */
import { useEmulator } from "../helpers/emulator";
import { adminCall, errorCode, tencentCall } from "../helpers/tencentRequest";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
const admin = () => handle.emulator.admin;
const call = (action: string, params: Record<string, unknown> = {}) =>
  tencentCall(handle.emulator.url, action, params);
const manualBackups = () =>
  admin()
    .backups("crs-demo0002")
    .filter((b) => b.backupType === "0");

afterEach(() => {
  admin().clearFaults();
  admin().setRateLimit(0);
});

describe("faults", () => {
  it("error: answers that Tencent error instead of performing, once by default", async () => {
    admin().injectFault("ManualBackupInstance", {
      kind: "error",
      code: "InternalError",
      message: "try later",
    });
    const before = manualBackups().length;
    const r = await call("ManualBackupInstance", { InstanceId: "crs-demo0002" });
    expect(r.status).toBe(200);
    expect(r.json.Response.Error).toEqual({ Code: "InternalError", Message: "try later" });
    expect(manualBackups()).toHaveLength(before);
    expect(errorCode(await call("ManualBackupInstance", { InstanceId: "crs-demo0002" }))).toBeUndefined();
  });

  it("http: a 502 HTML page from the gateway", async () => {
    admin().injectFault("DescribeInstanceBackups", { kind: "http", status: 502 });
    const r = await call("DescribeInstanceBackups");
    expect(r.status).toBe(502);
    expect(r.headers["content-type"]).toBe("text/html");
    expect(r.text).toContain("502 Bad Gateway");
  });

  it("drop: the connection is reset and nothing happens", async () => {
    admin().injectFault("ManualBackupInstance", { kind: "drop" });
    const before = manualBackups().length;
    await expect(call("ManualBackupInstance", { InstanceId: "crs-demo0002" })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(manualBackups()).toHaveLength(before);
  });

  it("dropAfterPerform: the backup is really taken, but the answer is lost", async () => {
    admin().injectFault("ManualBackupInstance", { kind: "dropAfterPerform" });
    const before = manualBackups().length;
    await expect(
      call("ManualBackupInstance", { InstanceId: "crs-demo0002", Remark: "lost-answer" }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    const after = manualBackups();
    expect(after).toHaveLength(before + 1);
    expect(after[0].remark).toBe("lost-answer");
  });

  it("delay: the answer comes late but complete", async () => {
    admin().injectFault("DescribeInstanceBackups", { kind: "delay", ms: 50 });
    const r = await call("DescribeInstanceBackups", { InstanceId: "crs-demo0002" });
    expect(errorCode(r)).toBeUndefined();
    expect(r.json.Response.TotalCount).toEqual(expect.any(Number));
  });

  it("malformed: exactly the given body with HTTP 200", async () => {
    admin().injectFault("DescribeTaskInfo", { kind: "malformed", body: '{"Response": {"Status": "succ' });
    const r = await call("DescribeTaskInfo", { TaskId: 1 });
    expect(r.status).toBe(200);
    expect(r.text).toBe('{"Response": {"Status": "succ');
  });

  it("times and the wildcard action; faults are counted", async () => {
    const before = admin().stats().faultsInjected.total;
    admin().injectFault("*", { kind: "error", code: "RequestLimitExceeded" }, { times: 2 });
    expect(errorCode(await call("DescribeTaskInfo", { TaskId: 1 }))).toBe("RequestLimitExceeded");
    expect(errorCode(await call("DescribeInstanceBackups"))).toBe("RequestLimitExceeded");
    expect(errorCode(await call("DescribeInstanceBackups"))).toBeUndefined();
    const stats = admin().stats();
    expect(stats.faultsInjected.total).toBe(before + 2);
    expect(stats.faultsInjected.byActionAndKind["DescribeInstanceBackups:error"]).toBeGreaterThanOrEqual(1);
  });

  it("a request failing authentication does not use up a fault", async () => {
    admin().injectFault("DescribeInstanceBackups", { kind: "http", status: 503 });
    const bad = await tencentCall(handle.emulator.url, "DescribeInstanceBackups", {}, { secretKey: "wrong" });
    expect(errorCode(bad)).toBe("AuthFailure.SignatureFailure");
    expect((await call("DescribeInstanceBackups")).status).toBe(503);
  });

  it("can be armed over HTTP, and bad faults are refused", async () => {
    const armed = await adminCall(handle.emulator.url, "injectFault", {
      action: "DescribeBackupDetail",
      fault: { kind: "error", code: "FailedOperation.SystemError" },
    });
    expect(armed.status).toBe(200);
    expect(errorCode(await call("DescribeBackupDetail", { InstanceId: "crs-demo0002", BackupId: "x" }))).toBe(
      "FailedOperation.SystemError",
    );
    const refused = await adminCall(handle.emulator.url, "injectFault", {
      action: "X",
      fault: { kind: "explode" },
    });
    expect(refused.status).toBe(400);
  });
});

describe("rate limit", () => {
  it("the 6th call of an action within a second gets RequestLimitExceeded; other actions are unaffected", async () => {
    admin().setRateLimit(5);
    const before = admin().stats().rateLimited;
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await call("DescribeInstanceBackups"));
      // Admin calls in between never count.
      if (i === 2) for (let j = 0; j < 10; j++) await adminCall(handle.emulator.url, "stats");
    }
    expect(results.map(errorCode)).toEqual([...Array(5).fill(undefined), "RequestLimitExceeded"]);
    expect(results[5].json.Response.Error?.Message).toBe(
      "Your current request times equals to `6` in a second, which exceeds the frequency limit `5` for a second. Please reduce the frequency of calls.",
    );
    expect(errorCode(await call("DescribeTaskInfo", { TaskId: 1 }))).not.toBe("RequestLimitExceeded");
    expect(admin().stats().rateLimited).toBeGreaterThan(before);
  });
});
