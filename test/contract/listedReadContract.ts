/**
 * Refreshes through the shared listing (provider/core/sharedListings.ts), the same for every cloud
 * and run per cloud from its fixture (test/<cloud>/listedRead.contract.test.ts): for every state
 * of a backup the emulator can produce, a refresh answered from its instance's listing gives
 * exactly what a refresh of that backup alone gives (id, outputs, inputs, and what it says); the
 * reads of one instance share one listing; a backup the listing does not show is asked about on
 * its own before it is called gone; a write on the instance, or time, makes the listing stale.
 */
import type { Emulator, EmulatorOptions } from "../../emulator";
import { LISTING_FRESH_MS, REFRESH_READS_VARIABLE } from "../../provider/core/sharedListings";
import type { TestDeps } from "../helpers/cloudEnv";
import { timelineOf, useEmulator } from "../helpers/emulator";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A backup as the engine recorded it. */
export interface Recorded {
  id: string;
  props: Record<string, any>;
}

/** The lifecycle functions the suite calls. */
export interface ListedOps {
  create(inputs: any, deps: TestDeps): Promise<{ id: string; outs: any }>;
  read(id: string, props: any, deps: TestDeps): Promise<{ id?: string; props?: any; inputs?: any }>;
}

/** What one cloud brings. */
export interface ListedReadFixture {
  cloud: string;
  ops: ListedOps;
  emulator: EmulatorOptions;
  pointAt(emulator: Emulator): void;
  deps(emulator: Emulator): TestDeps;
  /**
   * Makes one backup in each state (on instances of its own) and returns them as recorded, by
   * the state the emulator has them in now.
   */
  inStates(emulator: Emulator, make: StateMaker): Promise<Record<string, Recorded>>;
  /** A new instance, ready for backups: `name` is 6 to 8 letters and digits. */
  newInstance(emulator: Emulator, name: string): string;
  /** The resource inputs backing up `instance`. */
  inputs(instance: string): Record<string, unknown>;
  deleteBackup(emulator: Emulator, backupId: string): void;
  deleteInstance(emulator: Emulator, instance: string): void;
  setTaskSeconds(emulator: Emulator, seconds: number): void;
  /** The action that lists an instance's backups, and the one a per-backup read asks first. */
  listingAction: string;
  perBackupAction: string;
}

/** The creates a fixture's `inStates` makes its backups with, each recorded as the engine records it. */
export interface StateMaker {
  /** A backup of `instance`, with `extra` inputs. */
  backup(instance: string, extra?: object): Promise<Recorded>;
  /** A backup of `instance` whose create stopped waiting (its task would take 3 hours, the create waits 2 minutes). */
  stoppedWaiting(instance: string): Promise<Recorded>;
  /** A backup of `instance` (with `extra` inputs), then deleted out of band. */
  deletedOutOfBand(instance: string, extra?: object): Promise<Recorded>;
  /** A backup of `instance`, then the instance deleted. */
  orphaned(instance: string): Promise<Recorded>;
}

/** The creates of `f`'s backups on `emulator`, for its `inStates`. */
function stateMaker(f: ListedReadFixture, emulator: Emulator): StateMaker {
  const backup = (instance: string, extra: object = {}) =>
    record(f.ops.create({ ...f.inputs(instance), ...extra }, f.deps(emulator)));
  return {
    backup,
    async stoppedWaiting(instance) {
      f.setTaskSeconds(emulator, 3 * 3600);
      const running = await backup(instance, { waitTimeoutMinutes: 2 });
      f.setTaskSeconds(emulator, 0);
      return running;
    },
    async deletedOutOfBand(instance, extra) {
      const deleted = await backup(instance, extra);
      f.deleteBackup(emulator, deleted.props.backupId);
      return deleted;
    },
    async orphaned(instance) {
      const orphan = await backup(instance);
      f.deleteInstance(emulator, instance);
      return orphan;
    },
  };
}

/** What a create left: its outputs, or what a create that failed after it was accepted had the engine record. */
async function record(create: Promise<{ id: string; outs: any }>): Promise<Recorded> {
  try {
    const { id, outs } = await create;
    return { id, props: outs };
  } catch (e) {
    const left = e as { id?: string; properties?: Record<string, any> };
    if (!left.id || !left.properties) throw e;
    return { id: left.id, props: left.properties };
  }
}

/** A refresh of `r` and what it said. */
async function readOf(ops: ListedOps, r: Recorded, deps: TestDeps) {
  try {
    const result = await ops.read(r.id, structuredClone(r.props), deps);
    return { result, logs: deps.logs };
  } catch (e) {
    return { error: (e as Error).message, logs: deps.logs };
  }
}

export function listedReadContract(f: ListedReadFixture): void {
  const handle = useEmulator(f.emulator);
  const em = () => handle.emulator;
  const deps = () => f.deps(handle.emulator);
  const calls = (action: string) => em().admin.stats().requestsByAction[action] ?? 0;
  /** Calls of the listing and of the per-backup read (Alibaba's are one action: DescribeBackups, by id or not). */
  const asked = () =>
    calls(f.listingAction) + (f.perBackupAction === f.listingAction ? 0 : calls(f.perBackupAction));

  beforeAll(() => f.pointAt(handle.emulator));
  afterEach(() => {
    delete process.env[REFRESH_READS_VARIABLE];
  });

  describe(`${f.cloud}: a refresh from the instance's listing`, () => {
    it("gives, for every state the emulator can produce, exactly what a refresh of the backup alone gives", async () => {
      const inStates = await f.inStates(em(), stateMaker(f, em()));
      const backups = Object.entries(inStates).map(([state, r]) => ({ state, ...r }));

      process.env[REFRESH_READS_VARIABLE] = "per-backup";
      const alone = [];
      for (const b of backups) alone.push(await readOf(f.ops, b, deps()));
      const listingBefore = calls(f.listingAction);

      delete process.env[REFRESH_READS_VARIABLE];
      const listed = await Promise.all(backups.map((b) => readOf(f.ops, b, deps())));

      expect(calls(f.listingAction)).toBeGreaterThan(listingBefore);
      for (const [i, b] of backups.entries()) {
        expect({ state: b.state, ...listed[i] }).toEqual({ state: b.state, ...alone[i] });
      }
      // Not a vacuous comparison: some are still in the stack, some are gone.
      expect(alone.some((r) => r.result?.props !== undefined)).toBe(true);
      expect(alone.some((r) => r.result !== undefined && r.result.props === undefined)).toBe(true);
    });

    it("the reads of one instance share one listing, and ask nothing about each backup", async () => {
      const instance = f.newInstance(em(), "shared1");
      const made: Recorded[] = [];
      for (let i = 0; i < 6; i++) made.push(await record(f.ops.create(f.inputs(instance), deps())));
      const before = asked();
      const read = await Promise.all(made.map((r) => f.ops.read(r.id, r.props, deps())));
      expect(read.map((r) => r.id)).toEqual(made.map((r) => r.id));
      // One page of one listing: read on their own they would have made six calls at least.
      expect(asked() - before).toBe(1);
    });

    it("a backup the listing does not show is asked about on its own before it is called gone", async () => {
      const instance = f.newInstance(em(), "gone001");
      const kept = await record(f.ops.create(f.inputs(instance), deps()));
      const gone = await record(f.ops.create(f.inputs(instance), deps()));
      f.deleteBackup(em(), gone.props.backupId);
      const before = asked();
      const d = deps();
      const [keptRead, goneRead] = await Promise.all([
        f.ops.read(kept.id, kept.props, deps()),
        f.ops.read(gone.id, gone.props, d),
      ]);
      expect(keptRead.id).toBe(kept.id);
      expect(goneRead).toEqual({});
      expect(d.logs.join("\n")).toMatch(/no longer exists/);
      // The listing, then the backup it did not show, asked about on its own.
      expect(asked() - before).toBe(2);
    });

    it("a write on the instance makes its listing stale: the next read lists it again", async () => {
      const instance = f.newInstance(em(), "write01");
      const first = await record(f.ops.create(f.inputs(instance), deps()));
      await f.ops.read(first.id, first.props, deps());
      const later = [
        await record(f.ops.create(f.inputs(instance), deps())),
        await record(f.ops.create(f.inputs(instance), deps())),
      ];
      const before = asked();
      const read = await Promise.all(later.map((r) => f.ops.read(r.id, r.props, deps())));
      expect(read.map((r) => r.id)).toEqual(later.map((r) => r.id));
      // Listed afresh: the stale listing would show neither, and each would be asked about on its own.
      expect(asked() - before).toBe(1);
    });

    it(`a listing answers for ${LISTING_FRESH_MS / 1000} s after it is done, then the instance is listed again`, async () => {
      const instance = f.newInstance(em(), "fresh01");
      const r = await record(f.ops.create(f.inputs(instance), deps()));
      await f.ops.read(r.id, r.props, deps());
      const listing = calls(f.listingAction);
      await f.ops.read(r.id, r.props, deps());
      expect(calls(f.listingAction)).toBe(listing);
      await timelineOf(em()).sleep(LISTING_FRESH_MS + 1_000);
      await f.ops.read(r.id, r.props, deps());
      expect(calls(f.listingAction) - listing).toBe(1);
    });
  });
}
