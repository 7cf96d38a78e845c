/**
 * After a `pulumi up` was killed mid-create, the engine keeps a pending CREATE (its URN and the
 * inputs `check` returned) and no id. What each cloud's create made is found here from the cloud
 * alone: on Tencent and UCloud by the marker the inputs' generation derives (core/generation.ts),
 * on Alibaba, which stores no user text on a backup, by the job and its time, as the create itself
 * tells its jobs apart. `pulumi-redis-backup recover` prints what to do with each finding.
 */
import type { z } from "zod";
import { checkInputs } from "./check";
import type { OperationDeps } from "./deps";
import { ConfigurationError } from "./errors";
import { Generational, keepGeneration } from "./generation";

/** One pending create of a RedisBackup, as a stack export records it. */
export interface PendingCreate {
  urn: string;
  /** The resource name, the URN's last part. */
  name: string;
  /** The inputs `check` returned (the generation among them, `__provider` too). */
  inputs: Record<string, unknown>;
}

/** What the rest of the export tells about a pending create. */
export interface RecoverContext {
  /**
   * The earliest the create can have started, by the server's clock: the export's last write,
   * less the longest a create runs (its wait, and a margin). Alibaba's attribution needs it.
   */
  startedAfterMs: number;
  /** Every backup and job id the stack records for the instance (none of them is the one sought). */
  recorded: Set<string>;
  /** The clock, reporter and the like; what is not given is the process's own. */
  deps: Partial<OperationDeps>;
}

/**
 * What a pending create made, as the cloud has it now:
 * - `one`: this backup (or job), to record under `id` with `outputs` (a refresh completes them);
 * - `none`: nothing was made (killed before the call, or the call never reached the cloud);
 * - `several`: more than one candidate, listed; nothing is recorded on a guess;
 * - `unknown`: it cannot be told (no marker was recorded), with why.
 */
export type Finding =
  | { made: "one"; id: string; outputs: Record<string, unknown>; what: string }
  | { made: "none"; what: string }
  | { made: "several"; candidates: string[]; what: string }
  | { made: "unknown"; what: string };

/** How one cloud finds what a pending create made. */
export type FindMade = (pending: PendingCreate, context: RecoverContext) => Promise<Finding>;

/**
 * The pending create's inputs as its resource's `schema` reads them, with the generation `check`
 * gave them. An export is a file: another release may have written it, a person may have edited
 * it. What the schema does not know is left aside (the find needs none of it); a property that
 * does not check throws a ConfigurationError that names it, before any call to the cloud.
 */
export function pendingInputs<S extends z.ZodObject>(
  schema: S,
  pending: PendingCreate,
): z.output<S> & Generational {
  const known = Object.keys(schema.shape);
  const checked = checkInputs(
    schema,
    Object.fromEntries(Object.entries(pending.inputs).filter(([k]) => known.includes(k))),
  );
  if (!checked.inputs) {
    const why = checked.failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason));
    throw new ConfigurationError(`its recorded inputs do not check: ${why.join("; ")}`);
  }
  const generation = pending.inputs.__generation;
  return keepGeneration(checked.inputs, {
    __generation: typeof generation === "string" ? generation : undefined,
  });
}

/** The finding for a list of marked backups (`describe` names one for the user). */
export function byMarker<B>(
  found: B[],
  marker: string,
  one: (b: B) => Finding & { made: "one" },
  describe: (b: B) => string,
): Finding {
  if (found.length === 0) return { made: "none", what: `no backup carries marker ${marker}` };
  if (found.length > 1) {
    return {
      made: "several",
      candidates: found.map(describe),
      what: `${found.length} backups carry marker ${marker}`,
    };
  }
  return one(found[0]);
}

/** The recorded outputs of a found backup before a refresh reads it: the inputs, and what names it. */
export function recordedAs(pending: PendingCreate, found: object): Record<string, unknown> {
  return { ...pending.inputs, ...found };
}
