/**
 * The gateway checks: what a client with a wrong key, a wrong clock, a wrong header or a
 * misspelled parameter gets back, code for code.
 */
import { DEFAULT_TENCENT_CREDENTIALS } from "../../emulator";
import { useEmulator } from "../helpers/emulator";
import { errorCode, tencentCall } from "../helpers/tencentRequest";

const TOKEN_KEY = { secretId: "AKIDTEMPORARY0001", secretKey: "temporary-secret", token: "session-token-1" };
const handle = useEmulator({ credentials: [DEFAULT_TENCENT_CREDENTIALS, TOKEN_KEY] });
const call = (
  action: string,
  params: Record<string, unknown> = {},
  o: Parameters<typeof tencentCall>[3] = {},
) => tencentCall(handle.emulator.url, action, params, o);
const now = () => Math.floor(Date.now() / 1000);
const LIST = "DescribeInstanceBackups";

describe("a correctly signed request", () => {
  it("succeeds with HTTP 200, a fresh RequestId and a Date header", async () => {
    const a = await call(LIST, { InstanceId: "crs-demo0001" });
    const b = await call(LIST, { InstanceId: "crs-demo0001" });
    expect(a.status).toBe(200);
    expect(a.headers["content-type"]).toBe("application/json");
    expect(a.json.Response.Error).toBeUndefined();
    expect(a.json.Response.RequestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.json.Response.RequestId).not.toBe(b.json.Response.RequestId);
    expect(Date.parse(String(a.headers.date))).not.toBeNaN();
  });

  it("may sign x-tc-action too, and may use application/json; charset=utf-8", async () => {
    const r = await call(LIST, {}, { signAction: true, contentType: "application/json; charset=utf-8" });
    expect(errorCode(r)).toBeUndefined();
  });

  it("is verified against the Host it was sent with (a proxy-style host works when signed)", async () => {
    const r = await call(LIST, {}, { host: "redis.tencentcloudapi.com" });
    expect(errorCode(r)).toBeUndefined();
  });

  it("accepts a token-bearing key only with its token", async () => {
    expect(errorCode(await call(LIST, {}, { ...TOKEN_KEY }))).toBeUndefined();
    const { token: _t, ...withoutToken } = TOKEN_KEY;
    expect(errorCode(await call(LIST, {}, withoutToken))).toBe("AuthFailure.TokenFailure");
    expect(errorCode(await call(LIST, {}, { ...TOKEN_KEY, token: "stale" }))).toBe(
      "AuthFailure.TokenFailure",
    );
    expect(errorCode(await call(LIST, {}, { token: "unexpected" }))).toBe("AuthFailure.TokenFailure");
  });
});

describe("signature failures", () => {
  it.each([
    ["a wrong SecretKey", { secretKey: "not-the-key" }],
    ["a body changed after signing", { rawBody: '{"Limit":5}', signedBody: '{"Limit":6}' }],
    ["a Host other than the one signed", { signedHost: "redis.tencentcloudapi.com" }],
    [
      "a Content-Type other than the one signed",
      { headers: { "Content-Type": "application/json; charset=utf-8" } },
    ],
    ["a credential scope for another service", { service: "cvm" }],
  ])("%s gives AuthFailure.SignatureFailure", async (_what, o) => {
    const r = await call(LIST, {}, o);
    expect(r.status).toBe(200);
    expect(r.json.Response.Error).toEqual({
      Code: "AuthFailure.SignatureFailure",
      Message: "The provided credentials could not be validated. Please check your signature is correct.",
    });
    expect(typeof r.json.Response.RequestId).toBe("string");
  });

  it("an unknown SecretId gives AuthFailure.SecretIdNotFound", async () => {
    expect(errorCode(await call(LIST, {}, { secretId: "AKIDUNKNOWN" }))).toBe("AuthFailure.SecretIdNotFound");
  });

  it("a timestamp more than 300 s away gives AuthFailure.SignatureExpire, 299 s does not", async () => {
    expect(errorCode(await call(LIST, {}, { timestamp: now() - 400 }))).toBe("AuthFailure.SignatureExpire");
    expect(errorCode(await call(LIST, {}, { timestamp: now() + 400 }))).toBe("AuthFailure.SignatureExpire");
    expect(errorCode(await call(LIST, {}, { timestamp: now() - 290 }))).toBeUndefined();
  });

  it("a skewed server clock expires honest timestamps, and its Date header reveals the skew", async () => {
    handle.emulator.admin.setClockSkew(3600);
    try {
      const r = await call(LIST);
      expect(errorCode(r)).toBe("AuthFailure.SignatureExpire");
      const serverMs = Date.parse(String(r.headers.date));
      expect(serverMs - Date.now()).toBeGreaterThan(3500_000);
      // A client that corrects its clock from the Date header gets through.
      expect(errorCode(await call(LIST, {}, { timestamp: Math.floor(serverMs / 1000) }))).toBeUndefined();
    } finally {
      handle.emulator.admin.setClockSkew(0);
    }
  });

  it("counts authentication failures", async () => {
    const before = handle.emulator.admin.stats().authFailures;
    await call(LIST, {}, { secretKey: "wrong" });
    expect(handle.emulator.admin.stats().authFailures).toBe(before + 1);
  });
});

describe("malformed requests", () => {
  it.each([
    ["no Authorization", "AuthFailure.InvalidAuthorization", { omit: ["authorization"] }],
    [
      "a non-TC3 Authorization",
      "AuthFailure.InvalidAuthorization",
      { headers: { Authorization: "Basic Zm9vOmJhcg==" } },
    ],
    ["no X-TC-Action", "MissingParameter", { omit: ["x-tc-action"] }],
    ["no X-TC-Timestamp", "MissingParameter", { omit: ["x-tc-timestamp"] }],
    ["no X-TC-Version", "MissingParameter", { omit: ["x-tc-version"] }],
    ["no X-TC-Region", "MissingParameter", { region: null }],
    ["a non-numeric timestamp", "InvalidParameter", { headers: { "X-TC-Timestamp": "yesterday" } }],
    ["another API version", "NoSuchVersion", { version: "2017-03-12" }],
    ["an unknown region", "UnsupportedRegion", { region: "mars-north-1" }],
    ["a form-encoded body", "InvalidParameter", { contentType: "application/x-www-form-urlencoded" }],
  ])("%s gives %s", async (_what, code, o) => {
    const r = await call(LIST, {}, o as Parameters<typeof tencentCall>[3]);
    expect(r.status).toBe(200);
    expect(errorCode(r)).toBe(code);
  });

  it("names the missing common parameter", async () => {
    const r = await call(LIST, {}, { omit: ["x-tc-timestamp"] });
    expect(r.json.Response.Error?.Message).toBe("The request is missing a required parameter `Timestamp`.");
  });

  it("an unknown action gives InvalidAction", async () => {
    const r = await call("DeleteInstanceBackup", {});
    expect(r.json.Response.Error).toEqual({
      Code: "InvalidAction",
      Message: "The request `Action` is invalid or not found.",
    });
  });

  it("a GET gives UnsupportedProtocol", async () => {
    const r = await call(LIST, {}, { method: "GET", rawBody: "" });
    expect(errorCode(r)).toBe("UnsupportedProtocol");
  });

  it("a body that is not JSON gives InvalidParameter", async () => {
    expect(errorCode(await call(LIST, {}, { rawBody: "{not json" }))).toBe("InvalidParameter");
    expect(errorCode(await call(LIST, {}, { rawBody: "[1,2]" }))).toBe("InvalidParameter");
  });

  it("a body over 10 MB gives RequestSizeLimitExceeded", async () => {
    const big = JSON.stringify({ Remark: "x".repeat(10 * 1024 * 1024) });
    const r = await call("ManualBackupInstance", {}, { rawBody: big });
    expect(errorCode(r)).toBe("RequestSizeLimitExceeded");
    expect(handle.emulator.admin.backups("crs-demo0001").filter((b) => b.backupType === "0")).toHaveLength(0);
  });
});

describe("parameter checks", () => {
  it("an unknown (or wrongly cased) parameter gives UnknownParameter naming it", async () => {
    const r = await call("ManualBackupInstance", { InstanceId: "crs-demo0001", instanceId: "crs-demo0001" });
    expect(r.json.Response.Error).toEqual({
      Code: "UnknownParameter",
      Message: "The parameter `instanceId` is not recognized.",
    });
  });

  it("a missing required parameter gives MissingParameter naming it", async () => {
    const r = await call("DescribeBackupDetail", { InstanceId: "crs-demo0001" });
    expect(r.json.Response.Error).toEqual({
      Code: "MissingParameter",
      Message: "The request is missing a required parameter `BackupId`.",
    });
  });

  it.each([
    ["a quoted integer", "DescribeTaskInfo", { TaskId: "6954227" }],
    ["a fractional integer", "ManualBackupInstance", { InstanceId: "crs-demo0001", StorageDays: 1.5 }],
    ["a number for a string", "ManualBackupInstance", { InstanceId: 42 }],
    ["null", "ManualBackupInstance", { InstanceId: "crs-demo0001", Remark: null }],
    ["a scalar for an array", LIST, { Status: 2 }],
  ])("%s gives InvalidParameter", async (_what, action, params) => {
    const r = await call(action, params);
    expect(errorCode(r)).toBe("InvalidParameter");
    expect(r.json.Response.Error?.Message).toMatch(/^The value type of parameter `\w+` is not valid\.$/);
  });

  it.each([
    ["StorageDays over 1825", "ManualBackupInstance", { InstanceId: "crs-demo0001", StorageDays: 1826 }],
    ["a negative StorageDays", "ManualBackupInstance", { InstanceId: "crs-demo0001", StorageDays: -1 }],
    ["Limit over 100", LIST, { Limit: 101 }],
    ["Limit 0", LIST, { Limit: 0 }],
    ["a negative Offset", LIST, { Offset: -20 }],
    ["an unknown Status", LIST, { Status: [7] }],
    ["a BeginTime in another format", LIST, { BeginTime: "2024-01-01T00:00:00Z" }],
    ["an impossible date", LIST, { EndTime: "2024-02-30 00:00:00" }],
  ])("%s gives InvalidParameterValue", async (_what, action, params) => {
    expect(errorCode(await call(action, params))).toBe("InvalidParameterValue");
  });
});
