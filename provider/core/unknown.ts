/**
 * Pulumi's marker for values not known during preview: the engine sends it in Check and Diff, and
 * provider code sees the raw string. Such a value is never validated and always counts as a change.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether `v` is a value Pulumi does not know yet (preview). */
export const isUnknown = (v: unknown): boolean => v === UNKNOWN;
