/**
 * Values crossing the gRPC boundary may not be `undefined`: `Struct.fromJavaScript` throws on them,
 * and after a create that is after the side effect, which would leak the backup just taken.
 */

/** `value` without its keys whose value is undefined. */
export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
