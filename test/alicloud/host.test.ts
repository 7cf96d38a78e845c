/**
 * alicloud.RedisBackup through Pulumi's own dynamic-provider host (spawned from @pulumi/pulumi and
 * driven over gRPC as the engine drives it), against the emulator. The host loads the provider
 * from dist/, so `npm test` builds first (`npm run build` before running this file alone).
 */
import { existsSync } from "fs";
import { resolve } from "path";
import { ALICLOUD_DEMO_INSTANCE_IDS } from "../../emulator";
import { alicloud } from "../../provider";
import {
  DIFF,
  DynamicHost,
  UNKNOWN,
  initFailureOf,
  requests,
  serializedProviderOf,
  startDynamicHost,
} from "../helpers/dynamicHost";
import { useEmulator } from "../helpers/emulator";

// Canary credentials: the ones in stack config are accepted by the emulator; the environment's are decoys.
const CONFIG_KEY = {
  accessKeyId: "LTAI5tCanaryConfigKey001",
  accessKeySecret: "canary-alicloud-config-secret-Tn5r",
};
const ENV_KEY = {
  accessKeyId: "LTAI5tCanaryEnvKey000002",
  accessKeySecret: "canary-alicloud-env-secret-Lp7c",
};
const TOKEN_CANARY = "canary-alicloud-sts-token-Gh4d";
const canaries = [CONFIG_KEY.accessKeySecret, ENV_KEY.accessKeySecret, TOKEN_CANARY];

const handle = useEmulator({
  taskSeconds: 0,
  alicloud: { credentials: [{ ...CONFIG_KEY, securityToken: TOKEN_CANARY }] },
});
const [nativeStd, classicCluster] = ALICLOUD_DEMO_INSTANCE_IDS;
let host: DynamicHost;
let provider: { type: string; text: string };
let rq: ReturnType<typeof requests>;

beforeAll(async () => {
  if (!existsSync(resolve(__dirname, "../../dist/provider/alicloud/operations.js"))) {
    throw new Error("dist/ has no alicloud provider: run `npm run build` first (npm test does)");
  }
  provider = await serializedProviderOf(() => new alicloud.RedisBackup("b", { instanceId: nativeStd }));
  rq = requests(provider.type);
  host = await startDynamicHost({
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: ENV_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: ENV_KEY.accessKeySecret,
      ALIBABA_CLOUD_REGION_ID: "cn-shanghai",
      ALIBABA_CLOUD_ENDPOINT: undefined,
      ALIBABA_CLOUD_SECURITY_TOKEN: undefined,
    },
  });
  await host.call(
    "configure",
    rq.configure({
      "alicloud:accessKeyId": CONFIG_KEY.accessKeyId,
      "alicloud:accessKeySecret": CONFIG_KEY.accessKeySecret,
      "alicloud:securityToken": TOKEN_CANARY,
      "alicloud:region": "cn-hangzhou",
      "alicloud:endpoint": `${handle.emulator.url}/alicloud`,
    }),
  );
});
afterAll(async () => host?.stop());

const withProvider = (inputs: object) => ({ ...inputs, __provider: provider.text });
/* eslint-disable @typescript-eslint/no-explicit-any */
const js = (s: any) => s.toJavaScript();
const requestsByAction = () => handle.emulator.admin.stats().requestsByAction;

async function create(inputs: object, name = "b") {
  const chk: any = await host.call("check", rq.check({}, withProvider(inputs), name));
  expect(chk.getFailuresList()).toEqual([]);
  const cr: any = await host.call("create", rq.create(js(chk.getInputs()), name));
  return { id: cr.getId() as string, outs: js(cr.getProperties()), inputs: js(chk.getInputs()) };
}

async function read(id: string, outs: object, inputs: object) {
  const rd: any = await host.call("read", rq.read(id, outs, inputs));
  return { id: rd.getId() as string, props: js(rd.getProperties()), inputs: js(rd.getInputs()) };
}

async function diff(id: string, olds: object, news: object) {
  const df: any = await host.call("diff", rq.diff(id, olds, withProvider(news)));
  return [df.getChanges(), df.getReplacesList()];
}

it("serializes a provider type with its module and a __provider of at most 4 KiB", () => {
  expect(provider.type).toBe("pulumi-nodejs:dynamic/alicloud:RedisBackup");
  expect(provider.text.length).toBeLessThanOrEqual(4096);
  expect(provider.text).toContain("pulumi-redis-backup/internal/alicloud/operations");
});

it("check: one CheckFailure per bad property, no API call", async () => {
  const before = JSON.stringify(requestsByAction());
  const chk: any = await host.call(
    "check",
    rq.check({}, withProvider({ instanceId: "crs-1", retentionDays: 3, regionId: "Hangzhou" })),
  );
  const failures = chk.getFailuresList().map((f: any) => [f.getProperty(), f.getReason()]);
  expect(failures).toEqual([
    ["instanceId", expect.stringMatching(/Redis \(Tair\) instance id like r-/)],
    ["retentionDays", expect.stringMatching(/from 7 to 730, or -1/)],
    ["regionId", expect.stringMatching(/cn-hangzhou/)],
  ]);
  expect(JSON.stringify(requestsByAction())).toBe(before);
  const preview: any = await host.call(
    "check",
    rq.check({}, withProvider({ instanceId: UNKNOWN, retentionDays: 7 })),
  );
  expect(preview.getFailuresList()).toEqual([]);
});

describe("lifecycle: create → refresh → extend → expire → vanish → delete", () => {
  const inputs = { instanceId: nativeStd, retentionDays: 7 };
  let id: string;
  let outs: Record<string, any>;

  it("create, reporting the job's progress while it waits", async () => {
    handle.emulator.alicloud.setJobSeconds(2);
    try {
      ({ id, outs } = await create(inputs));
    } finally {
      handle.emulator.alicloud.setJobSeconds(0);
    }
    expect(id).toBe(`${nativeStd}:${outs.backupId}`);
    expect(outs).toMatchObject({
      ...inputs,
      status: "available",
      mode: "Manual",
      region: "cn-hangzhou",
      backupIds: [outs.backupId],
      __provider: provider.text,
    });
    const progress = /job \d+ (NoStart|Preparing|Waiting|Uploading|Checking)/;
    expect(await host.printed(progress)).toMatch(progress);
  });

  it("refresh finds no drift", async () => {
    const rd = await read(id, outs, inputs);
    expect(rd.id).toBe(id);
    expect(rd.props).toEqual(outs);
    expect(rd.inputs).toEqual(withProvider(inputs));
    expect(await diff(id, rd.props, inputs)).toEqual([DIFF.DIFF_NONE, []]);
  });

  it("a longer retention updates in place; a shorter one replaces", async () => {
    const longer = { ...inputs, retentionDays: 10 };
    expect(await diff(id, outs, longer)).toEqual([DIFF.DIFF_SOME, []]);
    const up: any = await host.call("update", rq.update(id, outs, withProvider(longer)));
    const updated = js(up.getProperties());
    expect(updated).toMatchObject({ retentionDays: 10, backupId: outs.backupId, __provider: provider.text });
    expect(Date.parse(updated.expireTime) - Date.parse(updated.startTime)).toBeGreaterThanOrEqual(
      10 * 86_400_000,
    );
    expect(await diff(id, updated, longer)).toEqual([DIFF.DIFF_NONE, []]);
    expect(await diff(id, updated, inputs)).toEqual([DIFF.DIFF_SOME, ["retentionDays"]]);
    outs = updated;
    inputs.retentionDays = 10;
  });

  it("once the cloud's clock is past its expiry, a refresh shows it expired and plans a replacement", async () => {
    // The server's clock (and so its Date header) jumps 11 days: the backup is gone, past its expiry.
    handle.emulator.admin.setClockSkew(11 * 86_400);
    try {
      const rd = await read(id, outs, inputs);
      expect(rd.props).toMatchObject({ status: "expired", backupId: outs.backupId });
      expect(await diff(id, rd.props, inputs)).toEqual([DIFF.DIFF_SOME, ["status"]]);
      expect(await diff(id, rd.props, { ...inputs, keepExpired: true })).toEqual([DIFF.DIFF_SOME, []]);
    } finally {
      handle.emulator.admin.setClockSkew(0);
    }
  });

  it("deleted out of band: refresh returns an empty id", async () => {
    const fresh = await create({ instanceId: nativeStd }, "oob");
    handle.emulator.alicloud.deleteBackup(Number(fresh.outs.backupId));
    const rd: any = await host.call("read", rq.read(fresh.id, fresh.outs, fresh.inputs, "oob"));
    expect(rd.getId()).toBe("");
  });

  it("delete on a cloud-native instance deletes the backup", async () => {
    const fresh = await create({ instanceId: nativeStd }, "del");
    const before = requestsByAction().DeleteBackup ?? 0;
    await host.call("delete", rq.delete(fresh.id, fresh.outs, "del"));
    expect(requestsByAction().DeleteBackup).toBe(before + 1);
    const file = handle.emulator.alicloud
      .backups(nativeStd)
      .find((b) => String(b.backupId) === fresh.outs.backupId);
    expect(file?.lifecycle).toBe("deleted");
  });

  it("delete on an older cluster succeeds without an API call and says what stays", async () => {
    const fresh = await create({ instanceId: classicCluster }, "cluster");
    expect(fresh.outs.backupIds).toHaveLength(2);
    const before = JSON.stringify(requestsByAction());
    await host.call("delete", rq.delete(fresh.id, fresh.outs, "cluster"));
    expect(JSON.stringify(requestsByAction())).toBe(before);
    const stays =
      /deletes backups only on cloud-native instances: backup \d+,\d+ of r-demo0002 stays until it expires/;
    expect(await host.printed(stays)).toMatch(stays);
  });
});

/** A create on a 1-hour job that stops waiting after about a second: its error and what the engine records. */
async function createThatStopsWaiting(name: string) {
  handle.emulator.alicloud.setJobSeconds(3600);
  try {
    const news = withProvider({ instanceId: nativeStd, waitTimeoutMinutes: 0.02 });
    const err: any = await host.call("create", rq.create(news, name)).catch((e) => e);
    return { err, recorded: initFailureOf(err)! };
  } finally {
    handle.emulator.alicloud.setJobSeconds(0);
  }
}

const jobOf = (id: string) =>
  handle.emulator.alicloud.jobs(nativeStd).find((j) => id === `${nativeStd}:job-${j.jobId}`);
const backupOfJob = (jobId: number) =>
  handle.emulator.alicloud.backups(nativeStd).find((b) => b.jobId === jobId);

it("a create that stops waiting hands the engine the job; refresh, the next up and destroy all work on it", async () => {
  const { err, recorded } = await createThatStopsWaiting("pending");
  expect(err.details).toMatch(
    /^creating Redis backup of r-demo0001: timed out after \d+s waiting for backup job \d+ of r-demo0001; .*; job \d+ was accepted and the stack records it/,
  );
  const { id, properties } = recorded;
  const job = jobOf(id)!;
  expect(job).toBeDefined();
  // What the engine records as outputs: the job, and the provider that must refresh and delete it.
  expect(properties).toMatchObject({
    status: "creating",
    jobId: String(job.jobId),
    __provider: provider.text,
  });
  expect(properties.backupId).toBeUndefined();

  const inputs = { instanceId: nativeStd, waitTimeoutMinutes: 0.02 };
  const running = await read(id, properties, inputs);
  expect(running).toMatchObject({ id, props: { status: "creating" } });
  // The next `pulumi up`: no diff, so the engine's update (the create failed to initialise) completes it.
  expect(await diff(id, running.props, inputs)).toEqual([DIFF.DIFF_NONE, []]);
  handle.emulator.admin.advanceClock(3600);
  const up: any = await host.call("update", rq.update(id, running.props, withProvider(inputs), "pending"));
  const done = js(up.getProperties());
  const file = backupOfJob(job.jobId)!;
  expect(done).toMatchObject({
    backupId: String(file.backupId),
    status: "available",
    __provider: provider.text,
  });
  expect(await read(id, done, inputs)).toMatchObject({ id: `${nativeStd}:${file.backupId}` });

  await host.call("delete", rq.delete(id, done, "pending"));
  expect(backupOfJob(job.jobId)?.lifecycle).toBe("deleted");
  // One CreateBackup, one job, however the engine got there.
  expect(handle.emulator.alicloud.jobs(nativeStd).filter((j) => j.jobId >= job.jobId)).toHaveLength(1);
});

it("destroy of a resource whose create stopped waiting deletes what its job made", async () => {
  const { recorded } = await createThatStopsWaiting("destroyed");
  handle.emulator.admin.advanceClock(3600);
  await host.call("delete", rq.delete(recorded.id, recorded.properties, "destroyed"));
  expect(backupOfJob(jobOf(recorded.id)!.jobId)?.lifecycle).toBe("deleted");
});

it("adopts an existing backup", async () => {
  const first = await create({ instanceId: nativeStd }, "orig");
  const adopted = await create({ instanceId: nativeStd, backupId: first.outs.backupId }, "adopter");
  expect(adopted.id).toBe(first.id);
  expect(adopted.outs).toMatchObject({ backupId: first.outs.backupId, adopted: true });
});

it("an API error reaches the engine with action, instance, code and RequestId", async () => {
  const err: any = await host
    .call("create", rq.create(withProvider({ instanceId: "r-nothere" })))
    .catch((e) => e);
  expect(err.details).toMatch(
    /^creating Redis backup of r-nothere: CreateBackup: InvalidInstanceId\.NotFound: .+ \(RequestId [0-9A-F-]{36}\)$/,
  );
});

it("no credential appears in __provider, outputs or anything the host printed", async () => {
  const { outs } = await create({ instanceId: nativeStd }, "s");
  const seen = [provider.text, JSON.stringify(outs), host.stdout.join("\n"), host.stderr.join("\n")].join(
    "\n",
  );
  for (const canary of canaries) expect(seen).not.toContain(canary);
});
