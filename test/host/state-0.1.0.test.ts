/**
 * Stacks written by release 0.1.0 keep working. `test/fixtures/state-0.1.0` holds what that release
 * recorded for each cloud's RedisBackup (its serialized `__provider`, ids, inputs, outputs, and an
 * Alibaba job still running when its create stopped waiting), captured before the lifecycle
 * refactor. Pulumi's own dynamic-provider host, given exactly that `__provider`, reads, diffs and
 * deletes every recorded backup against the emulator, through the package installed now.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { EmulatorOptions } from "../../emulator";
import state from "../fixtures/state-0.1.0/state.json";
import { CAPTURE_WORLD } from "../fixtures/state-0.1.0/world";
import { DIFF, DynamicHost, requests, startDynamicHost } from "../helpers/dynamicHost";
import { useEmulator } from "../helpers/emulator";

type Cloud = keyof typeof state.providers;
type Recorded = { cloud: Cloud; name: string; id: string; inputs: any; outputs: any };
const resources = state.resources as Recorded[];
const recorded = (name: string) => resources.find((r) => r.name === name)!;

const orders = recorded("orders");
const catalog = recorded("catalog");
const pending = recorded("pending");
const cache = recorded("cache");

/** The capture's world, with the recorded backups in it (the pending job has finished meanwhile). */
const world: EmulatorOptions = {
  ...CAPTURE_WORLD,
  instances: [
    {
      ...CAPTURE_WORLD.instances![0],
      backups: [
        {
          backupId: orders.outputs.backupId,
          remark: orders.outputs.remark,
          backupType: "0",
          startedHoursAgo: 1,
          storageDays: orders.outputs.storageDays,
        },
      ],
    },
  ],
  alicloud: {
    ...CAPTURE_WORLD.alicloud,
    instances: [
      {
        ...CAPTURE_WORLD.alicloud!.instances![0],
        backups: [
          {
            backupId: Number(catalog.outputs.backupId),
            mode: "Manual",
            startedHoursAgo: 1,
            retentionDays: 30,
          },
        ],
      },
      {
        ...CAPTURE_WORLD.alicloud!.instances![1],
        backups: [
          {
            jobId: Number(pending.outputs.jobId),
            backupId: 222_222_222,
            mode: "Manual",
            startedHoursAgo: 1,
            retentionDays: 7,
          },
        ],
      },
    ],
  },
  ucloud: {
    ...CAPTURE_WORLD.ucloud,
    groups: [
      {
        ...CAPTURE_WORLD.ucloud!.groups![0],
        backups: [
          {
            backupId: cache.outputs.backupId,
            backupName: cache.outputs.ucloudBackupName,
            backupType: "Manual",
            takenHoursAgo: 1,
          },
        ],
      },
    ],
  },
};

const handle = useEmulator(world);
const em = () => handle.emulator;
let host: DynamicHost;

beforeAll(async () => {
  const url = em().url;
  host = await startDynamicHost({
    env: {
      TENCENTCLOUD_ENDPOINT: url,
      TENCENTCLOUD_SECRET_ID: "AKIDEMULATOR00000000000000000000EXAMPLE",
      TENCENTCLOUD_SECRET_KEY: "EmulatorSecretKey000000000000EXAMPLE",
      TENCENTCLOUD_REGION: "ap-guangzhou",
      ALIBABA_CLOUD_ENDPOINT: `${url}/alicloud`,
      ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tEmulatorDemoKey01",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "emulator-only-alicloud-secret-0001",
      ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
      UCLOUD_ENDPOINT: `${url}/ucloud`,
      UCLOUD_PUBLIC_KEY: "emulator-public-key@example.com0000000000000000000",
      UCLOUD_PRIVATE_KEY: "emulatorprivatekey0000000000000000000000",
      UCLOUD_REGION: "cn-bj2",
    },
  });
  await host.call("configure", requests(state.providers.tencentcloud.type).configure({}));
});
afterAll(async () => host?.stop());

const js = (s: any) => s.toJavaScript();

/** The RPCs of one recorded resource, carrying the `__provider` 0.1.0 wrote. */
function engineFor(r: Recorded) {
  const provider = state.providers[r.cloud];
  const rq = requests(provider.type);
  const withProvider = (o: object) => ({ ...o, __provider: provider.text });
  return {
    provider,
    withProvider,
    read: async (id: string, outs: object, inputs: object) => {
      const rd: any = await host.call("read", rq.read(id, withProvider(outs), withProvider(inputs), r.name));
      return { id: rd.getId() as string, props: js(rd.getProperties()), inputs: js(rd.getInputs()) };
    },
    diff: async (id: string, olds: object, news: object) => {
      const df: any = await host.call("diff", rq.diff(id, withProvider(olds), withProvider(news), r.name));
      return [df.getChanges(), df.getReplacesList()];
    },
    remove: (id: string, outs: object) => host.call("delete", rq.delete(id, withProvider(outs), r.name)),
  };
}

/** The next `pulumi up` plans nothing, from the state 0.1.0 wrote or from the refreshed one. */
async function expectNoPlan(e: ReturnType<typeof engineFor>, r: Recorded, rd: { id: string; props: object }) {
  expect(await e.diff(r.id, r.outputs, r.inputs)).toEqual([DIFF.DIFF_NONE, []]);
  expect(await e.diff(rd.id, rd.props, r.inputs)).toEqual([DIFF.DIFF_NONE, []]);
}

/**
 * Refreshes `r` through the provider 0.1.0 serialized: the read keeps its id (or takes `expected.id`),
 * gives `expected.props` and the inputs recorded (or `expected.inputs`), and the next up plans nothing.
 */
async function refreshWithoutPlan(
  r: Recorded,
  expected: { id?: string; props: object; inputs?: object },
): Promise<ReturnType<typeof engineFor>> {
  const e = engineFor(r);
  const rd = await e.read(r.id, r.outputs, r.inputs);
  expect(rd.id).toBe(expected.id ?? r.id);
  expect(rd.props).toMatchObject({ ...expected.props, __provider: e.provider.text });
  expect(rd.inputs).toEqual(e.withProvider(expected.inputs ?? r.inputs));
  await expectNoPlan(e, r, rd);
  return e;
}

it.each(Object.entries(state.providers))(
  "the %s provider 0.1.0 serialized is under 4 KiB and names the operations module",
  (cloud, provider) => {
    expect(provider.type).toBe(`pulumi-nodejs:dynamic/${cloud}:RedisBackup`);
    expect(provider.text.length).toBeLessThanOrEqual(4096);
    expect(provider.text).toContain(`"pulumi-redis-backup/internal/${cloud}/operations"`);
  },
);

it("tencentcloud: refresh finds no drift, the next up plans nothing, destroy says the backup stays", async () => {
  // The times are the re-seeded world's (its backup started an hour ago). 0.1.0 recorded no
  // BackupType code, so the first refresh reads the listing once: the type comes from there now,
  // its code beside it; outputs only, so nothing is planned.
  expect(orders.outputs.backupTypeCode).toBeUndefined();
  const e = await refreshWithoutPlan(orders, {
    props: {
      ...orders.outputs,
      startTime: expect.any(String),
      endTime: expect.any(String),
      expireTime: expect.any(String),
      backupType: "manual",
      backupTypeCode: "0",
    },
  });
  const calls = JSON.stringify(em().admin.stats().requestsByAction);
  await e.remove(orders.id, orders.outputs);
  expect(JSON.stringify(em().admin.stats().requestsByAction)).toBe(calls);
  const stays = new RegExp(`backup ${orders.outputs.backupId} of crs-compat01 stays until it expires`);
  expect(await host.printed(stays)).toMatch(stays);
});

it("alicloud: refresh finds no drift, the next up plans nothing, destroy deletes the backup", async () => {
  const e = await refreshWithoutPlan(catalog, {
    props: {
      instanceId: "r-compat01",
      backupId: catalog.outputs.backupId,
      backupIds: catalog.outputs.backupIds,
      status: "available",
      mode: "Manual",
      region: "cn-hangzhou",
      retentionDays: 30,
    },
  });
  await e.remove(catalog.id, catalog.outputs);
  const file = em()
    .alicloud.backups("r-compat01")
    .find((b) => String(b.backupId) === catalog.outputs.backupId);
  expect(file?.lifecycle).toBe("deleted");
});

it("alicloud, a job recorded as <instance>:job-<id>: refresh finds its backup, diff plans nothing, destroy deletes what it made", async () => {
  expect(pending.id).toMatch(/^r-compat02:job-\d+$/);
  const [file] = em().alicloud.backups("r-compat02");
  expect(file.jobId).toBe(Number(pending.outputs.jobId));
  const e = await refreshWithoutPlan(pending, {
    id: `r-compat02:${file.backupId}`,
    props: {
      backupId: String(file.backupId),
      jobId: pending.outputs.jobId,
      status: "available",
    },
  });
  await e.remove(pending.id, pending.outputs);
  expect(em().alicloud.backups("r-compat02")).toEqual([expect.objectContaining({ lifecycle: "deleted" })]);
});

it("ucloud: refresh finds no drift, the next up plans nothing, destroy deletes the backup", async () => {
  const e = await refreshWithoutPlan(cache, {
    props: {
      ...cache.outputs,
      backupTime: expect.any(String),
    },
    inputs: { ...cache.inputs, region: "cn-bj2", zone: "cn-bj2-04" },
  });
  await e.remove(cache.id, cache.outputs);
  expect(
    em()
      .ucloud.backups("uredis-compat1")
      .find((b) => b.backupId === cache.outputs.backupId)?.deleted,
  ).toBe(true);
});
