/**
 * Shared shape of every cloud's `check`: validate inputs with a zod schema, one CheckFailure per
 * bad property in words a person understands, values still unknown during preview let through,
 * never a throw, never an API call.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { CREATED_BY_KEY, GENERATION_KEY } from "./generation";
import { isUnknown } from "./unknown";

/** One property `check` refuses, and why, in words a person can act on. */
export type CheckFailure = pulumi.dynamic.CheckFailure;

/** What `check` answers: the inputs when they are fine, else every failure. */
export interface CheckResult<T> extends pulumi.dynamic.CheckResult<T> {
  readonly failures: CheckFailure[];
}

/** Keys the engine or the SDK put into inputs themselves. */
const RESERVED = new Set(["__provider", CREATED_BY_KEY, GENERATION_KEY]);

/** Validates `news` (the engine's new inputs) with `schema`. */
export function checkInputs<S extends z.ZodObject>(schema: S, news: unknown): CheckResult<z.output<S>> {
  if (news === null || typeof news !== "object" || Array.isArray(news)) {
    return { failures: [{ property: "", reason: "inputs must be an object" }] };
  }
  const raw = news as Record<string, unknown>;
  const known = Object.keys(schema.shape);
  const failures: CheckFailure[] = Object.keys(raw)
    .filter((k) => !RESERVED.has(k) && !known.includes(k) && raw[k] !== undefined)
    .map((k) => ({ property: k, reason: `unknown property "${k}"; expected one of: ${known.join(", ")}` }));
  // Unknown (preview) values pass through untouched; only known values are validated.
  const knownValues = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => known.includes(k) && !isUnknown(v)),
  );
  const unknownValues = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => known.includes(k) && isUnknown(v)),
  );
  const partial = Object.keys(unknownValues).length > 0;
  const target = partial ? schema.partial() : schema;
  const parsed = target.safeParse(knownValues);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const property = issue.path.map(String).join(".");
      if (seen.has(property)) continue;
      seen.add(property);
      failures.push({ property, reason: issue.message });
    }
  }
  if (failures.length > 0) return { failures };
  return { inputs: { ...(parsed.data as object), ...unknownValues } as z.output<S>, failures };
}
