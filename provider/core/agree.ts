/**
 * A compile-time check that two types say the same: the public types written out by hand (so
 * that the package's declarations reach no zod) against what the zod schemas produce.
 */

/** `true` when A and B are assignable to each other, else `false`. */
export type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
