/**
 * `triggers`, as in Pulumi's command provider: a list of arbitrary values the program chooses
 * (a migration version, a schema hash, a release tag); when any of them changes, the backup is
 * replaced, so `pulumi up` takes a fresh one. Absent and empty mean the same: no triggers, so a
 * stack recorded before triggers existed plans nothing new.
 */
import { z } from "zod";
import { isUnknown } from "./unknown";

/** The `triggers` input: any JSON values, in order. */
export const triggersInput = z
  .array(z.unknown(), { error: "triggers must be a list of values, e.g. [migrationVersion]" })
  .optional();

/** Whether `v`, or anything inside it, is a value the engine does not know yet (preview). */
function holdsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(holdsUnknown);
  if (v !== null && typeof v === "object") return Object.values(v).some(holdsUnknown);
  return false;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` compare equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Whether the new triggers differ from the recorded ones: any value changed, added, removed or
 * reordered, or not known yet. Absent equals empty.
 */
export function triggersChanged(recorded: unknown, next: unknown): boolean {
  if (holdsUnknown(next)) return true;
  const list = (v: unknown) => (v === undefined || v === null ? [] : v);
  return canonical(list(recorded)) !== canonical(list(next));
}
