/**
 * DescribeURedisGroup: the master/replica groups of the request's region (one, with GroupId), as
 * URedisGroupSet entries (ucloud-sdk-go services/umem models.go). Fidelity choices: a group that is
 * deleted, in another region or another project is simply not listed (RetCode 0, empty DataSet),
 * as UCloud's own SDK acceptance test expects right after DeleteURedisGroup; every listed group is
 * `Running`; Limit defaults to 20 (the SDK's documented default), Offset to 0.
 */
import { type UCloudAction, optionalInt } from "./action";

/** The DescribeURedisGroup action: the region's groups (or group GroupId), paged by Limit and Offset. */
export const describeURedisGroup: UCloudAction = {
  name: "DescribeURedisGroup",
  served: () => true,
  run(ctx) {
    const limit = optionalInt(ctx, "Limit", 20);
    const offset = optionalInt(ctx, "Offset", 0);
    const groupId = ctx.params.GroupId;
    const groups = ctx.state
      .allGroups()
      .filter((g) => groupId === undefined || groupId === "" || g.groupId === groupId)
      .filter((g) => ctx.state.visibleGroup(g.groupId, ctx.region, ctx.projectId) !== undefined);
    return {
      TotalCount: groups.length,
      DataSet: groups.slice(offset, offset + limit).map((g) => ({
        GroupId: g.groupId,
        Name: g.name,
        Zone: g.zone,
        State: "Running",
        MemorySize: g.memorySizeGb,
        Version: g.redisVersion,
        Type: "double",
      })),
    };
  },
};
