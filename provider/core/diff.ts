/** Diff helpers shared by every cloud's RedisBackup. */
import { isUnknown } from "./outputs";

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace?: boolean;
}

/**
 * Properties among `keys` whose new input differs from the recorded one. A value still unknown
 * during preview counts as a change: it may well turn out different.
 */
export function changedKeys(
  keys: readonly string[],
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
) {
  return keys.filter((k) => isUnknown(news[k]) || !sameValue(olds[k], news[k]));
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
