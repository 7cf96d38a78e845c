/**
 * What a cloud's lifecycle hooks reach the vendor with: the settings resolved for the call (the
 * resource's location over the provider's), and a client built on them with the call's deps.
 */
import type { ClientDeps } from "./vendorClient";

/** The settings of one call and the client over them. */
export interface Connection<S, C> {
  settings: S;
  client: C;
}

/** A {@link Connection}: `settings`, and a `Client` on them with `deps` (clock, sleep, limiter). */
export function connectWith<S, C>(
  settings: S,
  Client: new (settings: S, deps: Partial<ClientDeps>) => C,
  deps: Partial<ClientDeps>,
): Connection<S, C> {
  return { settings, client: new Client(settings, deps) };
}
