/**
 * The shape every emulated Tencent action has: its parameter schema (checked by the gateway layer
 * before `run`) and what it does. Actions throw TencentApiError for business errors and return the
 * fields of `Response` (the API layer adds RequestId).
 */
import type { ParamSchema } from "../params";
import type { TencentRedisState } from "../state";

export interface ActionContext {
  state: TencentRedisState;
  /** X-TC-Region of the request; instances are regional. */
  region: string;
  /** Offset of the zoneless `yyyy-MM-dd HH:mm:ss` strings, in minutes east of UTC. */
  utcOffsetMinutes: number;
}

export interface TencentAction {
  name: string;
  params: ParamSchema;
  run(ctx: ActionContext, params: Record<string, unknown>): Record<string, unknown>;
}
