/** Helpers for values crossing the gRPC boundary, where `undefined` is not allowed. */

/** Drops keys whose value is undefined (Struct.fromJavaScript throws on them, after the side effect). */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Pulumi's marker for values not known during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const isUnknown = (v: unknown): boolean => v === UNKNOWN;
