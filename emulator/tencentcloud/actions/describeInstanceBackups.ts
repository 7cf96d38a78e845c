/**
 * DescribeInstanceBackups: the backups of the request's region, newest first, paged. As the
 * current SDK documents, Status defaults to [2] (normal only): backups still being taken (1),
 * expired (-1) or deleted (-2) are listed only when asked for; backups started in [BeginTime,
 * EndTime], at most 30 days apart; without a window, the last 7 days (our guess).
 */
import { TencentErrors } from "../errors";
import { newestFirst } from "../state";
import { formatTencentTime, parseTencentTime } from "../time";
import type { TencentAction } from "./action";
import { commonBackupFields } from "./backupFields";
import { readableInstance } from "./lookup";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const DEFAULT_STATUS = [2];
/** Every status value some revision of the docs lists. */
const KNOWN_STATUSES = new Set([1, 2, 3, 4, -1, -2]);
/** "查询时间最大跨度30天": the documented maximum span of [BeginTime, EndTime]. */
const MAX_SPAN_MS = 30 * 86_400_000;
/**
 * The window when none (or half of one) is sent: no source documents a default, so this is our
 * guess (emulator/README.md): EndTime defaults to now, BeginTime to 7 days before EndTime.
 */
const DEFAULT_SPAN_MS = 7 * 86_400_000;

/** The DescribeInstanceBackups action: the region's backups by instance, Status and time window, paged. */
export const describeInstanceBackups: TencentAction = {
  name: "DescribeInstanceBackups",
  params: {
    Limit: { type: "integer" },
    Offset: { type: "integer" },
    InstanceId: { type: "string" },
    BeginTime: { type: "string" },
    EndTime: { type: "string" },
    Status: { type: "integerArray" },
    InstanceName: { type: "string" },
  },
  run(ctx, params) {
    const limit = (params.Limit as number | undefined) ?? DEFAULT_LIMIT;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw TencentErrors.invalidParameterValue("Limit", limit, `range is [1, ${MAX_LIMIT}]`);
    }
    const offset = (params.Offset as number | undefined) ?? 0;
    if (offset < 0) throw TencentErrors.invalidParameterValue("Offset", offset);
    const requested = params.Status as number[] | undefined;
    for (const s of requested ?? []) {
      if (!KNOWN_STATUSES.has(s)) throw TencentErrors.invalidParameterValue("Status", requested);
    }
    const statuses = new Set(requested === undefined || requested.length === 0 ? DEFAULT_STATUS : requested);
    const end = timeParam(params, "EndTime", ctx.utcOffsetMinutes) ?? ctx.state.now();
    const begin = timeParam(params, "BeginTime", ctx.utcOffsetMinutes) ?? end - DEFAULT_SPAN_MS;
    if (begin > end)
      throw TencentErrors.invalidParameterValue("EndTime", params.EndTime, "EndTime before BeginTime");
    if (end - begin > MAX_SPAN_MS) {
      throw TencentErrors.invalidParameterValue(
        params.EndTime === undefined ? "BeginTime" : "EndTime",
        params.EndTime ?? params.BeginTime,
        "the span of [BeginTime, EndTime] may not exceed 30 days",
      );
    }

    const instanceId = params.InstanceId as string | undefined;
    const nameFilter = params.InstanceName as string | undefined;
    const instances =
      instanceId !== undefined ? [readableInstance(ctx, instanceId)] : ctx.state.visibleInstances(ctx.region);
    const matching = instances
      .filter((i) => nameFilter === undefined || i.instanceName.includes(nameFilter))
      .flatMap((instance) =>
        ctx.state.allBackups(instance.instanceId).map((backup) => ({ instance, backup })),
      )
      .map((e) => ({ ...e, status: ctx.state.apiStatus(e.backup) }))
      .filter((e): e is typeof e & { status: number } => e.status !== undefined && statuses.has(e.status))
      // Compared at whole seconds, the resolution of the strings the client sees.
      .filter((e) => floorSecond(e.backup.startMs) >= begin && floorSecond(e.backup.startMs) <= end)
      .sort((a, b) => newestFirst(a.backup, b.backup));

    return {
      TotalCount: matching.length,
      BackupSet: matching.slice(offset, offset + limit).map(({ instance, backup, status }) => ({
        ...commonBackupFields(ctx, backup, instance, status),
        FullBackup: 0,
        InstanceId: instance.instanceId,
        InstanceName: instance.instanceName,
        Region: instance.region,
        FileType: "rdb",
        ExpireTime: formatTencentTime(backup.expireMs, ctx.utcOffsetMinutes),
      })),
    };
  },
};

function timeParam(params: Record<string, unknown>, name: string, offsetMinutes: number): number | undefined {
  const text = params[name] as string | undefined;
  if (text === undefined) return undefined;
  const ms = parseTencentTime(text, offsetMinutes);
  if (ms === undefined)
    throw TencentErrors.invalidParameterValue(name, text, "format is yyyy-MM-dd HH:mm:ss");
  return ms;
}

function floorSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
