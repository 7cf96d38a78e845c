/**
 * Building blocks of the declarations file's per-cloud rules (`backups.yaml`, see
 * provider/declarations): the fields every cloud takes, in the same words everywhere. Messages
 * never repeat the field: the report prefixes `name.field`.
 */
import { z } from "zod";

/** A string field; `what` completes "must be ...". */
export const str = (what: string) => z.string({ error: `must be ${what}` });

/**
 * An optional location field (region, zone, project) that looks like `example`: the declarations'
 * twin of core/inputs' `locationInput`. `what` names it, e.g. "a region"; `shape` is what the rule
 * accepts, when one example does not say it.
 */
export const locationField = (what: string, rule: RegExp, example: string, shape = example) =>
  str(`${what} like ${example}`)
    .regex(rule, { error: `must look like ${shape}` })
    .optional();

/** The instance field: "required" when absent, the rule when wrong. */
export function instanceField(rule: RegExp, what: string, example: string) {
  const wrong = `must be ${what} id like ${example}`;
  return z
    .string({
      error: (iss) =>
        iss.input === undefined || iss.input === null ? `required: ${what} id, e.g. ${example}` : wrong,
    })
    .regex(rule, { error: wrong });
}

/** `waitTimeoutMinutes`, as every cloud takes it. */
export const waitTimeoutMinutesField = z
  .number({ error: "must be a number of minutes" })
  .positive({ error: "must be more than 0 minutes" })
  .max(1440, { error: "must be at most 1440 minutes (one day)" })
  .optional();

/** `keepExpired`, as every cloud takes it. */
export const keepExpiredField = z.boolean({ error: "must be true or false" }).optional();

/** `triggers`: values whose change takes a fresh backup (scalars, as a YAML list writes them). */
export const triggersField = z
  .array(z.union([z.string(), z.number(), z.boolean()]), {
    error: "must be a list of values, e.g. [v7] (a change to any takes a fresh backup)",
  })
  .optional();

/**
 * The fields every cloud takes alike: `keepExpired`, `waitTimeoutMinutes`, `triggers`, and
 * `final: true` (a FinalBackup, taken when the instance goes) with its `skip`.
 */
export const steeringFields = {
  keepExpired: keepExpiredField,
  waitTimeoutMinutes: waitTimeoutMinutesField,
  triggers: triggersField,
  final: z.boolean({ error: "must be true or false" }).optional(),
  skip: z.boolean({ error: "must be true or false" }).optional(),
};

/** A field another cloud takes: present here, it is a mistake worth its own sentence. */
export const notHere = (reason: string) => z.never({ error: reason }).optional();

/** YAML reads `backupId: 111111111` as a number; a backup id is text. */
export const idText = (rule: z.ZodString) =>
  z.preprocess((v) => (typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v), rule).optional();

/** `backupId` where any id the cloud gave will do: the declarations' twin of core/inputs' `adoptInput`. */
const adoptField = idText(str("a backup id").min(1, { error: "must not be empty" }));

/** `backupId` as {@link adoptField} and the {@link steeringFields}: what a cloud with no rule of its own for backup ids takes alike. */
export const commonFields = { backupId: adoptField, ...steeringFields };
