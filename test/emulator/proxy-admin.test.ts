/**
 * The emulator as an HTTP proxy (absolute-form requests and CONNECT tunnels) and its admin routes.
 */
import { request } from "http";
import type { Socket } from "net";
import { useEmulator } from "../helpers/emulator";
import { adminCall, errorCode, send, tencentCall } from "../helpers/tencentRequest";

const handle = useEmulator({ taskSeconds: 0 });
const url = () => new URL(handle.emulator.url);

/** Opens a CONNECT tunnel through the emulator; resolves with the status and (on 200) the socket. */
function connect(target: string): Promise<{ status: number; socket: Socket; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: url().hostname,
      port: url().port,
      method: "CONNECT",
      path: target,
      agent: false,
    });
    req.on("connect", (res, socket: Socket, head: Buffer) => {
      if (res.statusCode === 200) {
        resolve({ status: 200, socket, body: "" });
        return;
      }
      let body = head.toString();
      socket.on("data", (c: Buffer) => (body += c.toString()));
      socket.on("end", () => resolve({ status: res.statusCode ?? 0, socket, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("absolute-form proxy requests", () => {
  it("are served as if the emulator were redis.tencentcloudapi.com", async () => {
    const r = await tencentCall(
      handle.emulator.url,
      "DescribeInstanceBackups",
      { InstanceId: "crs-demo0001" },
      { host: "redis.tencentcloudapi.com", path: "http://redis.tencentcloudapi.com/" },
    );
    expect(errorCode(r)).toBeUndefined();
    expect(r.json.Response.TotalCount).toEqual(expect.any(Number));
  });

  it("for a host no emulated API serves are refused with 502, never forwarded", async () => {
    const r = await send(url(), "GET", "http://example.com/", { Host: "example.com" }, "");
    expect(r.status).toBe(502);
    expect(r.text).toMatch(/never forwards/);
  });

  it("never reach the admin routes", async () => {
    const r = await send(
      url(),
      "POST",
      "http://redis.tencentcloudapi.com/_emulator/stats",
      { Host: "redis.tencentcloudapi.com" },
      "{}",
    );
    expect(r.status).toBe(404);
  });
});

describe("CONNECT tunnels", () => {
  it.each([
    "redis.tencentcloudapi.com:443",
    "redis.tencentcloudapi.com:80",
    "redis.ap-guangzhou.tencentcloudapi.com:443",
  ])("to %s carry signed plain-HTTP requests", async (target) => {
    const { status, socket } = await connect(target);
    expect(status).toBe(200);
    const host = target.replace(/:\d+$/, "");
    const r = await tencentCall(
      handle.emulator.url,
      "ManualBackupInstance",
      { InstanceId: "crs-demo0002" },
      {
        host,
        socket,
      },
    );
    expect(errorCode(r)).toBeUndefined();
    expect(r.json.Response.TaskId).toEqual(expect.any(Number));
    socket.destroy();
  });

  it.each(["example.com:443", "redis.tencentcloudapi.com:8080", "127.0.0.1:22"])(
    "to %s are refused with 403",
    async (target) => {
      const { status, body } = await connect(target);
      expect(status).toBe(403);
      expect(body).toMatch(/never forwards/);
    },
  );
});

describe("admin routes", () => {
  it("run operations with named JSON arguments and return JSON results", async () => {
    const added = await adminCall(handle.emulator.url, "addInstance", {
      instanceId: "crs-admin001",
      region: "ap-guangzhou",
    });
    expect(added).toEqual({ status: 200, body: { result: null } });
    await tencentCall(handle.emulator.url, "ManualBackupInstance", {
      InstanceId: "crs-admin001",
      Remark: "via http",
    });
    const backups = await adminCall(handle.emulator.url, "backups", { instanceId: "crs-admin001" });
    expect(backups.status).toBe(200);
    expect(backups.body.result).toEqual([
      expect.objectContaining({
        instanceId: "crs-admin001",
        remark: "via http",
        status: 2,
        lifecycle: "available",
      }),
    ]);
    const [b] = backups.body.result as { backupId: string }[];
    expect((await adminCall(handle.emulator.url, "lockBackup", { backupId: b.backupId })).status).toBe(200);
    expect(handle.emulator.admin.backups("crs-admin001")[0]).toMatchObject({ locked: true, status: 1 });
    expect((await adminCall(handle.emulator.url, "advanceClock", { seconds: 10 })).status).toBe(200);
    const stats = await adminCall(handle.emulator.url, "stats");
    expect(stats.body.result).toMatchObject({
      requestsByAction: expect.objectContaining({ ManualBackupInstance: expect.any(Number) }),
      clock: { skewSeconds: 0, advancedSeconds: 10 },
    });
  });

  it("answer 404 for unknown operations or ids, 400 for bad arguments, 405 for GET", async () => {
    expect((await adminCall(handle.emulator.url, "explode")).status).toBe(404);
    expect((await adminCall(handle.emulator.url, "deleteBackup", { backupId: "nope" })).status).toBe(404);
    expect((await adminCall(handle.emulator.url, "advanceClock", { seconds: "ten" })).status).toBe(400);
    expect((await adminCall(handle.emulator.url, "advanceClock", { seconds: -5 })).status).toBe(400);
    expect((await adminCall(handle.emulator.url, "addInstance", { instanceId: "not-a-crs-id" })).status).toBe(
      400,
    );
    expect((await adminCall(handle.emulator.url, "stats", {}, "GET")).status).toBe(405);
  });

  it("admin calls are not API requests", async () => {
    const before = handle.emulator.admin.stats().requestsByAction;
    await adminCall(handle.emulator.url, "stats");
    expect(handle.emulator.admin.stats().requestsByAction).toEqual(before);
  });
});
