/**
 * What a resource token names: the cloud, the kind, and the lifecycle that serves it, from the
 * registry (provider/clouds.ts). The native provider adds no cloud logic: a RedisBackup runs its
 * cloud's `operations` module, a FinalBackup its `finalOperations`, exactly as the dynamic
 * provider does.
 */
import type { LifecycleModule } from "../core/lifecycleModule";
import { CLOUDS, Cloud, cloudEntry } from "../clouds";
import { Kind, PACKAGE } from "./schema";

type Props = Record<string, unknown>;

/** The lifecycle functions the native provider calls, whatever the resource (RedisBackup or FinalBackup). */
export type AnyLifecycle = LifecycleModule<Props, Props>;

/** A resource type the native provider serves. */
export interface NativeResource {
  cloud: Cloud;
  kind: Kind;
  /** The input names its schema declares. */
  inputKeys: readonly string[];
  /** The input naming the instance (`instanceId`, UCloud's `groupId`): the first part of an id. */
  instanceKey: string;
  lifecycle(): AnyLifecycle;
}

/** The resource a token names, or undefined for a token of no resource this package has. */
export function resourceOf(token: string): NativeResource | undefined {
  const [pkg, cloud, kind] = token.split(":");
  if (pkg !== PACKAGE || !(CLOUDS as readonly string[]).includes(cloud)) return undefined;
  const entry = cloudEntry(cloud as Cloud);
  if (kind === "RedisBackup") {
    return {
      cloud: cloud as Cloud,
      kind,
      inputKeys: Object.keys(entry.inputsSchema.shape),
      // A cloud names its instance alike in both resources (the registry keeps it with the FinalBackup).
      instanceKey: entry.final.instanceKey,
      lifecycle: () => entry.lifecycle() as unknown as AnyLifecycle,
    };
  }
  if (kind === "FinalBackup") {
    return {
      cloud: cloud as Cloud,
      kind,
      inputKeys: Object.keys(entry.final.inputsSchema.shape),
      instanceKey: entry.final.instanceKey,
      lifecycle: () => entry.final.lifecycle() as unknown as AnyLifecycle,
    };
  }
  return undefined;
}
