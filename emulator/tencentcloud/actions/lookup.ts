/** Instance lookups shared by the actions, with the errors each situation gets. */
import { TencentErrors } from "../errors";
import type { InstanceRecord } from "../state";
import type { ActionContext } from "./action";

/**
 * An instance a Describe* call may read: it must exist in the request's region and not be
 * deleted (a recycled instance is gone from every listing).
 */
export function readableInstance(ctx: ActionContext, instanceId: string): InstanceRecord {
  const instance = ctx.state.instance(instanceId);
  if (!instance || instance.region !== ctx.region || instance.status === "deleted") {
    throw TencentErrors.instanceNotExists(instanceId);
  }
  return instance;
}

/**
 * An instance a backup may be taken of. A deleted (recycled) or isolated instance is still known to
 * the backend that starts flows, so it answers with one of the state codes ManualBackupInstance
 * documents (see TencentErrors.instanceStateError) rather than InstanceNotExists.
 */
export function backupableInstance(ctx: ActionContext, instanceId: string): InstanceRecord {
  const instance = ctx.state.instance(instanceId);
  if (!instance || instance.region !== ctx.region) throw TencentErrors.instanceNotExists(instanceId);
  if (instance.status === "deleted") throw TencentErrors.instanceStateError(instanceId, "deleted");
  if (instance.status === "isolated") throw TencentErrors.instanceStatusAbnormal(instanceId, "isolated");
  if (instance.locked) throw TencentErrors.instanceLocked(instanceId);
  return instance;
}
