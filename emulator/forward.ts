/**
 * The admin operations that are the emulated world's own methods, as they are: an admin object
 * spreads these instead of writing `(id) => state.deleteBackup(id)` once per operation.
 */

/** The names of `W`'s methods. */
type MethodOf<W> = { [K in keyof W]: W[K] extends (...args: never[]) => unknown ? K : never }[keyof W];

/** `world`'s methods `names`, each bound to `world`, under their own names. */
export function forwardTo<W extends object, K extends MethodOf<W>>(
  world: W,
  names: readonly K[],
): Pick<W, K> {
  const bound = names.map((name) => [name, (world[name] as (...args: unknown[]) => unknown).bind(world)]);
  return Object.fromEntries(bound) as Pick<W, K>;
}
