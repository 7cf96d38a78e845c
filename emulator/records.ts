/**
 * What every emulated world does with an id the admin names: find its record or answer that it
 * does not know it (404 over HTTP), and validate seed data, whatever its source, with one message.
 */
import type { z } from "zod";
import { AdminNotFoundError } from "./adminRoutes";

/** An id the emulated world does not know (answered 404 over HTTP). */
export class UnknownResourceError extends AdminNotFoundError {
  constructor(what: string, id: string | number) {
    super(`no ${what} ${id}`);
    this.name = "UnknownResourceError";
  }
}

/** The record of `id` in `records`, or an UnknownResourceError naming `what`. */
export function requireRecord<K extends string | number, V>(
  records: ReadonlyMap<K, V>,
  id: K,
  what: string,
): V {
  const record = records.get(id);
  if (record === undefined) throw new UnknownResourceError(what, id);
  return record;
}

/** `value` parsed by `schema`; a TypeError naming `what` and every offending path otherwise. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new TypeError(`invalid ${what}: ${issues}`);
}
