/**
 * The emulator's UCloud API at the protocol level: form-encoded requests signed like the SDKs,
 * the gateway's RetCodes, backups on the world clock, DeleteURedisBackup and its off switch, rate
 * limit, faults, admin routes and the api.ucloud.cn host.
 */
import { request } from "http";
import { DEFAULT_UCLOUD_CREDENTIALS, UCLOUD_DEMO_GROUP_IDS, UCLOUD_DEMO_ZONE } from "../../emulator";
import { signParams } from "../../provider/ucloud/signer";
import { useEmulator, worldNow } from "../helpers/emulator";
import { ucloudCall } from "../helpers/ucloudRequest";

const handle = useEmulator({
  taskSeconds: 0,
  rateLimitPerSecond: 0,
  ucloud: { backupSeconds: 60, retentionDays: 7 },
});
const [orders, sessions] = UCLOUD_DEMO_GROUP_IDS;
const em = () => handle.emulator;
const call = (action: string, params: Record<string, string | number> = {}, o = {}) =>
  ucloudCall(em(), action, params, o);

async function createBackup(groupId: string = orders, name = "emulator_test") {
  const r = await call("CreateURedisBackup", { GroupId: groupId, BackupName: name });
  expect(r.json).toMatchObject({ RetCode: 0 });
  return r.json.BackupId as string;
}

async function describe1(backupId: string, groupId: string = orders) {
  const r = await call("DescribeURedisBackup", { GroupId: groupId, BackupId: backupId });
  expect(r.json.RetCode).toBe(0);
  return (r.json.DataSet as Record<string, unknown>[])[0];
}

describe("a backup's life on the world clock", () => {
  it("CreateURedisBackup answers a BackupId, with the response envelope and a request UUID", async () => {
    const r = await call("CreateURedisBackup", { GroupId: orders, BackupName: "before_upgrade" });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      Action: "CreateURedisBackupResponse",
      RetCode: 0,
      BackupId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(r.headers["x-ucloud-request-uuid"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is Backuping, then Success; BackupTime is Unix seconds", async () => {
    // The world clock, which other tests in this file may have moved on.
    const before = Math.floor(worldNow(em()) / 1000);
    const id = await createBackup();
    const running = await describe1(id);
    expect(running).toMatchObject({
      BackupId: id,
      BackupName: "emulator_test",
      GroupId: orders,
      GroupName: "demo-orders",
      Zone: UCLOUD_DEMO_ZONE,
      BackupType: "Manual",
      State: "Backuping",
      BackupSize: 0,
      MemorySize: 1,
      RedisVersion: "6.0",
    });
    expect(Number.isInteger(running.BackupTime)).toBe(true);
    expect(running.BackupTime as number).toBeGreaterThanOrEqual(before - 1);
    expect(running.BackupTime as number).toBeLessThan(before + 3600);
    em().admin.advanceClock(61);
    expect(await describe1(id)).toMatchObject({ State: "Success", BackupSize: expect.any(Number) });
    expect((await describe1(id)).BackupSize).toBeGreaterThan(0);
  });

  it("ends in Error when told to", async () => {
    em().ucloud.failNextBackup(orders);
    const id = await createBackup();
    em().admin.advanceClock(61);
    expect((await describe1(id)).State).toBe("Error");
    expect((await describe1(await createBackup())).State).toBe("Backuping");
  });

  it("expires after the retention (world clock), or when expired out of band", async () => {
    const id = await createBackup(sessions);
    em().admin.advanceClock(61);
    expect((await describe1(id, sessions)).State).toBe("Success");
    em().admin.advanceClock(7 * 86_400);
    expect((await describe1(id, sessions)).State).toBe("Expired");
    const other = await createBackup();
    em().ucloud.expireBackup(other);
    expect((await describe1(other)).State).toBe("Expired");
  });
});

describe("DescribeURedisBackup", () => {
  const accountTotal = () =>
    em()
      .ucloud.backups()
      .filter((b) => !b.deleted).length;

  it("pages newest first with Limit and Offset; TotalCount is the account's total, whatever the filter", async () => {
    em().ucloud.addGroup({ groupId: "uredis-paging1" });
    const ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await createBackup("uredis-paging1", `paging_${i}`));
      em().admin.advanceClock(1);
    }
    const page = await call("DescribeURedisBackup", { GroupId: "uredis-paging1", Limit: 2, Offset: 1 });
    // "用户名下总的备份个数": the account has the demo groups' backups too.
    expect(page.json.TotalCount).toBe(accountTotal());
    expect(accountTotal()).toBeGreaterThan(5);
    expect((page.json.DataSet as { BackupId: string }[]).map((b) => b.BackupId)).toEqual([ids[3], ids[2]]);
    const all = await call("DescribeURedisBackup", { GroupId: "uredis-paging1" });
    expect(all.json.DataSet).toHaveLength(5); // the default Limit is 10
  });

  it("lists nothing for a group it does not know or in another region", async () => {
    expect((await call("DescribeURedisBackup", { GroupId: "uredis-nothere" })).json).toMatchObject({
      RetCode: 0,
      DataSet: [],
    });
    expect((await call("DescribeURedisBackup", { GroupId: orders }, { region: "hk" })).json).toMatchObject({
      RetCode: 0,
      TotalCount: 0,
      DataSet: [],
    });
  });

  it("without GroupId (as the vendor's 2019 acceptance tests call it) lists the account's backups in the region", async () => {
    const mine = await createBackup(sessions, "no_group_filter");
    const r = await call("DescribeURedisBackup", { Limit: 1000 });
    expect(r.json).toMatchObject({ RetCode: 0, TotalCount: accountTotal() });
    const listed = (r.json.DataSet as { BackupId: string; GroupId: string }[]).map((b) => b.GroupId);
    expect(new Set(listed)).toEqual(
      new Set(
        em()
          .ucloud.backups()
          .filter((b) => !b.deleted)
          .map((b) => b.groupId),
      ),
    );
    expect((r.json.DataSet as { BackupId: string }[]).map((b) => b.BackupId)).toContain(mine);
  });

  it("shows the seeded automatic backup", async () => {
    const r = await call("DescribeURedisBackup", { GroupId: orders, Limit: 100 });
    expect(r.json.DataSet).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ BackupType: "Auto", BackupName: "auto_backup_nightly" }),
      ]),
    );
  });
});

describe("the gateway's checks", () => {
  it("171 Signature VerifyAC Error for a wrong private key or a value sent unlike it was signed", async () => {
    const wrongKey = await call(
      "DescribeURedisBackup",
      { GroupId: orders },
      {
        credential: { ...DEFAULT_UCLOUD_CREDENTIALS, privateKey: "not-the-private-key" },
      },
    );
    expect(wrongKey.json).toEqual({
      Action: "DescribeURedisBackupResponse",
      RetCode: 171,
      Message: "Signature VerifyAC Error",
    });
    // The classic bug: a boolean signed as "true" but sent as "True".
    const tampered = await call(
      "DescribeURedisBackup",
      { GroupId: orders, IsCrossRegion: "true" },
      {
        tamper: (s: Record<string, string>) => ({ ...s, IsCrossRegion: "True" }),
      },
    );
    expect(tampered.json.RetCode).toBe(171);
    expect(em().admin.stats().authFailures).toBeGreaterThanOrEqual(2);
  });

  it("172 User Not Exists for an unknown public key; 170 without a signature; 160 without an Action", async () => {
    const unknown = await call(
      "DescribeURedisBackup",
      { GroupId: orders },
      {
        credential: { publicKey: "someone-else", privateKey: "x" },
      },
    );
    expect(unknown.json).toMatchObject({ RetCode: 172, Message: "User Not Exists" });
    const unsigned = await call(
      "DescribeURedisBackup",
      { GroupId: orders },
      {
        tamper: ({ Signature: _s, ...rest }: Record<string, string>) => rest,
      },
    );
    expect(unsigned.json.RetCode).toBe(170);
    const noAction = await call("", { GroupId: orders });
    expect(noAction.json.RetCode).toBe(160);
  });

  it("161 for an action that does not exist, echoing its name", async () => {
    const r = await call("DescribeUHostInstance");
    expect(r.json).toEqual({
      Action: "DescribeUHostInstance",
      RetCode: 161,
      Message: "Action [DescribeUHostInstance] not found",
    });
  });

  it("174 when an STS key's SecurityToken is missing or wrong", async () => {
    // The default key has no token: sending one is as wrong as omitting a required one.
    const r = await call(
      "DescribeURedisBackup",
      { GroupId: orders },
      {
        credential: { ...DEFAULT_UCLOUD_CREDENTIALS, securityToken: "stolen-token" },
      },
    );
    expect(r.json.RetCode).toBe(174);
  });

  it("220 for a missing parameter, 230 for one it cannot use", async () => {
    expect((await call("CreateURedisBackup", { BackupName: "valid_name" })).json).toMatchObject({
      RetCode: 220,
      Message: "Missing params [GroupId]",
    });
    expect((await call("DescribeURedisBackup", { GroupId: orders }, { region: null })).json.RetCode).toBe(
      220,
    );
    expect(
      (await call("DescribeURedisBackup", { GroupId: orders }, { region: "mars-1" })).json,
    ).toMatchObject({
      RetCode: 230,
      Message: "Params [Region] not available",
    });
    for (const bad of ["short", "has space in it", "x".repeat(64), "ünïcode_name"]) {
      const r = await call("CreateURedisBackup", { GroupId: orders, BackupName: bad });
      expect(r.json).toMatchObject({ RetCode: 230, Message: "Params [BackupName] not available" });
    }
    const missing = await call("CreateURedisBackup", { GroupId: "uredis-nothere", BackupName: "valid_name" });
    expect(missing.json).toMatchObject({ RetCode: 230, Message: "Params [GroupId] not available" });
    const wrongZone = await call("CreateURedisBackup", {
      GroupId: orders,
      BackupName: "valid_name",
      Zone: "cn-bj2-05",
    });
    expect(wrongZone.json.RetCode).toBe(230);
  });

  it("also takes a JSON body and a GET query, signed the same way", async () => {
    const params = signParams(
      { Action: "DescribeURedisBackup", Region: "cn-bj2", GroupId: orders, Limit: 1 },
      DEFAULT_UCLOUD_CREDENTIALS,
    );
    const json = await call(
      "x",
      {},
      { rawBody: JSON.stringify({ ...params, Limit: 1 }), contentType: "application/json" },
    );
    expect(json.json).toMatchObject({ RetCode: 0, Action: "DescribeURedisBackupResponse" });
    const get = await call(
      "x",
      {},
      {
        method: "GET",
        rawBody: "",
        path: `/ucloud/?${new URLSearchParams(params)}`,
      },
    );
    expect(get.json).toMatchObject({ RetCode: 0 });
  });
});

describe("DeleteURedisBackup", () => {
  it("deletes: the backup is no longer listed", async () => {
    const id = await createBackup();
    const r = await call("DeleteURedisBackup", { BackupId: id, Zone: UCLOUD_DEMO_ZONE });
    expect(r.json).toEqual({ Action: "DeleteURedisBackupResponse", RetCode: 0 });
    expect(await describe1(id)).toBeUndefined();
    expect(
      em()
        .ucloud.backups(orders)
        .find((b) => b.backupId === id),
    ).toMatchObject({ deleted: true, state: null });
  });

  it("needs BackupId and Zone (as the 2019 Java SDK); an unknown backup is 230", async () => {
    const id = await createBackup();
    expect((await call("DeleteURedisBackup", { BackupId: id })).json).toMatchObject({
      RetCode: 220,
      Message: "Missing params [Zone]",
    });
    const gone = await call("DeleteURedisBackup", { BackupId: "no-such-backup", Zone: UCLOUD_DEMO_ZONE });
    expect(gone.json).toMatchObject({ RetCode: 230, Message: "Params [BackupId] not available" });
  });

  it("switched off, answers as an action that does not exist, and deletes nothing", async () => {
    const id = await createBackup();
    em().ucloud.setDeleteSupported(false);
    try {
      const r = await call("DeleteURedisBackup", { BackupId: id, Zone: UCLOUD_DEMO_ZONE });
      expect(r.json).toEqual({
        Action: "DeleteURedisBackup",
        RetCode: 161,
        Message: "Action [DeleteURedisBackup] not found",
      });
      expect(await describe1(id)).toMatchObject({ BackupId: id });
    } finally {
      em().ucloud.setDeleteSupported(true);
    }
  });
});

describe("shared machinery", () => {
  it("rate limit: RetCode 153 beyond the limit per action per second", async () => {
    em().admin.setRateLimit(2);
    try {
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push((await call("DescribeURedisBackup", { GroupId: orders })).json.RetCode);
      expect(codes).toEqual([0, 0, 153]);
    } finally {
      em().admin.setRateLimit(0);
    }
  });

  it("faults: an injected RetCode, a gateway page, a malformed body", async () => {
    em().admin.injectFault("DescribeURedisBackup", {
      kind: "error",
      code: "20206",
      message: "获取信息失败，请稍后重试。",
    });
    expect((await call("DescribeURedisBackup", { GroupId: orders })).json).toMatchObject({
      RetCode: 20206,
      Message: "获取信息失败，请稍后重试。",
    });
    em().admin.injectFault("DescribeURedisBackup", { kind: "http", status: 502 });
    const gateway = await call("DescribeURedisBackup", { GroupId: orders });
    expect([gateway.status, gateway.text]).toEqual([502, expect.stringMatching(/Bad Gateway/)]);
    em().admin.injectFault("DescribeURedisBackup", { kind: "malformed", body: '{"RetCode": 0, "DataS' });
    expect((await call("DescribeURedisBackup", { GroupId: orders })).text).toBe('{"RetCode": 0, "DataS');
  });

  it("dropAfterPerform: the backup is taken, the answer lost", async () => {
    em().ucloud.addGroup({ groupId: "uredis-dropped" });
    em().admin.injectFault("CreateURedisBackup", { kind: "dropAfterPerform" });
    await expect(
      call("CreateURedisBackup", { GroupId: "uredis-dropped", BackupName: "lost_answer" }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(em().ucloud.backups("uredis-dropped")).toHaveLength(1);
  });

  it("stats count UCloud actions and RetCodes", async () => {
    // Counted from this test's own calls, whatever the file's other tests did before it.
    const counts = () => {
      const stats = em().admin.stats();
      return {
        creates: stats.requestsByAction.CreateURedisBackup ?? 0,
        signatureErrors: stats.errorsByCode["171"] ?? 0,
        drops: stats.faultsInjected.byActionAndKind["CreateURedisBackup:dropAfterPerform"] ?? 0,
      };
    };
    const before = counts();
    em().ucloud.addGroup({ groupId: "uredis-counted" });
    await createBackup("uredis-counted");
    const wrongKey = { ...DEFAULT_UCLOUD_CREDENTIALS, privateKey: "not-the-private-key" };
    await call("DescribeURedisBackup", { GroupId: orders }, { credential: wrongKey });
    em().admin.injectFault("CreateURedisBackup", { kind: "dropAfterPerform" });
    await expect(
      call("CreateURedisBackup", { GroupId: "uredis-counted", BackupName: "lost_answer" }),
    ).rejects.toThrow();
    const after = counts();
    expect({
      creates: after.creates - before.creates,
      signatureErrors: after.signatureErrors - before.signatureErrors,
      drops: after.drops - before.drops,
    }).toEqual({ creates: 2, signatureErrors: 1, drops: 1 });
  });
});

describe("routes", () => {
  function send(path: string, headers: Record<string, string>, body: string) {
    const url = new URL(em().url);
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, method: "POST", path, headers }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  }
  const form = () =>
    new URLSearchParams(
      signParams(
        { Action: "DescribeURedisBackup", Region: "cn-bj2", GroupId: orders },
        DEFAULT_UCLOUD_CREDENTIALS,
      ),
    ).toString();

  it("api.ucloud.cn through the emulator as an HTTP proxy, or by Host header", async () => {
    const ct = { "Content-Type": "application/x-www-form-urlencoded" };
    const proxied = await send(
      "http://api.ucloud.cn/?Action=DescribeURedisBackup",
      { ...ct, Host: "api.ucloud.cn" },
      form(),
    );
    expect(JSON.parse(proxied.text)).toMatchObject({ RetCode: 0, Action: "DescribeURedisBackupResponse" });
    const byHost = await send("/", { ...ct, Host: "api.ucloud.cn" }, form());
    expect(JSON.parse(byHost.text)).toMatchObject({ RetCode: 0 });
  });

  it("admin operations at POST /_emulator/ucloud/<op>", async () => {
    const added = await send(
      "/_emulator/ucloud/addGroup",
      {},
      JSON.stringify({ groupId: "uredis-viahttp", zone: "cn-bj2-04" }),
    );
    expect(added).toEqual({ status: 200, text: '{"result":null}' });
    await createBackup("uredis-viahttp", "via_http_admin");
    const listed = await send("/_emulator/ucloud/backups", {}, JSON.stringify({ groupId: "uredis-viahttp" }));
    expect(JSON.parse(listed.text).result).toEqual([
      expect.objectContaining({
        groupId: "uredis-viahttp",
        backupName: "via_http_admin",
        state: "Backuping",
      }),
    ]);
    expect((await send("/_emulator/ucloud/setDeleteSupported", {}, '{"supported": "no"}')).status).toBe(400);
    expect((await send("/_emulator/ucloud/deleteBackup", {}, '{"backupId": "nope"}')).status).toBe(404);
    expect((await send("/_emulator/ucloud/noSuchOp", {}, "{}")).status).toBe(404);
  });
});
