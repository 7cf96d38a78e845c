/**
 * The Tencent Redis API as the pipeline runs it (see ../pipeline.ts): verified like the API 3.0
 * gateway (TC3 signature, version, action, region, language), answered in the
 * `{"Response": {..., "RequestId"}}` envelope with HTTP 200, errors included.
 */
import { randomUUID } from "crypto";
import { VendorSpec, headerSafe, plainReply } from "../pipeline";
import { REDIS_ACTIONS } from "./actions";
import { REDIS_SERVICE, requestedAction, verifyTencentRequest } from "./auth";
import { TencentApiError, TencentErrors } from "./errors";
import { checkParams, parseJsonObject } from "./params";
import type { TencentCredential } from "./seeds";
import type { TencentRedisState } from "./state";
import type { EmulatorClock } from "../clock";
import type { BackupFiles } from "../files/store";

/** The only API version of the Redis product the emulator speaks. */
export const REDIS_API_VERSION = "2018-04-12";
/** TC3-signed POST bodies may be up to 10 MB (API 3.0 docs). */
export const TENCENT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Languages X-TC-Language may name (the SDK accepts only these). */
const LANGUAGES = new Set(["zh-CN", "en-US"]);

/**
 * What the Redis API works with: the world, the keys accepted (read per request), the signing
 * clock, the time zone and the file server.
 */
export interface TencentApiDeps {
  state: TencentRedisState;
  credentials: () => readonly TencentCredential[];
  clock: EmulatorClock;
  utcOffsetMinutes: number;
  files: BackupFiles;
}

/**
 * Why a request's Region does not belong at the Tencent host it arrived at, if it does not. The docs
 * (every Redis API page, vendor-research.md §1.2): finance and other regions are isolated, and a
 * finance Region needs "a domain name with the financial availability zone too, preferably in the
 * same region", e.g. redis.ap-shanghai-fsi.tencentcloudapi.com. So a finance Region must arrive at a
 * finance host, and (isolation) a finance host serves only finance Regions. No error code is
 * documented for it; UnsupportedRegion is our guess (emulator/README.md). A request addressed to the
 * emulator itself (Host 127.0.0.1:8787) stands for whichever host its client chose: not checked.
 */
export function financeHostMismatch(region: string, hostHeader: string): string | undefined {
  const host = hostHeader.replace(/:\d+$/, "").toLowerCase();
  const m = /^redis(?:\.([a-z0-9-]+))?\.tencentcloudapi\.com$/.exec(host);
  if (!m) return undefined;
  const hostIsFinance = /-fsi$/.test(m[1] ?? "");
  const regionIsFinance = /-fsi$/.test(region);
  if (regionIsFinance && !hostIsFinance) {
    return `finance region ${region} at ${host}; it is served at redis.${region}.tencentcloudapi.com`;
  }
  if (!regionIsFinance && hostIsFinance) return `region ${region} at the finance host ${host}`;
  return undefined;
}

/** Tencent's API: its hosts are redis.tencentcloudapi.com and the regional and international ones. */
export function tencentApi(deps: TencentApiDeps): VendorSpec<void> {
  return {
    id: "tencentcloud",
    maxBodyBytes: TENCENT_MAX_BODY_BYTES,
    servesHost: (hostname) => /^redis(\.[a-z0-9-]+)?\.tencentcloudapi\.com$/i.test(hostname),
    route: (request) =>
      request.path !== "/" ? plainReply(404, "Not Found: the API is at POST /\n") : undefined,
    context: () => undefined,
    admit(request, _ctx, count) {
      const named = requestedAction(request.headers);
      if (named !== undefined) count(named);
      if (request.bodyTooLarge) throw TencentErrors.requestSizeLimitExceeded(TENCENT_MAX_BODY_BYTES);
      const verified = verifyTencentRequest({
        method: request.method,
        headers: request.headers,
        body: request.body,
        credentials: deps.credentials(),
        serverNowSeconds: deps.clock.signingNowSeconds(),
      });
      if (verified.version !== REDIS_API_VERSION)
        throw TencentErrors.noSuchVersion(verified.version, REDIS_SERVICE);
      const definition = REDIS_ACTIONS.get(verified.action);
      if (!definition) throw TencentErrors.invalidAction(verified.action);
      const region = verified.region;
      if (region === undefined || region === "") throw TencentErrors.missingParameter("Region");
      if (!deps.state.knownRegions().has(region)) throw TencentErrors.unsupportedRegion(region);
      const wrongHost = financeHostMismatch(region, String(request.headers.host ?? ""));
      if (wrongHost) throw TencentErrors.unsupportedRegion(region, wrongHost);
      if (verified.language !== undefined && !LANGUAGES.has(verified.language)) {
        throw TencentErrors.invalidParameterValue("Language", verified.language);
      }
      return {
        action: verified.action,
        run: () =>
          definition.run(
            { state: deps.state, region, utcOffsetMinutes: deps.utcOffsetMinutes, files: deps.files },
            checkParams(parseJsonObject(request.body), definition.params),
          ),
      };
    },
    rateLimitKey: (action) => action,
    throttled: (count, limit) => TencentErrors.requestLimitExceeded(count, limit),
    injected: (code, message) => new TencentApiError(code, message, "injected fault"),
    success: (_ctx, fields) => ({
      kind: "json",
      status: 200,
      body: { Response: { ...fields, RequestId: randomUUID() } },
    }),
    failure(_ctx, e) {
      const error =
        e instanceof TencentApiError
          ? e
          : new TencentApiError(
              "InternalError",
              "Internal error.",
              `emulator bug: ${(e as Error)?.message ?? e}`,
            );
      return {
        code: error.code,
        authFailure: error.isAuthFailure,
        reply: {
          kind: "json",
          status: 200,
          body: {
            Response: { Error: { Code: error.code, Message: error.message }, RequestId: randomUUID() },
          },
          headers: error.detail === undefined ? undefined : { "X-Emulator-Detail": headerSafe(error.detail) },
        },
      };
    },
  };
}
