/**
 * The shape every emulated R-KVStore action has: its parameters (checked before `run`: required
 * ones present, integers well formed; other names are not checked, as the gateway does not check
 * them) and what it does. Actions throw AlicloudApiError for business errors and return the response
 * fields (the API layer adds RequestId).
 */
import { AlicloudErrors } from "../errors";
import type { BackupFiles } from "../../files/store";
import type { AlicloudRedisState, BackupRecord, InstanceRecord } from "../state";

/** What an R-KVStore action runs against: the emulated world, the request's RegionId and the file server. */
export interface ActionContext {
  state: AlicloudRedisState;
  /** RegionId of the request, when sent (the SDK leaves it out; Terraform always sends it). */
  regionId?: string;
  /** The emulator's file server, which the download URLs point at. */
  files: BackupFiles;
}

/**
 * One R-KVStore action: its Action name, the parameters checkParams checks, and what it does. Any
 * parameter not named here is still passed to `run` as a string, as the gateway passes it.
 */
export interface AlicloudAction {
  name: string;
  /** Parameters that must be sent and non-empty (MissingParameter otherwise), checked in this order. */
  required: readonly string[];
  /** Parameters that, when sent, must be whole numbers (InvalidParameter otherwise). */
  integers?: readonly string[];
  run(ctx: ActionContext, params: Record<string, string>): Record<string, unknown>;
}

/** Throws the gateway's error for the first missing parameter, then for the first malformed integer. */
export function checkParams(action: AlicloudAction, params: Record<string, string>): void {
  for (const name of action.required) {
    if (!params[name]) throw AlicloudErrors.missingParameter(name);
  }
  for (const name of action.integers ?? []) {
    const value = params[name];
    if (value && !/^-?\d+$/.test(value)) {
      throw AlicloudErrors.invalidParameter(name, `${name}=${value} is not an integer`);
    }
  }
}

/**
 * The instance a request names: it must exist, not be deleted, and be in the request's region when
 * one is given. Anything else is InvalidInstanceId.NotFound.
 */
export function lookupInstance(ctx: ActionContext, instanceId: string): InstanceRecord {
  const instance = ctx.state.instance(instanceId);
  if (!instance || (ctx.regionId !== undefined && instance.regionId !== ctx.regionId)) {
    throw AlicloudErrors.instanceNotFound(instanceId);
  }
  return instance;
}

/** An integer parameter's value (already checked by checkParams). */
export function intParam(params: Record<string, string>, name: string): number | undefined {
  const v = params[name];
  return v === undefined || v === "" ? undefined : Number(v);
}

/**
 * StartTime and EndTime as `parse` reads them, refused as the vendor refuses them: each malformed,
 * or an end not after the start (`msOf` gives a bound's time).
 */
export function timeWindow<T>(
  params: Record<string, string>,
  parse: (text: string) => T | undefined,
  msOf: (bound: T) => number,
): { start: T; end: T } {
  const start = parse(params.StartTime);
  if (start === undefined) throw AlicloudErrors.invalidStartTime(params.StartTime);
  const end = parse(params.EndTime);
  if (end === undefined) throw AlicloudErrors.invalidEndTime(params.EndTime);
  if (msOf(end) <= msOf(start)) throw AlicloudErrors.endBeforeStart();
  return { start, end };
}

/** PageSize (one of `sizes`, default 30) and PageNumber (from 1), and the page of a list they select. */
export function pageOf(params: Record<string, string>, sizes: ReadonlySet<number>) {
  const pageSize = intParam(params, "PageSize") ?? 30;
  if (!sizes.has(pageSize)) throw AlicloudErrors.invalidPageSize(params.PageSize);
  const pageNumber = intParam(params, "PageNumber") ?? 1;
  if (pageNumber < 1) throw AlicloudErrors.invalidParameter("PageNumber", "PageNumber must be >= 1");
  return {
    pageSize,
    pageNumber,
    of: <T>(list: T[]) => list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
  };
}

/**
 * The manual backup BackupId of `instance` that DeleteBackup and ModifyBackupExpireTime act on:
 * one not listed for it (or gone) is InvalidBackupId.NotFound, an automatic one IncorrectBackupMode.
 */
export function manualBackupOf(
  ctx: ActionContext,
  instance: InstanceRecord,
  params: Record<string, string>,
): BackupRecord {
  const backupId = /^\d+$/.test(params.BackupId) ? intParam(params, "BackupId")! : NaN;
  const backup = ctx.state.backup(backupId);
  if (!backup || backup.instanceId !== instance.instanceId || !ctx.state.isLive(backup)) {
    throw AlicloudErrors.backupNotFound(params.BackupId);
  }
  if (backup.mode !== "Manual") throw AlicloudErrors.notManual(params.BackupId);
  return backup;
}
