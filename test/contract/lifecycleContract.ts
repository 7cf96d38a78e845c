/**
 * The lifecycle scenarios every cloud shares, written once and run per cloud from its fixture
 * (test/<cloud>/lifecycle.contract.test.ts): in-process operations over real HTTP against the
 * emulator. Each scenario takes its own backups and depends on no other.
 */
import type { Emulator, EmulatorOptions } from "../../emulator";
import type { TestDeps } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Outputs = Record<string, any> & { backupId: string };

/** What one cloud brings to the shared scenarios. */
export interface LifecycleFixture {
  cloud: string;
  /** The cloud's lifecycle module (`provider/<cloud>/operations`). */
  ops: {
    create(inputs: any, deps: TestDeps): Promise<{ id: string; outs: any }>;
    read(id: string, props: any, deps: TestDeps): Promise<{ id?: string; props?: any; inputs?: any }>;
    update(id: string, olds: any, news: any, deps: TestDeps): Promise<{ outs: any }>;
    remove(id: string, props: any, deps: TestDeps): Promise<void>;
    diff(id: string, olds: any, news: any): { changes: boolean; replaces: string[] };
  };
  emulator: EmulatorOptions;
  /** Points the provider at the emulator (environment variables). */
  pointAt(emulator: Emulator): void;
  deps(emulator: Emulator): TestDeps;
  /** An instance the world has from the start. */
  instance: string;
  /** Makes a new instance id usable: `name` is 6 to 8 letters and digits. */
  newInstance(emulator: Emulator, name: string): string;
  /** The resource inputs backing up `instance`, with `extra` (in the cloud's own names). */
  inputs(instance: string, extra?: { label?: string }): Record<string, unknown>;
  /** What a create records of `label` (the remark or name), read back exactly as written. */
  labelOf?(outs: Outputs): string | undefined;
  backupsOf(emulator: Emulator, instance: string): number;
  /** What creates on `instance` took so far (backups, or Alibaba's jobs): an adoption takes none. */
  takenOf(emulator: Emulator, instance: string): number;
  /** What an adoption records of the backup beyond id and status (its mode, its name at the vendor). */
  adoptedOutputs?(taken: Outputs): Record<string, unknown>;
  deleteBackup(emulator: Emulator, backupId: string): void;
  deleteInstance(emulator: Emulator, instance: string): void;
  setTaskSeconds(emulator: Emulator, seconds: number): void;
  /** Concurrent creates on one instance the scenario takes (Alibaba's take turns: fewer). */
  concurrentCreates: number;
  /** The inputs a refresh gives back for a backup adopted as `backupId` of `instance`. */
  adoptedInputs(instance: string, backupId: string, taken: Outputs): Record<string, unknown>;
  /** The error of adopting a backup id that does not exist. */
  adoptMissing: { backupId: string; message(instance: string): RegExp };
  /** The error of a create on an instance the vendor does not know. */
  missingInstance: { instance: string; message: RegExp };
  /** The error of a create whose wait outlived `waitTimeoutMinutes: 2`. */
  timeout(instance: string): RegExp;
}

export function lifecycleContract(f: LifecycleFixture): void {
  const handle = useEmulator(f.emulator);
  const em = () => handle.emulator;
  const deps = () => f.deps(handle.emulator);

  beforeAll(() => f.pointAt(handle.emulator));

  describe(`${f.cloud}: drift, the backup vanishes`, () => {
    it("deleted out of band → read returns no id, so Pulumi drops it; an update says to refresh", async () => {
      const instance = f.newInstance(em(), "vanish1");
      const { id, outs } = await f.ops.create(f.inputs(instance), deps());
      f.deleteBackup(em(), outs.backupId);
      const d = deps();
      expect(await f.ops.read(id, outs, d)).toEqual({});
      expect(d.logs).toEqual([
        `warn: backup ${outs.backupId} of ${instance} no longer exists; it will be removed from the stack`,
      ]);
      await expect(f.ops.update(id, outs, f.inputs(instance), deps())).rejects.toThrow(
        exactly(
          `updating Redis backup ${outs.backupId} of ${instance}: backup ${outs.backupId} no longer exists; run \`pulumi refresh\``,
        ),
      );
    });

    it("its instance deleted → read returns no id, and delete still succeeds", async () => {
      const instance = f.newInstance(em(), "doomed1");
      const { id, outs } = await f.ops.create(f.inputs(instance), deps());
      f.deleteInstance(em(), instance);
      expect(await f.ops.read(id, outs, deps())).toEqual({});
      await expect(f.ops.remove(id, outs, deps())).resolves.toBeUndefined();
    });
  });

  describe(`${f.cloud}: creates that must not be confused`, () => {
    it("concurrent creates on one instance yield distinct backups, each recorded as written", async () => {
      const instance = f.newInstance(em(), "busy001");
      const results = await Promise.all(
        Array.from({ length: f.concurrentCreates }, () =>
          f.ops.create(f.inputs(instance, { label: "same_label" }), deps()),
        ),
      );
      expect(new Set(results.map((r) => r.outs.backupId)).size).toBe(f.concurrentCreates);
      expect(f.backupsOf(em(), instance)).toBe(f.concurrentCreates);
      if (f.labelOf) expect(results.every((r) => f.labelOf!(r.outs) === "same_label")).toBe(true);
    });

    it("adopting an existing backup takes none and records it; a refresh keeps backupId as an input", async () => {
      const { outs: taken } = await f.ops.create(f.inputs(f.instance, { label: "adopt_me" }), deps());
      const before = f.takenOf(em(), f.instance);
      const r = await f.ops.create({ ...f.inputs(f.instance), backupId: taken.backupId }, deps());
      expect(f.takenOf(em(), f.instance)).toBe(before);
      expect(r.id).toBe(`${f.instance}:${taken.backupId}`);
      expect(r.outs).toMatchObject({ backupId: taken.backupId, adopted: true, status: "available" });
      expect(r.outs).toMatchObject(f.adoptedOutputs?.(taken) ?? {});
      expect(r.outs.expireTime).toBe(taken.expireTime);
      const read = await f.ops.read(r.id, r.outs, deps());
      expect(read.inputs).toEqual(f.adoptedInputs(f.instance, taken.backupId, taken));
      expect(f.ops.diff(r.id, read.props!, read.inputs!).changes).toBe(false);
      // No longer adopting means another backup.
      expect(f.ops.diff(r.id, read.props!, f.inputs(f.instance))).toEqual({
        changes: true,
        replaces: ["backupId"],
      });
    });

    it("adopting a backup that does not exist fails, naming it", async () => {
      await expect(
        f.ops.create({ ...f.inputs(f.instance), backupId: f.adoptMissing.backupId }, deps()),
      ).rejects.toThrow(f.adoptMissing.message(f.instance));
    });
  });

  describe(`${f.cloud}: when create goes wrong`, () => {
    it("a missing instance: the vendor's code, the action and the RequestId", async () => {
      await expect(f.ops.create(f.inputs(f.missingInstance.instance), deps())).rejects.toThrow(
        f.missingInstance.message,
      );
    });

    it("a wait past waitTimeoutMinutes fails with the last status seen, and the engine records what exists", async () => {
      const instance = f.newInstance(em(), "slow001");
      f.setTaskSeconds(em(), 3 * 3600);
      try {
        await expect(
          f.ops.create({ ...f.inputs(instance), waitTimeoutMinutes: 2 }, deps()),
        ).rejects.toMatchObject({
          message: expect.stringMatching(f.timeout(instance)),
          // The backup (or its job) exists, still being made: the engine is told, so it is not forgotten.
          id: expect.stringMatching(new RegExp(`^${instance}:`)),
          properties: expect.objectContaining(f.inputs(instance)),
        });
      } finally {
        f.setTaskSeconds(em(), 45);
        em().admin.advanceClock(3 * 3600);
      }
    });
  });
}

/** A pattern matching `text` and nothing more. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
