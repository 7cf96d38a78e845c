/** zod building blocks for vendor responses, lenient where every vendor is. */
import { z } from "zod";

/** An integer that may arrive as a JSON string. */
export const lenientInt = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** An optional integer (absent, null, a number or a numeric string) → number | undefined. */
export const optionalInt = lenientInt.nullish().transform((v) => v ?? undefined);

/** An optional code that may arrive as a string or a number (absent or null) → string | undefined. */
export const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null ? undefined : String(v)));

/** An optional string (absent or null) → string | undefined. */
export const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);
