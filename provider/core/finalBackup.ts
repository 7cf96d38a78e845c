/**
 * The lifecycle every cloud's FinalBackup shares: a resource that takes its backup when it is
 * *deleted*. Declared next to an instance, with the instance's id as its input, the engine deletes
 * it before the instance (on `pulumi destroy`, and before the old instance when the instance is
 * replaced), so the backup is taken while the data still exists.
 *
 * - create records the intent and checks that the instance exists; no backup is taken;
 * - read notices an instance that is gone (the FinalBackup leaves the stack: nothing is left to back up);
 * - update changes what the future backup will be (note, retention, wait, `skip`), never the instance;
 * - delete takes the backup through the cloud's own RedisBackup create (the same sending-once,
 *   waiting and errors) and waits until it is available; when it cannot be taken the delete
 *   fails, and the engine deletes nothing that depends on it: the instance stays. `skip: true`
 *   (applied by a `pulumi up` before the destroy) deletes without a backup, as Terraform's
 *   `skip_final_snapshot` does. An instance already released (gone, or in the vendor's recycle
 *   bin) can be backed up no more: that delete succeeds and says so.
 *
 * A cloud supplies how it connects, how it learns whether the instance exists, the RedisBackup
 * inputs a final backup is taken with (its label in the vendor's words), and how it lists them.
 */
import type { LifecycleModule } from "./lifecycleModule";
import type { z } from "zod";
import { checkInputs } from "./check";
import { OperationDeps, defaultDeps } from "./deps";
import { sharedListings } from "./sharedListings";
import { planDiff } from "./diff";
import { NotFoundError, OperationFailedError, withContext, withNote } from "./errors";
import {
  FinalBackupLabel,
  FinalBackupOrigin,
  FinalBackupRecord,
  finalBackupLabel,
  takenBy,
} from "./finalBackupLabel";
import type { BackupOutputs, Session } from "./lifecycle";
import { setStackConfig } from "./settings";
import { stripUndefined } from "./stripUndefined";

/** What every cloud's FinalBackup inputs carry for the shared rules. */
export interface FinalBackupInputs extends FinalBackupOrigin {
  skip?: boolean;
  waitTimeoutMinutes?: number;
}

/** Whether a final backup can be taken of the instance now. */
export type InstanceAvailability = { state: "available"; status?: string } | { state: "gone"; why: string };

/** What a FinalBackup records: its inputs, and when it was created. */
export type FinalBackupOutputs<I> = I & {
  /** When the FinalBackup was created (ISO 8601 UTC): the final backup is taken at its deletion. */
  armedAt: string;
};

/** The outputs of the backup a final backup's create made: what the delete logs. */
interface MadeBackup extends BackupOutputs {
  expireTime?: string;
}

/** One cloud's hooks. `I` inputs; `C` the connection. */
export interface FinalBackupAdapter<I extends FinalBackupInputs, C> {
  /** `tencentcloud`, `alicloud` or `ucloud`: named in the hint to find final backups later. */
  cloud: string;
  schema: z.ZodObject & z.ZodType<I>;
  /** The input that names the instance: `instanceId`, or UCloud's `groupId`. */
  instanceKey: keyof I & string;
  /** Inputs that name another instance (or place) when they change; every other input changes in place. */
  replaceOnChange: readonly string[];
  connect(deps: OperationDeps, inputs: I): C;
  /** Whether a backup can be taken of the instance now. */
  instance(s: Session<C>, inputs: I): Promise<InstanceAvailability>;
  /** The cloud's RedisBackup inputs the final backup is taken with, labelled with `label`. */
  backupInputs(inputs: I, label: FinalBackupLabel): object;
  /** The cloud's RedisBackup create, loaded when a final backup is taken. */
  createBackup(inputs: object, deps: Partial<OperationDeps>): Promise<{ outs: MadeBackup }>;
  /** Why a refused backup means the instance was released meanwhile (a vendor code), else undefined. */
  releasedBy?(e: unknown): string | undefined;
  /** The final backups of the instance `inputs` name, as the cloud lists them. */
  list(s: Session<C>, inputs: I): Promise<FinalBackupRecord[]>;
}

/** What a cloud's `finalOperations.ts` exports: the functions its dynamic provider calls, and the CLI's listing. */
export interface FinalBackupLifecycle<I, O = FinalBackupOutputs<I>> extends LifecycleModule<I, O> {
  /** The final backups of the instance `inputs` name (instance and location), from the cloud. */
  listFinalBackups(inputs: I, overrides?: Partial<OperationDeps>): Promise<FinalBackupRecord[]>;
}

/** The resource id of a FinalBackup of `instance`. */
export const finalBackupId = (instance: string) => `${instance}:final-backup`;

/** The lifecycle of one cloud's FinalBackup, from its hooks. */
export function defineFinalBackupLifecycle<I extends FinalBackupInputs, C>(
  a: FinalBackupAdapter<I, C>,
): FinalBackupLifecycle<I> {
  type O = FinalBackupOutputs<I>;
  const instanceOf = (inputs: I) => String(inputs[a.instanceKey]);
  const keys = Object.keys(a.schema.shape);
  const inPlace = keys.filter((k) => !a.replaceOnChange.includes(k));
  const inputsOf = (outs: O): I =>
    stripUndefined(
      Object.fromEntries(keys.map((k) => [k, (outs as unknown as Record<string, unknown>)[k]])),
    ) as unknown as I;
  const session = (deps: OperationDeps, inputs: I): Session<C> => {
    let connection: C | undefined;
    return {
      deps,
      get connection() {
        return (connection ??= a.connect(deps, inputs));
      },
    };
  };
  const whose = (o: FinalBackupOrigin) => `FinalBackup "${o.resourceName ?? "?"}"`;
  const finder = (instance: string) =>
    `\`pulumi-redis-backup final-backups --cloud ${a.cloud} --instance ${instance}\``;

  /** Takes the final backup; a refusal that says the instance was released meanwhile is no failure. */
  async function take(s: Session<C>, props: O, instance: string): Promise<void> {
    const { deps } = s;
    const label = finalBackupLabel(props, instance, deps.clock.now());
    deps.reporter.info(
      `${instance}: taking the final backup before it is deleted (${whose(props)} of stack ${label.project ?? "?"}/${label.stack ?? "?"})`,
    );
    let made: MadeBackup;
    try {
      made = (await a.createBackup(a.backupInputs(props, label), deps)).outs;
    } catch (e) {
      const released = a.releasedBy?.(e);
      if (released) {
        deps.reporter.warn(`no final backup of ${instance} was taken: it has been released (${released})`);
        return;
      }
      const err = e instanceof Error ? stripInitFailure(e) : e;
      throw err instanceof Error
        ? withNote(
            err,
            `no final backup of ${instance} was taken, so this deletion stops here and the engine deletes ` +
              `nothing that depends on it: ${instance} is not deleted. Fix the cause and run the command ` +
              `again, or set skip: true on ${whose(props)} and run \`pulumi up\` to delete without a final backup`,
          )
        : err;
    }
    deps.reporter.info(
      `${instance}: final backup ${made.backupId} ${made.status ?? "available"}, ` +
        (made.expireTime ? `expires ${made.expireTime}` : "kept as the cloud's backup policy decides") +
        `; taken by ${takenBy(label)}; list final backups with ${finder(instance)}`,
    );
  }

  return {
    configure: (config) => setStackConfig(config),
    check: (_olds, news) => checkInputs(a.schema, news),

    diff: (_id, olds, news) =>
      planDiff(olds as object, news as object, {
        replaceOnChange: a.replaceOnChange,
        updateInPlace: inPlace,
      }),

    async create(inputs, overrides = {}) {
      const deps = defaultDeps(overrides);
      const instance = instanceOf(inputs);
      try {
        const found = await a.instance({ deps, connection: a.connect(deps, inputs) }, inputs);
        if (found.state === "gone") {
          throw new NotFoundError(
            `${found.why}: a final backup can be taken only of an instance that exists`,
          );
        }
        deps.reporter.info(
          `${instance}: final backup armed by ${whose(inputs)}: it is taken when this resource is deleted` +
            (inputs.skip ? " (skip: true: it will not be)" : ""),
        );
        const armedAt = `${new Date(deps.clock.now()).toISOString().slice(0, 19)}Z`;
        const outs = { ...stripUndefined(inputs), armedAt } as O;
        return { id: finalBackupId(instance), outs };
      } catch (e) {
        throw withContext(`arming the final backup of ${instance}`, e);
      }
    },

    /** Refresh: an instance that is gone takes the FinalBackup out of the stack (nothing is left to back up). */
    async read(id, props, overrides = {}) {
      const deps = defaultDeps(overrides);
      if (!props) return {};
      const inputs = inputsOf(props);
      const instance = instanceOf(inputs);
      try {
        const found = await a.instance(session(deps, inputs), inputs);
        if (found.state === "gone") {
          deps.reporter.warn(
            `${found.why}: ${whose(inputs)} can take no final backup of it; it will be removed from the stack`,
          );
          return {};
        }
        return { id, props, inputs };
      } catch (e) {
        throw withContext(`reading the final backup of ${instance}`, e);
      }
    },

    /** Only what the future backup will be changes (and `skip`); no call is made. */
    async update(_id, olds, news, overrides = {}) {
      const deps = defaultDeps(overrides);
      const instance = instanceOf(news);
      if ((olds.skip === true) !== (news.skip === true)) {
        deps.reporter.info(
          news.skip
            ? `${instance}: skip: true: deleting ${whose(news)} will take no final backup`
            : `${instance}: deleting ${whose(news)} will take a final backup again`,
        );
      }
      const outs = { ...stripUndefined(news), armedAt: olds.armedAt } as O;
      return { outs };
    },

    async remove(_id, props, overrides = {}) {
      const deps = defaultDeps(overrides);
      const inputs = inputsOf(props);
      const instance = instanceOf(inputs);
      try {
        if (inputs.skip) {
          deps.reporter.warn(`no final backup of ${instance} was taken: skip: true on ${whose(inputs)}`);
          return;
        }
        const s = session(deps, inputs);
        const found = await a.instance(s, inputs);
        if (found.state === "gone") {
          deps.reporter.warn(`no final backup of ${instance} was taken: ${found.why}`);
          return;
        }
        // A backup taken on the instance: the listings this process holds of it are stale.
        sharedListings(deps.timeline).invalidate(instance);
        try {
          await take(s, { ...props, ...inputs }, instance);
        } finally {
          sharedListings(deps.timeline).invalidate(instance);
        }
      } catch (e) {
        throw withContext(`taking the final backup of ${instance}`, e);
      }
    },

    async listFinalBackups(inputs, overrides = {}) {
      const deps = defaultDeps(overrides);
      const instance = instanceOf(inputs);
      try {
        return await a.list(session(deps, inputs), inputs);
      } catch (e) {
        throw withContext(`listing the final backups of ${instance}`, e);
      }
    },
  };
}

/**
 * A create that made a backup but failed waiting for it carries what the engine should record
 * (and may say so); a delete records nothing, so the error says in words what exists instead.
 */
function stripInitFailure(e: Error): Error {
  const f = e as Error & { id?: unknown; properties?: unknown };
  if (f.properties === undefined) return e;
  return new OperationFailedError(
    `${e.message} (for a final backup nothing is recorded: ${String(f.id)} exists and may still complete; ` +
      "look for it with `pulumi-redis-backup final-backups` before running again)",
  );
}
