/**
 * The property-level diff the native provider reports (DiffResponse.detailedDiff), so that
 * `pulumi preview --diff` shows `~ remark` or `+- status` with the reason, where the dynamic
 * provider can only say "something changed". The decision (changes, replaces) stays the
 * lifecycle's: this only names, for each changed property, its kind.
 */
import { isUnknown } from "../core/unknown";
import { sameValue } from "./values";

/** The kinds of PropertyDiff (pulumirpc.PropertyDiff.Kind). */
export const KIND = {
  ADD: 0,
  ADD_REPLACE: 1,
  DELETE: 2,
  DELETE_REPLACE: 3,
  UPDATE: 4,
  UPDATE_REPLACE: 5,
} as const;

/** One changed property: its kind, and whether it is an input the program changed. */
export interface PropertyChange {
  kind: (typeof KIND)[keyof typeof KIND];
  inputDiff: boolean;
}

/**
 * The detailed diff of a plan. `replaces` are the lifecycle's (inputs, or `status` for an expired
 * backup); the other changed inputs among `inputKeys` update in place. Inputs are compared with
 * the old *inputs* (what the program set), so a location the provider recorded but the program
 * left unset is no change.
 */
export function detailedDiff(
  oldInputs: Record<string, unknown>,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  inputKeys: readonly string[],
  replaces: readonly string[],
): Record<string, PropertyChange> {
  const out: Record<string, PropertyChange> = {};
  for (const key of replaces) {
    const isInput = inputKeys.includes(key);
    const before = isInput ? (key in oldInputs ? oldInputs[key] : olds[key]) : olds[key];
    const after = isInput ? news[key] : undefined;
    const kind = !isInput
      ? KIND.UPDATE_REPLACE
      : before === undefined
        ? KIND.ADD_REPLACE
        : after === undefined
          ? KIND.DELETE_REPLACE
          : KIND.UPDATE_REPLACE;
    out[key] = { kind, inputDiff: isInput };
  }
  for (const key of inputKeys) {
    if (key in out) continue;
    const before = oldInputs[key];
    const after = news[key];
    // Unchanged against what the program set, or against what was recorded (a location the
    // provider filled in that the program now names): no change to show.
    if (!isUnknown(after) && (sameValue(before, after) || sameValue(olds[key], after))) continue;
    out[key] = {
      kind: before === undefined ? KIND.ADD : after === undefined ? KIND.DELETE : KIND.UPDATE,
      inputDiff: true,
    };
  }
  return out;
}
