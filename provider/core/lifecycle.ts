/**
 * The lifecycle every cloud's RedisBackup shares, as one skeleton: {@link defineLifecycle} turns a
 * cloud's {@link LifecycleAdapter} (its hooks) into the functions its `operations.ts` exports and
 * the dynamic provider calls: configure, check, diff, create, read, update and remove.
 *
 * The skeleton owns what no cloud should write again: ids (`<instance>:<backup>`) and their
 * parsing; what a message says we were doing ("creating Redis backup of X: ..."); the create's
 * deadline; sending the create once (createOnce) and what a create that failed after the vendor
 * accepted it leaves to the engine; a refresh that finds the backup gone; the shared drift rules;
 * an update that acknowledges what a refresh found. A cloud supplies how it connects, takes,
 * waits for, adopts, reads and deletes a backup, and, where it truly differs, its own diff or
 * update.
 */
import type { LifecycleModule } from "./lifecycleModule";
import type { z } from "zod";
import { checkInputs } from "./check";
import { CreateOnceOptions, createOnce } from "./createOnce";
import { OperationDeps, defaultDeps } from "./deps";
import { DiffResult, planDiff } from "./diff";
import { ConfigurationError, NotFoundError, withContext, withNote } from "./errors";
import { GENERATION_KEY, Generational, generationFor, keepGeneration } from "./generation";
import { waitBudgetMs } from "./inputs";
import { Leftover, initFailed } from "./partialCreate";
import { resourceId, splitResourceId } from "./resourceId";
import { setStackConfig } from "./settings";
import { listingReadsEnabled, sharedListings } from "./sharedListings";

/** What every cloud's inputs carry for the shared rules. */
export interface BackupInputs extends Generational {
  backupId?: string;
  waitTimeoutMinutes?: number;
  keepExpired?: boolean;
  triggers?: unknown[];
}

/** What every cloud's recorded outputs carry for the shared rules. */
export interface BackupOutputs extends Generational {
  /** Unset while a create's job has made no backup (Alibaba). */
  backupId?: string;
  status?: string;
  adopted?: boolean;
  triggers?: unknown[];
}

/** What a resource id (with its recorded outputs) points at. */
export interface Target {
  instance: string;
  /** The backup as messages name it: its id, or what stands for it (`(job 123)`). */
  backup: string;
  /** The id names something that is not yet a backup (a job); the id follows the backup once known. */
  pending?: boolean;
}

/** The target of `<instance>:<backupId>`: the backup, named by its id. */
export function backupTarget(id: string, recorded: { instance?: string; backupId?: string }): Target {
  const { instance, key } = splitResourceId(id, recorded);
  return { instance, backup: key };
}

/** A backup a cloud found gone, with the line that says so when the default one would not fit. */
export interface Gone {
  gone: true;
  /** Warned instead of "backup X of Y no longer exists; it will be removed from the stack". */
  why?: string;
}

/** @internal The outcome `current` reports for a backup the vendor no longer has. */
export const gone = (why?: string): Gone => ({ gone: true, why });

const isGone = (v: unknown): v is Gone => typeof v === "object" && v !== null && "gone" in v;

/** Errors of an update that must leave the resource recorded as their outputs (see {@link keepRecorded}). */
const keptOnFailure = new WeakMap<Error, object>();

/**
 * `err`, as an update hook throws it when the resource must stay in the stack as `outputs` (a job
 * still running when the update stopped waiting for it): the engine records them, ErrorResourceInitFailed.
 */
export function keepRecorded<E extends Error>(err: E, outputs: object): E {
  keptOnFailure.set(err, outputs);
  return err;
}

/** What a hook needs: the deps, and the cloud's connection, resolved (settings read) on first use. */
export interface Session<C> {
  readonly deps: OperationDeps;
  readonly connection: C;
}

/** The vendor's create as createOnce sends it; the skeleton adds what it acts on, the deadline and deps. */
export type CreateSpec<S> = Omit<CreateOnceOptions<S>, "target" | "deadline" | "deps">;

export type { ReadResult } from "./lifecycleModule";

/**
 * One cloud's hooks. `I` inputs; `R` what state records (a backup's outputs, or what stands for a
 * backup still being made); `O` a backup's outputs, what create and update return; `C` the
 * connection (settings and client); `M` a backup the vendor made or that is adopted; `S` what an
 * accepted create started; `T` what an id points at.
 */
export interface LifecycleAdapter<
  I extends BackupInputs,
  R extends BackupOutputs,
  C,
  M,
  S,
  T extends Target = Target,
  O extends R = R,
> {
  /** The inputs' zod schema; `check` validates with it. */
  schema: z.ZodObject & z.ZodType<I>;
  /** The input that names the instance: `instanceId`, or UCloud's `groupId`. */
  instanceKey: keyof I & string;
  /** Inputs that name another backup when they change (no vendor modifies a backup's identity). */
  replaceOnChange: readonly string[];
  /** What an id (and what was recorded with it) points at; see {@link backupTarget}. */
  targetOf(id: string, props: Partial<R>): T;
  /** Settings and client for a backup where `inputs`, and what was `recorded`, say it lives. */
  connect(deps: OperationDeps, inputs: I, recorded?: Partial<R>): C;
  /** The backup `inputs.backupId` names, checked usable, instead of taking one. */
  adopt(s: Session<C>, inputs: I): Promise<M>;
  /** The vendor's create: how to send it, and how to find what a lost attempt made. */
  start(s: Session<C>, inputs: I): CreateSpec<S>;
  /** Waits, up to `deadline`, until what `start` began is a backup. */
  waitCreated(s: Session<C>, inputs: I, started: S, deadline: number): Promise<M>;
  /** What a wait that failed after `start` was accepted leaves: what to record, what to say. */
  leftover(s: Session<C>, inputs: I, started: S, err: Error): Promise<Leftover<R>>;
  /** The outputs of a made backup (Tencent reads its full record here). */
  outputsOf(s: Session<C>, inputs: I, made: M): Promise<O>;
  /** What is known of a made backup without another call: recorded when `outputsOf` fails. */
  sketchOf?(s: Session<C>, inputs: I, made: M): R;
  /** Logged once a create is done, e.g. `crs-x: backup 123 available, expires ...`. */
  createdLine(outs: O): string;
  /** The backup as the vendor has it now; undefined or {@link gone} when it no longer exists. */
  current(s: Session<C>, t: T, inputs: I, recorded: R, acknowledge: boolean): Promise<O | Gone | undefined>;
  /**
   * The backup as a listing of its instance shows it, shared by the reads of this process
   * (core/sharedListings.ts): what a refresh tries first. Undefined sends the read to `current`:
   * the listing does not show the backup (only the per-backup call may say it is gone), failed, or
   * what was recorded does not say which listing holds it or lacks what only `current` would give.
   */
  listed?(s: Session<C>, t: T, inputs: I, recorded: R): Promise<O | undefined>;
  /** A refresh of what stands for a backup still being made (`t.pending` with no backup recorded). */
  readPending?(s: Session<C>, t: T, recorded: R): Promise<R | Gone>;
  /** The inputs part of recorded outputs, as a refresh hands them back (so it causes no diff). */
  inputsOf(outs: R): I;
  /** Deletes the backup, or says why it stays. */
  remove(s: Session<C>, t: T, props: R): Promise<void>;
  /** The cloud's own drift rules, refining the shared plan. */
  diff?(olds: R, news: I, planned: DiffResult): DiffResult;
  /** The cloud's own update; `current` is the shared one (the backup now, or NotFound). */
  update?(s: Session<C>, t: T, olds: R, inputs: I, current: () => Promise<O>): Promise<O>;
}

/** What a cloud's `operations.ts` exports: the functions its dynamic provider calls. */
export type Lifecycle<I, R, O extends R = R> = LifecycleModule<I, R, O>;

/** The lifecycle of one cloud's RedisBackup, from its hooks. */
export function defineLifecycle<
  I extends BackupInputs,
  R extends BackupOutputs,
  C,
  M,
  S,
  T extends Target = Target,
  O extends R = R,
>(a: LifecycleAdapter<I, R, C, M, S, T, O>): Lifecycle<I, R, O> {
  const instanceOf = (inputs: I) => String(inputs[a.instanceKey]);
  /** The inputs recorded outputs imply: the cloud's, and the ones every cloud records alike (`triggers`). */
  const inputsOf = (outs: R): I =>
    keepGeneration(
      outs.triggers === undefined ? a.inputsOf(outs) : { ...a.inputsOf(outs), triggers: outs.triggers },
      outs,
    );
  const targetOf = a.targetOf;
  /** Runs a write on `instance`: its listings are stale from its start (those running too) and again once it is done. */
  const writing = async <X>(deps: OperationDeps, instance: string, write: () => Promise<X>): Promise<X> => {
    const listings = sharedListings(deps.timeline);
    listings.invalidate(instance);
    try {
      return await write();
    } finally {
      listings.invalidate(instance);
    }
  };
  /** A refresh's read: through the shared listing first, when the cloud has one and it is not turned off. */
  const refreshed = async (s: Session<C>, t: T, inputs: I, recorded: R) =>
    (a.listed && listingReadsEnabled() ? await a.listed(s, t, inputs, recorded) : undefined) ??
    (await a.current(s, t, inputs, recorded, false));
  const session = (deps: OperationDeps, inputs: I, recorded?: Partial<R>): Session<C> => {
    let connection: C | undefined;
    return {
      deps,
      get connection() {
        return (connection ??= a.connect(deps, inputs, recorded));
      },
    };
  };
  /** Errors of a create that made something, and what the engine must record for them. */
  const leftovers = new WeakMap<Error, { id: string; outputs: R }>();
  const leaving = (err: Error, instance: string, outputs: R, key?: string) => {
    leftovers.set(err, { id: resourceId(instance, key ?? outputs.backupId ?? ""), outputs });
    return err;
  };

  async function take(s: Session<C>, inputs: I, deadline: number): Promise<M> {
    const instance = instanceOf(inputs);
    const started = await createOnce({ ...a.start(s, inputs), target: instance, deadline, deps: s.deps });
    try {
      return await a.waitCreated(s, inputs, started, deadline);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      const left = await a.leftover(s, inputs, started, e);
      if (left.error) throw left.error;
      const err = left.note ? withNote(e, left.note) : e;
      throw left.record ? leaving(err, instance, left.record.outputs, left.record.key) : err;
    }
  }

  async function outputsOfMade(s: Session<C>, inputs: I, made: M): Promise<O> {
    try {
      return await a.outputsOf(s, inputs, made);
    } catch (e) {
      // The backup exists: have the engine record what is known rather than forget it.
      if (a.sketchOf && e instanceof Error) throw leaving(e, instanceOf(inputs), a.sketchOf(s, inputs, made));
      throw e;
    }
  }

  return {
    configure: (config) => setStackConfig(config),
    /** The shared validation; valid inputs get the generation their create's marker derives from (core/generation.ts). */
    check(olds, news) {
      const checked = checkInputs(a.schema, news);
      const generation = checked.inputs && generationFor(olds, news);
      return generation
        ? { ...checked, inputs: { ...checked.inputs, [GENERATION_KEY]: generation } }
        : checked;
    },

    diff(_id, olds, news) {
      const planned = planDiff(olds, news, { replaceOnChange: a.replaceOnChange });
      return a.diff ? a.diff(olds, news, planned) : planned;
    },

    async create(inputs, overrides = {}) {
      const deps = defaultDeps(overrides);
      const instance = instanceOf(inputs);
      const doing = inputs.backupId
        ? `adopting Redis backup ${inputs.backupId} of ${instance}`
        : `creating Redis backup of ${instance}`;
      try {
        // Connected at once: a missing credential is said before anything is sent.
        const s: Session<C> = { deps, connection: a.connect(deps, inputs) };
        const deadline = deps.clock.now() + waitBudgetMs(inputs, deps);
        return await writing(deps, instance, async () => {
          const made = inputs.backupId ? await a.adopt(s, inputs) : await take(s, inputs, deadline);
          const outs = keepGeneration(await outputsOfMade(s, inputs, made), inputs);
          deps.reporter.info(a.createdLine(outs));
          return { id: resourceId(instance, outs.backupId ?? ""), outs };
        });
      } catch (e) {
        const left = e instanceof Error ? leftovers.get(e) : undefined;
        const err = withContext(doing, e);
        throw left && err instanceof Error
          ? initFailed(err, left.id, keepGeneration(left.outputs, inputs))
          : err;
      }
    },

    /** Refresh: the backup as the vendor has it now; an empty result when it is gone. */
    async read(id, props, overrides = {}) {
      const deps = defaultDeps(overrides);
      const t = targetOf(id, props ?? {});
      try {
        if (!props) throw new ConfigurationError("nothing was recorded for it; run `pulumi up` first");
        const inputs = inputsOf(props);
        const s = session(deps, inputs, props);
        const outs =
          t.pending && props.backupId === undefined && a.readPending
            ? await a.readPending(s, t, props)
            : await refreshed(s, t, inputs, props);
        if (outs === undefined || isGone(outs)) {
          deps.reporter.warn(
            (outs && outs.why) ??
              `backup ${t.backup} of ${t.instance} no longer exists; it will be removed from the stack`,
          );
          return {};
        }
        // An id naming a job gives way to the usual one once the backup is known.
        const readId = t.pending && outs.backupId ? resourceId(t.instance, outs.backupId) : id;
        const kept = keepGeneration(outs, props);
        return { id: readId, props: kept, inputs: inputsOf(kept) };
      } catch (e) {
        throw withContext(`reading Redis backup ${t.backup} of ${t.instance}`, e);
      }
    },

    /** Update: acknowledges what a refresh found (or the cloud's own update) and returns the full outputs. */
    async update(id, olds, news, overrides = {}) {
      const deps = defaultDeps(overrides);
      const t = targetOf(id, olds);
      try {
        const inputs = { ...news, [a.instanceKey]: t.instance };
        const s = session(deps, inputs, olds);
        const current = async () => {
          const outs = await a.current(s, t, inputs, olds, true);
          if (outs === undefined || isGone(outs)) {
            throw new NotFoundError(`backup ${t.backup} no longer exists; run \`pulumi refresh\``);
          }
          return outs;
        };
        return await writing(deps, t.instance, async () => {
          const outs = a.update ? await a.update(s, t, olds, inputs, current) : await current();
          return { outs: keepGeneration(outs, olds) };
        });
      } catch (e) {
        const kept = e instanceof Error ? keptOnFailure.get(e) : undefined;
        const err = withContext(`updating Redis backup ${t.backup} of ${t.instance}`, e);
        throw kept && err instanceof Error ? initFailed(err, id, kept) : err;
      }
    },

    async remove(id, props, overrides = {}) {
      const deps = defaultDeps(overrides);
      const t = targetOf(id, props);
      try {
        await writing(deps, t.instance, () => a.remove(session(deps, inputsOf(props), props), t, props));
      } catch (e) {
        throw withContext(`deleting Redis backup ${t.backup} of ${t.instance}`, e);
      }
    },
  };
}
