/**
 * The R-KVStore API as the pipeline runs it (see ../pipeline.ts): verified like the POP gateway
 * (RPC v1 signature, nonce, timestamp, AccessKeyId), answered in JSON: the fields plus RequestId
 * (200), or `{RequestId, HostId, Code, Message, Recommend}` with the error's HTTP status.
 *
 * Reached at the path prefix `/alicloud` (endpoint `http://127.0.0.1:8787/alicloud`), or by Host
 * `r-kvstore[.<region>].aliyuncs.com` through the emulator as a proxy.
 */
import { randomUUID } from "crypto";
import type { EmulatorClock } from "../clock";
import { VendorSpec, headerSafe, plainReply } from "../pipeline";
import type { ApiRequest } from "../vendor";
import { ALICLOUD_ACTIONS } from "./actions";
import { checkParams } from "./actions/action";
import { NonceStore, requestParams, verifyRpcRequest } from "./auth";
import { verifyAcs3Request } from "./authV3";
import { AlicloudApiError, AlicloudErrors } from "./errors";
import type { AlicloudCredential } from "./seeds";
import type { AlicloudRedisState } from "./state";
import type { BackupFiles } from "../files/store";

/** The only R-KVStore API version the emulator speaks. */
export const R_KVSTORE_API_VERSION = "2015-01-01";
/** The documented route for clients pointed straight at the emulator. */
export const ALICLOUD_PATH_PREFIX = "/alicloud";
/** RPC requests are small; larger bodies are refused. */
export const ALICLOUD_MAX_BODY_BYTES = 1024 * 1024;
/** What HostId says when the request came through the `/alicloud` route. */
const DEFAULT_HOST = "r-kvstore.aliyuncs.com";

/**
 * What the R-KVStore API works with: the world, the AccessKeys accepted (read per request), the
 * signing clock and the file server.
 */
export interface AlicloudApiDeps {
  state: AlicloudRedisState;
  credentials: () => readonly AlicloudCredential[];
  clock: EmulatorClock;
  files: BackupFiles;
}

/** What an answer says of its request: the host it was for, and the Action it named. */
interface AlicloudContext {
  host: string;
  action?: string;
}

/** Alibaba's API: served at `/alicloud`, and for the hosts r-kvstore[.<region>].aliyuncs.com. */
export function alicloudApi(deps: AlicloudApiDeps): Omit<VendorSpec<AlicloudContext>, "adminOperations"> {
  const nonces = new NonceStore();
  return {
    id: "alicloud",
    maxBodyBytes: ALICLOUD_MAX_BODY_BYTES,
    pathPrefix: ALICLOUD_PATH_PREFIX,
    servesHost: (hostname) => /^r-kvstore(\.[a-z0-9-]+)?\.aliyuncs\.com$/i.test(hostname),
    route: (request) =>
      request.path.split("?")[0] !== "/" ? plainReply(404, "Not Found: the API is at POST /\n") : undefined,
    context: (request) => ({ host: hostOf(request) }),
    admit(request, ctx, count) {
      if (request.bodyTooLarge) throw AlicloudErrors.requestTooLarge(ALICLOUD_MAX_BODY_BYTES);
      const params = requestParams(request);
      ctx.action = params.Action;
      const named = params.Action || headerValue(request.headers["x-acs-action"]);
      if (named) count(named);
      const options = { credentials: deps.credentials(), serverNowMs: deps.clock.signingNow(), nonces };
      // An Authorization header and no Signature parameter: V3; anything else, RPC v1.
      const authorization = request.headers.authorization;
      const verified =
        params.Signature === undefined && typeof authorization === "string"
          ? verifyAcs3Request(request, params, authorization, options)
          : verifyRpcRequest(request, params, options);
      if (verified.version !== R_KVSTORE_API_VERSION) throw AlicloudErrors.invalidVersion(verified.version);
      const action = ALICLOUD_ACTIONS.get(verified.action);
      if (!action) throw AlicloudErrors.invalidAction(verified.action);
      return {
        action: verified.action,
        run: () => {
          checkParams(action, params);
          return action.run(
            { state: deps.state, regionId: params.RegionId || undefined, files: deps.files },
            params,
          );
        },
      };
    },
    rateLimitKey: (action) => `alicloud:${action}`,
    throttled: (count, limit) => AlicloudErrors.throttlingUser(count, limit),
    injected: (code, message) => new AlicloudApiError(code, message, "injected fault"),
    success: (_ctx, fields) => ({ kind: "json", status: 200, body: { RequestId: requestId(), ...fields } }),
    failure(ctx, e) {
      const error =
        e instanceof AlicloudApiError
          ? e
          : AlicloudErrors.internalError(`emulator bug: ${(e as Error)?.message ?? e}`);
      const id = requestId();
      const action = ctx.action ? `&action=${encodeURIComponent(ctx.action)}` : "";
      return {
        code: error.code,
        authFailure: error.isAuthFailure,
        reply: {
          kind: "json",
          status: error.httpStatus,
          body: {
            RequestId: id,
            HostId: ctx.host,
            Code: error.code,
            Message: error.message,
            Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=R-kvstore&requestId=${id}${action}`,
          },
          headers:
            error.detail === undefined ? undefined : { "X-Emulator-Detail": headerSafe(error.detail, 2000) },
        },
      };
    },
  };
}

/** Alibaba request ids are upper-case UUIDs. */
function requestId(): string {
  return randomUUID().toUpperCase();
}

function hostOf(request: ApiRequest): string {
  const host = String(request.headers.host ?? "").replace(/:\d+$/, "");
  return /aliyuncs\.com$/i.test(host) ? host : DEFAULT_HOST;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
