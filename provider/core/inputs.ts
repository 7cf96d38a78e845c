/** Inputs every cloud's RedisBackup takes, with the same rules and the same words. */
import { z } from "zod";
import { triggersInput } from "./triggers";

/** How long create may wait, unless `waitTimeoutMinutes` says otherwise (the same for every cloud). */
export const DEFAULT_WAIT_TIMEOUT_MINUTES = 30;

/** How long a create (or the update or delete that completes it) may wait, in milliseconds. */
export function waitTimeoutMs(inputs: { waitTimeoutMinutes?: number }): number {
  return (inputs.waitTimeoutMinutes ?? DEFAULT_WAIT_TIMEOUT_MINUTES) * 60_000;
}

/** How long an operation may wait: the engine's `customTimeouts` when it sent one, else {@link waitTimeoutMs}. */
export function waitBudgetMs(inputs: { waitTimeoutMinutes?: number }, deps: { timeoutMs?: number }): number {
  return deps.timeoutMs !== undefined && deps.timeoutMs > 0 ? deps.timeoutMs : waitTimeoutMs(inputs);
}

/** Inputs that steer the provider and never name another backup: they change in place. */
export const steeringInputs = {
  waitTimeoutMinutes: z
    .number({ error: "waitTimeoutMinutes must be a number of minutes" })
    .positive({ error: "waitTimeoutMinutes must be more than 0" })
    .max(1440, { error: "waitTimeoutMinutes must be at most 1440 (one day)" })
    .optional(),
  keepExpired: z.boolean({ error: "keepExpired must be true or false" }).optional(),
};

/**
 * The inputs every cloud's RedisBackup takes alike: the steering ones, and `triggers` (any change
 * replaces the backup; see core/triggers.ts).
 */
export const commonInputs = { ...steeringInputs, triggers: triggersInput };

/** `backupId`, to adopt an existing backup (`pulumi import` cannot work with dynamic providers). */
export const adoptInput = z
  .string({ error: "backupId must be a string" })
  .min(1, { error: "backupId must not be empty" })
  .optional();

/**
 * The input naming the instance to back up: "required" with an example when absent, the vendor's
 * id rule when wrong. `what` names it, e.g. "the Redis instance"; `kind` the id, e.g. "a Tencent
 * Redis instance".
 */
export function instanceInput(key: string, what: string, kind: string, rule: RegExp, example: string) {
  return z
    .string({ error: `${key} is required: ${what} to back up, e.g. ${example}` })
    .regex(rule, { error: `${key} must be ${kind} id like ${example}` });
}

/**
 * An optional whole number of days that `within` accepts: one message, `error`, for every way it
 * is wrong (not a number, a fraction, out of range).
 */
export const wholeDays = (error: string, within: (days: number) => boolean) =>
  z.number({ error }).int({ error }).refine(within, { error }).optional();

/** An optional location input (region, zone, project): a string that looks like `example`. */
export function locationInput(key: string, rule: RegExp, example: string, shape = example) {
  return z
    .string({ error: `${key} must be a string like ${example}` })
    .regex(rule, { error: `${key} must look like ${shape}` })
    .optional();
}

/** The inputs every cloud's FinalBackup takes alike (the origin is set by the class, not the program). */
export const finalInputs = {
  skip: z.boolean({ error: "skip must be true or false" }).optional(),
  waitTimeoutMinutes: steeringInputs.waitTimeoutMinutes,
  resourceName: z.string({ error: "resourceName must be a string" }).optional(),
  stack: z.string({ error: "stack must be a string" }).optional(),
  project: z.string({ error: "project must be a string" }).optional(),
};
