/**
 * What a create's marker is derived from, so that a backup can be traced back to the resource
 * that made it from the cloud alone, after the fact (a `pulumi up` killed mid-create leaves the
 * engine a pending CREATE and no id; see `pulumi-redis-backup recover`).
 *
 * The dynamic-provider host hands `create` its inputs only, but `check` runs first and what it
 * returns is what the engine stores as inputs (in the pending operation too). So `check` writes a
 * generation there: for a resource with no recorded inputs, a hash of who declares it (project,
 * stack and resource name, which the program passes as `__createdBy`); for one already recorded,
 * the hash of the recorded generation. Every `check` of a recorded resource moves the chain one
 * step, so a replacement (any cause: inputs, triggers, expiry, `--replace`) never creates under the
 * marker of the backup it replaces, while a `pulumi up` run again after an interrupted one checks
 * the same recorded inputs and gets the same generation as the interrupted attempt. The value is a
 * pure function of what the engine keeps, so a preview and the `up` after it agree, and no diff
 * rule reads it: stacks written before it existed plan no change.
 */
import { createHash } from "crypto";

/** The input a program passes (`<project>/<stack>/<name>`); `check` consumes it. */
export const CREATED_BY_KEY = "__createdBy";
/** The input (and output) that holds the generation, 16 hex digits. */
export const GENERATION_KEY = "__generation";

/** The generation inputs hold, if any. */
export interface Generational {
  __generation?: string;
}

const hash16 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** The first generation of the resource `createdBy` names (`<project>/<stack>/<name>`). */
export function firstGeneration(createdBy: string): string {
  return hash16(`pulumi-redis-backup first ${createdBy}`);
}

/** The generation after `generation`. */
export function nextGeneration(generation: string): string {
  return hash16(`pulumi-redis-backup next ${generation}`);
}

const isGeneration = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{16}$/.test(v);

/**
 * The generation the engine's last `check` with recorded inputs gave each resource in this process,
 * by who declares it. A replacement is checked twice: once with the recorded inputs (its diff), then
 * again with none (the replacement's own inputs, as for fresh auto-names); the second check takes
 * the first's generation from here, so a replacement never creates under its predecessor's marker.
 * It holds resource names and hashes only, for one command (a provider process lives no longer).
 */
const checkedWithRecorded = new Map<string, string>();

const hasKeys = (v: unknown) => typeof v === "object" && v !== null && Object.keys(v).length > 0;

/**
 * The generation `check` records for new inputs: the next one after the recorded inputs' (`olds`);
 * for a replacement's second check (no olds), the one its first check gave; the first one when
 * nothing is recorded; none when the program did not say who declares it.
 */
export function generationFor(olds: unknown, news: unknown): string | undefined {
  const recorded = (olds as Record<string, unknown> | null | undefined)?.[GENERATION_KEY];
  const by = (news as Record<string, unknown> | null | undefined)?.[CREATED_BY_KEY];
  const createdBy = typeof by === "string" && by !== "" ? by : undefined;
  if (isGeneration(recorded)) {
    const next = nextGeneration(recorded);
    if (createdBy) checkedWithRecorded.set(createdBy, next);
    return next;
  }
  if (!createdBy) return undefined;
  if (hasKeys(olds)) {
    // Recorded before generations existed: the first one, and the replacement's check takes it too.
    checkedWithRecorded.set(createdBy, firstGeneration(createdBy));
    return firstGeneration(createdBy);
  }
  return checkedWithRecorded.get(createdBy) ?? firstGeneration(createdBy);
}

/** The first `length` hex digits a create's marker takes from a generation (undefined: none recorded). */
export function markerOf(inputs: Generational, length: number): string | undefined {
  return isGeneration(inputs.__generation) ? inputs.__generation.slice(0, length) : undefined;
}

/** `outs` with the generation of `from` (nothing added when `from` has none). */
export function keepGeneration<O extends object>(outs: O, from: Generational | undefined): O {
  // Assigned, not spread into a literal with one more key: every read does this (see definedOver).
  return from && isGeneration(from.__generation)
    ? Object.assign({}, outs, { __generation: from.__generation })
    : outs;
}
