/**
 * The Tencent Redis API as a {@link VendorApi}: verifies the request like the API 3.0 gateway,
 * applies the rate limit and any injected fault, runs the action and wraps the answer in the
 * `{"Response": {..., "RequestId"}}` envelope (HTTP 200, errors included).
 */
import { randomUUID } from "crypto";
import type { EmulatorClock } from "../clock";
import { FaultInjector, runWithFault } from "../faults";
import type { SlidingWindowRateLimiter } from "../rateLimiter";
import type { EmulatorReply } from "../reply";
import type { StatsRecorder } from "../stats";
import type { ApiRequest, VendorApi } from "../vendor";
import { REDIS_ACTIONS } from "./actions";
import { REDIS_SERVICE, requestedAction, verifyTencentRequest } from "./auth";
import { TencentApiError, TencentErrors } from "./errors";
import { checkParams, parseJsonObject } from "./params";
import type { TencentCredential } from "./seeds";
import type { TencentRedisState } from "./state";

/** The only API version of the Redis product the emulator speaks. */
export const REDIS_API_VERSION = "2018-04-12";
/** TC3-signed POST bodies may be up to 10 MB (API 3.0 docs). */
export const TENCENT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Languages X-TC-Language may name (the SDK accepts only these). */
const LANGUAGES = new Set(["zh-CN", "en-US"]);

export interface TencentRedisApiDeps {
  state: TencentRedisState;
  credentials: () => readonly TencentCredential[];
  clock: EmulatorClock;
  limiter: SlidingWindowRateLimiter;
  faults: FaultInjector;
  stats: StatsRecorder;
  utcOffsetMinutes: number;
  sleep: (ms: number) => Promise<void>;
}

export class TencentRedisApi implements VendorApi {
  readonly id = "tencentcloud";
  readonly maxBodyBytes = TENCENT_MAX_BODY_BYTES;

  constructor(private readonly deps: TencentRedisApiDeps) {}

  /** redis.tencentcloudapi.com, redis.intl.tencentcloudapi.com and regional redis.<region>.tencentcloudapi.com. */
  servesHost(hostname: string): boolean {
    return /^redis(\.[a-z0-9-]+)?\.tencentcloudapi\.com$/i.test(hostname);
  }

  async handle(request: ApiRequest): Promise<EmulatorReply> {
    if (request.path !== "/") {
      return {
        kind: "raw",
        status: 404,
        contentType: "text/plain",
        body: "Not Found: the API is at POST /\n",
      };
    }
    const { stats } = this.deps;
    const action = requestedAction(request.headers);
    if (action !== undefined) stats.recordRequest(action);
    try {
      if (request.bodyTooLarge) throw TencentErrors.requestSizeLimitExceeded(this.maxBodyBytes);
      const verified = verifyTencentRequest({
        method: request.method,
        headers: request.headers,
        body: request.body,
        credentials: this.deps.credentials(),
        serverNowSeconds: this.deps.clock.signingNowSeconds(),
      });
      if (verified.version !== REDIS_API_VERSION)
        throw TencentErrors.noSuchVersion(verified.version, REDIS_SERVICE);
      const definition = REDIS_ACTIONS.get(verified.action);
      if (!definition) throw TencentErrors.invalidAction(verified.action);
      if (verified.region === undefined || verified.region === "")
        throw TencentErrors.missingParameter("Region");
      if (!this.deps.state.knownRegions().has(verified.region))
        throw TencentErrors.unsupportedRegion(verified.region);
      if (verified.language !== undefined && !LANGUAGES.has(verified.language)) {
        throw TencentErrors.invalidParameterValue("Language", verified.language);
      }
      const rate = this.deps.limiter.check(verified.action);
      if (!rate.allowed) {
        stats.recordRateLimited();
        throw TencentErrors.requestLimitExceeded(rate.count, rate.limit);
      }
      const region = verified.region;
      const fault = this.deps.faults.take(verified.action);
      return await runWithFault(
        fault,
        async () => {
          // Never throws: with dropAfterPerform the action's outcome must stand even if it is an error.
          try {
            const params = checkParams(parseJsonObject(request.body), definition.params);
            const result = definition.run(
              { state: this.deps.state, region, utcOffsetMinutes: this.deps.utcOffsetMinutes },
              params,
            );
            return this.success(result);
          } catch (e) {
            return this.failure(e);
          }
        },
        (code, message) => this.failure(new TencentApiError(code, message, "injected fault")),
        this.deps.sleep,
      );
    } catch (e) {
      return this.failure(e);
    }
  }

  private success(fields: Record<string, unknown>): EmulatorReply {
    return { kind: "json", status: 200, body: { Response: { ...fields, RequestId: randomUUID() } } };
  }

  private failure(e: unknown): EmulatorReply {
    const error =
      e instanceof TencentApiError
        ? e
        : new TencentApiError(
            "InternalError",
            "Internal error.",
            `emulator bug: ${(e as Error)?.message ?? e}`,
          );
    this.deps.stats.recordError(error.code);
    if (error.isAuthFailure) this.deps.stats.recordAuthFailure();
    return {
      kind: "json",
      status: 200,
      body: { Response: { Error: { Code: error.code, Message: error.message }, RequestId: randomUUID() } },
      headers: error.detail === undefined ? undefined : { "X-Emulator-Detail": headerSafe(error.detail) },
    };
  }
}

/** Header values must be Latin-1; details may quote a unicode Host or remark. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 1000);
}
