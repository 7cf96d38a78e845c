/**
 * The scenarios every cloud's RedisBackup shares through Pulumi's own dynamic-provider host
 * (spawned from @pulumi/pulumi and driven over gRPC as the engine drives it), against the
 * emulator, written once and run per cloud from its fixture (test/<cloud>/host.test.ts). The host
 * loads the provider from dist/, so `npm test` builds first. Stack config carries canary keys the
 * emulator accepts; the environment carries decoys. Each scenario takes its own backups.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { existsSync } from "fs";
import { resolve } from "path";
import type * as pulumi from "@pulumi/pulumi";
import type { Emulator, EmulatorOptions } from "../../emulator";
import {
  DIFF,
  DynamicHost,
  UNKNOWN,
  requests,
  serializedProviderOf,
  startDynamicHost,
} from "../helpers/dynamicHost";
import { useEmulator } from "../helpers/emulator";

export interface HostFixture {
  cloud: string;
  /** A RedisBackup of the cloud: its provider is what the host runs. */
  resource(): pulumi.Resource;
  /** The emulator, accepting the canary keys of `config`. */
  emulator: EmulatorOptions;
  /** The host's environment: decoy keys the emulator refuses, and no endpoint. */
  env: Record<string, string | undefined>;
  /** Stack config: the canary keys and the emulator's endpoint. */
  config(emulator: Emulator): Record<string, string>;
  /** Secrets that must appear nowhere. */
  canaries: string[];
  check: { bad: object; failures: [string, RegExp][]; preview: object };
  /** The instance the scenarios back up. */
  instance: string;
  /** The inputs of a backup of `instance`. */
  inputs(): Record<string, unknown>;
  /** The inputs a refresh hands back for `inputs` (with the location a cloud records); default `inputs`. */
  readInputs?(inputs: Record<string, unknown>): Record<string, unknown>;
  /** What a create records beyond its inputs. */
  created(inputs: Record<string, unknown>, outs: Record<string, any>): Record<string, unknown>;
  /** Makes backups take `seconds`, for progress to show. */
  setTaskSeconds(emulator: Emulator, seconds: number): void;
  /** How long the backup of the progress scenario takes, in seconds (of real time: the host's). */
  progressSeconds: number;
  progress: RegExp;
  /** Moves the world past a fresh backup's expiry; returns what undoes it. */
  expire(emulator: Emulator): () => void;
  /** What a refresh records of a backup past its expiry. */
  expired(outs: Record<string, any>): Record<string, unknown>;
  deleteBackup(emulator: Emulator, backupId: string): void;
  /** A create on an instance the vendor does not know, and the error the engine reports. */
  missing: { inputs: object; details: RegExp };
  /** What a test does with a backup so that the host prints what it would print (delete warnings). */
  exercise?(h: HostHandle, id: string, outs: Record<string, any>): Promise<void>;
}

/** What a cloud's own host tests use: the host, the serialized provider, the RPCs as the engine sends them. */
export interface HostHandle {
  readonly em: Emulator;
  readonly host: DynamicHost;
  readonly provider: { type: string; text: string };
  readonly rq: ReturnType<typeof requests>;
  withProvider(inputs: object): object;
  js(struct: any): any;
  /** Check, then Create, as `pulumi up` does. */
  create(inputs: object, name?: string): Promise<{ id: string; outs: Record<string, any>; inputs: any }>;
  read(
    id: string,
    outs: object,
    inputs: object,
    name?: string,
  ): Promise<{ id: string; props: any; inputs: any }>;
  diff(id: string, olds: object, news: object): Promise<[number, string[]]>;
  requestsByAction(): Record<string, number>;
}

/** What a host is started with: the resource whose provider it runs, its emulator, environment and stack config. */
export type HostSetup = Pick<HostFixture, "cloud" | "resource" | "emulator" | "env" | "config">;

/**
 * Registers hooks that run an emulator and Pulumi's dynamic-provider host (configured as the engine
 * would) for the current test file, and returns the handle tests drive it with.
 */
export function useHost(f: HostSetup): HostHandle {
  const emulator = useEmulator(f.emulator);
  let host: DynamicHost;
  let provider: { type: string; text: string };
  let rq: ReturnType<typeof requests>;

  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, `../../dist/provider/${f.cloud}/operations.js`))) {
      throw new Error(`dist/ has no ${f.cloud} provider: run \`npm run build\` first (npm test does)`);
    }
    provider = await serializedProviderOf(f.resource);
    rq = requests(provider.type);
    host = await startDynamicHost({ env: f.env });
    await host.call("configure", rq.configure(f.config(emulator.emulator)));
  });
  afterAll(async () => host?.stop());

  const js = (s: any) => s.toJavaScript();
  const withProvider = (inputs: object) => ({ ...inputs, __provider: provider.text });
  return {
    get em() {
      return emulator.emulator;
    },
    get host() {
      return host;
    },
    get provider() {
      return provider;
    },
    get rq() {
      return rq;
    },
    withProvider,
    js,
    async create(inputs, name = "b") {
      const chk: any = await host.call("check", rq.check({}, withProvider(inputs), name));
      expect(chk.getFailuresList()).toEqual([]);
      const cr: any = await host.call("create", rq.create(js(chk.getInputs()), name));
      return { id: cr.getId() as string, outs: js(cr.getProperties()), inputs: js(chk.getInputs()) };
    },
    async read(id, outs, inputs, name = "b") {
      const rd: any = await host.call("read", rq.read(id, outs, inputs, name));
      const props = rd.getProperties();
      const readInputs = rd.getInputs();
      return { id: rd.getId() as string, props: props && js(props), inputs: readInputs && js(readInputs) };
    },
    async diff(id, olds, news) {
      const df: any = await host.call("diff", rq.diff(id, olds, withProvider(news)));
      return [df.getChanges(), df.getReplacesList()];
    },
    requestsByAction: () => emulator.emulator.admin.stats().requestsByAction,
  };
}

/** The shared scenarios of {@link HostFixture}'s cloud, through the host; returns the handle for the cloud's own. */
export function hostContract(f: HostFixture): HostHandle {
  const h = useHost(f);
  const { withProvider } = h;
  describe(`${f.cloud} through the dynamic-provider host`, () => {
    it("writes a provider type with its module and a __provider of two lines that load it by package name", () => {
      expect(h.provider.type).toBe(`pulumi-nodejs:dynamic/${f.cloud}:RedisBackup`);
      expect(h.provider.text).toContain(`pulumi-redis-backup/internal/${f.cloud}/operations`);
      expect(h.provider.text).toContain(`require("pulumi-redis-backup/internal/lazyProvider")`);
      console.log(
        `serialized ${f.cloud}.RedisBackup provider: ${h.provider.text.length} bytes\n${h.provider.text}`,
      );
      // Stored twice per resource and sent in every request and answer: Pulumi's serialized object was 2.2 KB.
      expect(h.provider.text.length).toBeLessThanOrEqual(256);
    });

    it("check: one CheckFailure per bad property, no API call", async () => {
      const before = JSON.stringify(h.requestsByAction());
      const chk: any = await h.host.call("check", h.rq.check({}, withProvider(f.check.bad)));
      const failures = chk.getFailuresList().map((x: any) => [x.getProperty(), x.getReason()]);
      expect(failures).toEqual(f.check.failures.map(([p, reason]) => [p, expect.stringMatching(reason)]));
      expect(JSON.stringify(h.requestsByAction())).toBe(before);
      const preview: any = await h.host.call("check", h.rq.check({}, withProvider(f.check.preview)));
      expect(preview.getFailuresList()).toEqual([]);
    });

    it("create, reporting progress while it waits", async () => {
      const inputs = f.inputs();
      f.setTaskSeconds(h.em, f.progressSeconds);
      let made;
      try {
        made = await h.create(inputs);
      } finally {
        f.setTaskSeconds(h.em, 0);
      }
      const { id, outs } = made;
      expect(id).toBe(`${f.instance}:${outs.backupId}`);
      expect(outs).toMatchObject({ ...inputs, ...f.created(inputs, outs), __provider: h.provider.text });
      expect(await h.host.printed(f.progress)).toMatch(f.progress);
    });

    it("refresh finds no drift", async () => {
      const inputs = f.inputs();
      const { id, outs } = await h.create(inputs);
      const rd = await h.read(id, outs, inputs);
      expect(rd.id).toBe(id);
      expect(rd.props).toEqual(outs);
      // The host puts __provider back into the inputs, as state needs it.
      expect(rd.inputs).toEqual(withProvider(f.readInputs?.(inputs) ?? inputs));
      expect(await h.diff(id, rd.props, inputs)).toEqual([DIFF.DIFF_NONE, []]);
    });

    it("past its expiry a refresh plans a replacement, unless keepExpired", async () => {
      const inputs = f.inputs();
      const { id, outs } = await h.create(inputs);
      const undo = f.expire(h.em);
      try {
        const rd = await h.read(id, outs, inputs);
        expect(rd.props).toMatchObject(f.expired(outs));
        expect(await h.diff(id, rd.props, inputs)).toEqual([DIFF.DIFF_SOME, ["status"]]);
        expect(await h.diff(id, rd.props, { ...inputs, keepExpired: true })).toEqual([DIFF.DIFF_SOME, []]);
      } finally {
        undo();
      }
    });

    it("deleted out of band: refresh returns an empty id", async () => {
      const fresh = await h.create(f.inputs(), "oob");
      f.deleteBackup(h.em, fresh.outs.backupId);
      expect((await h.read(fresh.id, fresh.outs, fresh.inputs, "oob")).id).toBe("");
    });

    it("adopts an existing backup", async () => {
      const first = await h.create(f.inputs(), "orig");
      const adopted = await h.create({ ...f.inputs(), backupId: first.outs.backupId }, "adopter");
      expect(adopted.id).toBe(first.id);
      expect(adopted.outs).toMatchObject({ backupId: first.outs.backupId, adopted: true });
    });

    it("an API error reaches the engine with action, instance, code and RequestId", async () => {
      const err: any = await h.host
        .call("create", h.rq.create(withProvider(f.missing.inputs)))
        .catch((e) => e);
      expect(err.details).toMatch(f.missing.details);
    });

    it("no credential appears in __provider, outputs or anything the host printed", async () => {
      const { id, outs } = await h.create(f.inputs(), "s");
      await f.exercise?.(h, id, outs);
      const seen = [
        h.provider.text,
        JSON.stringify(outs),
        h.host.stdout.join("\n"),
        h.host.stderr.join("\n"),
      ].join("\n");
      for (const canary of f.canaries) expect(seen).not.toContain(canary);
    });
  });

  return h;
}

export { DIFF, UNKNOWN };
