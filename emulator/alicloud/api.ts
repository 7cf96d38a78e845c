/**
 * The R-KVStore API as a {@link VendorApi}: verifies the request like the POP gateway (RPC v1
 * signature, nonce, timestamp, AccessKeyId), applies the rate limit and any injected fault, runs
 * the action and answers JSON: the fields plus RequestId (200), or
 * `{RequestId, HostId, Code, Message, Recommend}` with the error's HTTP status.
 *
 * Reached at the path prefix `/alicloud` (endpoint `http://127.0.0.1:8787/alicloud`), or by Host
 * `r-kvstore[.<region>].aliyuncs.com` through the emulator as a proxy.
 */
import { randomUUID } from "crypto";
import type { EmulatorClock } from "../clock";
import { FaultInjector, runWithFault } from "../faults";
import type { SlidingWindowRateLimiter } from "../rateLimiter";
import type { EmulatorReply } from "../reply";
import type { StatsRecorder } from "../stats";
import type { ApiRequest, VendorApi } from "../vendor";
import type { AdminOperation } from "../adminRoutes";
import { ALICLOUD_ACTIONS, checkParams } from "./actions";
import { NonceStore, Params, requestParams, verifyRpcRequest } from "./auth";
import { AlicloudApiError, AlicloudErrors, statusOfCode } from "./errors";
import type { AlicloudCredential } from "./seeds";
import type { AlicloudRedisState } from "./state";

/** The only R-KVStore API version the emulator speaks. */
export const R_KVSTORE_API_VERSION = "2015-01-01";
/** The documented route for clients pointed straight at the emulator. */
export const ALICLOUD_PATH_PREFIX = "/alicloud";
/** RPC requests are small; larger bodies are refused. */
export const ALICLOUD_MAX_BODY_BYTES = 1024 * 1024;
/** What HostId says when the request came through the `/alicloud` route. */
const DEFAULT_HOST = "r-kvstore.aliyuncs.com";

export interface AlicloudRedisApiDeps {
  state: AlicloudRedisState;
  credentials: () => readonly AlicloudCredential[];
  clock: EmulatorClock;
  limiter: SlidingWindowRateLimiter;
  faults: FaultInjector;
  stats: StatsRecorder;
  sleep: (ms: number) => Promise<void>;
  adminOperations: () => Readonly<Record<string, AdminOperation>>;
}

export class AlicloudRedisApi implements VendorApi {
  readonly id = "alicloud";
  readonly maxBodyBytes = ALICLOUD_MAX_BODY_BYTES;
  readonly pathPrefix = ALICLOUD_PATH_PREFIX;
  private readonly nonces = new NonceStore();

  constructor(private readonly deps: AlicloudRedisApiDeps) {}

  /** r-kvstore.aliyuncs.com and the regional r-kvstore.<region>.aliyuncs.com. */
  servesHost(hostname: string): boolean {
    return /^r-kvstore(\.[a-z0-9-]+)?\.aliyuncs\.com$/i.test(hostname);
  }

  adminOperations(): Readonly<Record<string, AdminOperation>> {
    return this.deps.adminOperations();
  }

  async handle(request: ApiRequest): Promise<EmulatorReply> {
    const host = hostOf(request);
    const pathname = request.path.split("?")[0];
    if (pathname !== "/") {
      return {
        kind: "raw",
        status: 404,
        contentType: "text/plain",
        body: "Not Found: the API is at POST /\n",
      };
    }
    const { stats } = this.deps;
    let params: Params = {};
    try {
      if (request.bodyTooLarge) throw AlicloudErrors.requestTooLarge(this.maxBodyBytes);
      params = requestParams(request);
      const named = params.Action || headerValue(request.headers["x-acs-action"]);
      if (named) stats.recordRequest(named);
      const verified = verifyRpcRequest(request, params, {
        credentials: this.deps.credentials(),
        serverNowMs: this.deps.clock.signingNow(),
        nonces: this.nonces,
      });
      if (verified.version !== R_KVSTORE_API_VERSION) throw AlicloudErrors.invalidVersion(verified.version);
      const action = ALICLOUD_ACTIONS.get(verified.action);
      if (!action) throw AlicloudErrors.invalidAction(verified.action);
      const rate = this.deps.limiter.check(`alicloud:${verified.action}`);
      if (!rate.allowed) {
        stats.recordRateLimited();
        throw AlicloudErrors.throttlingUser(rate.count, rate.limit);
      }
      const regionId = params.RegionId || undefined;
      const fault = this.deps.faults.take(verified.action);
      return await runWithFault(
        fault,
        async () => {
          // Never throws: with dropAfterPerform the action's outcome must stand even if it is an error.
          try {
            checkParams(action, params);
            return this.success(action.run({ state: this.deps.state, regionId }, params));
          } catch (e) {
            return this.failure(e, host, params.Action);
          }
        },
        (code, message) =>
          this.failure(
            new AlicloudApiError(code, message, statusOfCode(code), "injected fault"),
            host,
            params.Action,
          ),
        this.deps.sleep,
      );
    } catch (e) {
      return this.failure(e, host, params.Action);
    }
  }

  private success(fields: Record<string, unknown>): EmulatorReply {
    return { kind: "json", status: 200, body: { RequestId: requestId(), ...fields } };
  }

  private failure(e: unknown, host: string, action: string | undefined): EmulatorReply {
    const error =
      e instanceof AlicloudApiError
        ? e
        : AlicloudErrors.internalError(`emulator bug: ${(e as Error)?.message ?? e}`);
    this.deps.stats.recordError(error.code);
    if (error.isAuthFailure) this.deps.stats.recordAuthFailure();
    const id = requestId();
    return {
      kind: "json",
      status: error.httpStatus,
      body: {
        RequestId: id,
        HostId: host,
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=R-kvstore&requestId=${id}${action ? `&action=${encodeURIComponent(action)}` : ""}`,
      },
      headers: error.detail === undefined ? undefined : { "X-Emulator-Detail": headerSafe(error.detail) },
    };
  }
}

/** Alibaba request ids are upper-case UUIDs. */
function requestId(): string {
  return randomUUID().toUpperCase();
}

function hostOf(request: ApiRequest): string {
  const host = String(request.headers.host ?? "").replace(/:\d+$/, "");
  return /aliyuncs\.com$/i.test(host) ? host : DEFAULT_HOST;
}

/** Header values must be Latin-1. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 2000);
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
