/**
 * Pulumi's "created, but failed to initialise" outcome. When a create fails after the backup
 * already exists, throwing a plain error would make the engine forget a backup we made: the next
 * `pulumi up` would take another. An error carrying `id` and `properties` makes the dynamic-provider
 * host report ErrorResourceInitFailed, so the engine records the resource and a refresh completes it.
 */
export interface InitFailure {
  id: string;
  properties: object;
  reasons: string[];
}

export function initFailed<E extends Error>(err: E, id: string, properties: object): E & InitFailure {
  return Object.assign(err, { id, properties, reasons: [err.message] });
}
