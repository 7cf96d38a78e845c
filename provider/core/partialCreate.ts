/**
 * Pulumi's "created, but failed to initialise" outcome. When a create fails after the backup (or
 * the job making it) already exists, throwing a plain error would make the engine forget what we
 * made: the next `pulumi up` would take another. An error carrying `id` and `properties` makes the
 * dynamic-provider host report ErrorResourceInitFailed, so the engine records the resource and the
 * next refresh or up completes it.
 */

/** What the dynamic-provider host reads off a thrown error to report ErrorResourceInitFailed. */
export interface InitFailure {
  id: string;
  properties: object;
  reasons: string[];
}

/** `err` as a create that made `id` (recorded as `properties`) but failed; its message is the reason. */
export function initFailed<E extends Error>(err: E, id: string, properties: object): E & InitFailure {
  return Object.assign(err, { id, properties, reasons: [err.message] });
}

/**
 * What a create that failed after the vendor accepted it leaves behind, as an adapter tells it:
 * what the engine must record (if anything exists), a note for the user, or another error.
 */
export interface Leftover<O> {
  /** The resource the engine records: its outputs, and the id's part after `<instance>:` when it is not the backup id. */
  record?: { outputs: O; key?: string };
  /** Said after the error: what exists, and what the next command does with it. */
  note?: string;
  /** Thrown instead of the error (e.g. the job failed meanwhile). */
  error?: Error;
}
