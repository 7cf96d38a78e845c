/**
 * The shape every emulated Tencent action has: its parameter schema (checked by the gateway layer
 * before `run`) and what it does. Actions throw TencentApiError for business errors and return the
 * fields of `Response` (the API layer adds RequestId).
 */
import type { BackupFiles } from "../../files/store";
import type { ParamSchema } from "../params";
import type { TencentRedisState } from "../state";

/** What a Tencent action runs against: the emulated world, the request's region, the time zone, the files. */
export interface ActionContext {
  state: TencentRedisState;
  /** X-TC-Region of the request; instances are regional. */
  region: string;
  /** Offset of the zoneless `yyyy-MM-dd HH:mm:ss` strings, in minutes east of UTC. */
  utcOffsetMinutes: number;
  /** The emulator's file server, which DescribeBackupUrl's URLs point at. */
  files: BackupFiles;
}

/** One Redis action: its Action name, its parameter schema (checked by the gateway layer) and its work. */
export interface TencentAction {
  name: string;
  params: ParamSchema;
  run(ctx: ActionContext, params: Record<string, unknown>): Record<string, unknown>;
}
