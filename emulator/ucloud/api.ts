/**
 * UCloud's API gateway, for the URedis backup actions, as a {@link VendorApi}: reads the form
 * parameters, authenticates them like the gateway (RetCode 160/170/172/174/171), finds the action
 * (161), applies the shared rate limit (153) and any injected fault, runs the action and answers
 * `{"Action": "<Action>Response", "RetCode": 0, ...}` with HTTP 200, errors included, and an
 * `X-UCloud-Request-UUID` header (read by ucloud-sdk-go as the request id).
 *
 * Routes: `POST http://<emulator>/ucloud/` (endpoint `http://127.0.0.1:8787/ucloud`), or through the
 * emulator as an HTTP proxy with the real host `api.ucloud.cn`.
 */
import { randomUUID } from "crypto";
import type { EmulatorClock } from "../clock";
import { FaultInjector, runWithFault } from "../faults";
import type { SlidingWindowRateLimiter } from "../rateLimiter";
import type { EmulatorReply } from "../reply";
import type { StatsRecorder } from "../stats";
import type { ApiRequest, VendorApi } from "../vendor";
import type { AdminOperation } from "../adminRoutes";
import { UCLOUD_ACTIONS } from "./actions";
import { UCloudAdmin, ucloudAdminOperations } from "./admin";
import { authenticate, receivedParams } from "./auth";
import { UCloudApiError, UCloudErrors } from "./errors";
import type { UCloudEmulatorCredential } from "./seeds";
import type { UCloudRedisState } from "./state";

/** The documented route for clients pointed straight at the emulator. */
export const UCLOUD_PATH_PREFIX = "/ucloud";
/** Form bodies are small; a megabyte is plenty (the gateway's own limit is not documented). */
export const UCLOUD_MAX_BODY_BYTES = 1024 * 1024;

export interface UCloudRedisApiDeps {
  state: UCloudRedisState;
  admin: UCloudAdmin;
  credentials: () => readonly UCloudEmulatorCredential[];
  clock: EmulatorClock;
  limiter: SlidingWindowRateLimiter;
  faults: FaultInjector;
  stats: StatsRecorder;
  sleep: (ms: number) => Promise<void>;
}

export class UCloudRedisApi implements VendorApi {
  readonly id = "ucloud";
  readonly maxBodyBytes = UCLOUD_MAX_BODY_BYTES;
  readonly pathPrefix = UCLOUD_PATH_PREFIX;

  constructor(private readonly deps: UCloudRedisApiDeps) {}

  /** The gateway of UCloud's mainland site. */
  servesHost(hostname: string): boolean {
    return /^api\.ucloud\.cn$/i.test(hostname);
  }

  adminOperations(): Readonly<Record<string, AdminOperation>> {
    return ucloudAdminOperations(this.deps.admin);
  }

  async handle(request: ApiRequest): Promise<EmulatorReply> {
    const pathname = request.path.split("?")[0];
    if (pathname !== "/" && pathname !== "") {
      return {
        kind: "raw",
        status: 404,
        contentType: "text/plain",
        body: "Not Found: the API is at POST /\n",
      };
    }
    if (request.method !== "POST" && request.method !== "GET") {
      return {
        kind: "raw",
        status: 405,
        contentType: "text/plain",
        body: "Method Not Allowed: GET or POST\n",
      };
    }
    if (request.bodyTooLarge) {
      return { kind: "raw", status: 413, contentType: "text/plain", body: "Request Entity Too Large\n" };
    }
    let action: string | undefined;
    try {
      const params = receivedParams(request);
      action = params.Action || undefined;
      if (action !== undefined) this.deps.stats.recordRequest(action);
      authenticate(params, this.deps.credentials());
      const definition = UCLOUD_ACTIONS.get(params.Action);
      if (!definition || !definition.served(this.deps.state)) {
        throw UCloudErrors.actionNotFound(
          params.Action,
          definition ? "switched off (setDeleteSupported false)" : "not an action this emulator serves",
        );
      }
      const rate = this.deps.limiter.check(params.Action);
      if (!rate.allowed) {
        this.deps.stats.recordRateLimited();
        throw UCloudErrors.rateLimited(rate.count, rate.limit);
      }
      const region = params.Region;
      if (!region) throw UCloudErrors.missingParams("Region");
      if (!this.deps.state.knownRegions().has(region)) {
        throw UCloudErrors.paramsNotAvailable("Region", `unknown region ${region}`);
      }
      const fault = this.deps.faults.take(params.Action);
      const name = params.Action;
      return await runWithFault(
        fault,
        async () => {
          // Never throws: with dropAfterPerform the action's outcome must stand even if it is an error.
          try {
            const fields = definition.run({
              state: this.deps.state,
              region,
              projectId: params.ProjectId || undefined,
              params,
            });
            return this.success(name, fields);
          } catch (e) {
            return this.failure(name, e);
          }
        },
        (code, message) => this.failure(name, injected(code, message)),
        this.deps.sleep,
      );
    } catch (e) {
      return this.failure(action, e);
    }
  }

  private success(action: string, fields: Record<string, unknown>): EmulatorReply {
    return {
      kind: "json",
      status: 200,
      body: { Action: `${action}Response`, RetCode: 0, ...fields },
      headers: { "X-UCloud-Request-UUID": randomUUID() },
    };
  }

  private failure(action: string | undefined, e: unknown): EmulatorReply {
    const error =
      e instanceof UCloudApiError
        ? e
        : new UCloudApiError(
            150,
            "Service is unavailable, please retry later",
            `emulator bug: ${(e as Error)?.message ?? e}`,
          );
    this.deps.stats.recordError(String(error.retCode));
    if (error.isAuthFailure) this.deps.stats.recordAuthFailure();
    // An unknown action is echoed as sent (ucloud-sdk-go's mock); every other answer names <Action>Response.
    const name = action === undefined ? "" : error.retCode === 161 ? action : `${action}Response`;
    const headers: Record<string, string> = { "X-UCloud-Request-UUID": randomUUID() };
    if (error.detail !== undefined) headers["X-Emulator-Detail"] = headerSafe(error.detail);
    return {
      kind: "json",
      status: 200,
      body: { Action: name, RetCode: error.retCode, Message: error.message },
      headers,
    };
  }
}

/** An injected `{kind: "error", code}` fault: the code is the RetCode (a non-number becomes 150). */
function injected(code: string, message: string): UCloudApiError {
  const n = Number(code);
  return Number.isInteger(n) && n > 0
    ? new UCloudApiError(n, message, "injected fault")
    : UCloudErrors.serviceUnavailable(`injected fault with non-numeric code ${code}`);
}

/** Header values must be Latin-1. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 1000);
}
