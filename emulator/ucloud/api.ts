/**
 * UCloud's API gateway, for the URedis backup actions, as the pipeline runs it (see
 * ../pipeline.ts): reads the form parameters, authenticates them like the gateway (RetCode
 * 160/170/172/174/171), finds the action (161), applies the shared rate limit (153), checks the
 * Region, and answers `{"Action": "<Action>Response", "RetCode": 0, ...}` with HTTP 200, errors
 * included, and an `X-UCloud-Request-UUID` header (read by ucloud-sdk-go as the request id).
 *
 * Routes: `POST http://<emulator>/ucloud/` (endpoint `http://127.0.0.1:8787/ucloud`), or through the
 * emulator as an HTTP proxy with the real host `api.ucloud.cn`.
 */
import type { BackupFiles } from "../files/store";
import { randomUUID } from "crypto";
import { VendorSpec, headerSafe, plainReply } from "../pipeline";
import { UCLOUD_ACTIONS } from "./actions";
import { authenticate, receivedParams } from "./auth";
import { UCloudApiError, UCloudErrors } from "./errors";
import type { UCloudEmulatorCredential } from "./seeds";
import type { UCloudRedisState } from "./state";

/** The documented route for clients pointed straight at the emulator. */
export const UCLOUD_PATH_PREFIX = "/ucloud";
/** Form bodies are small; a megabyte is plenty (the gateway's own limit is not documented). */
export const UCLOUD_MAX_BODY_BYTES = 1024 * 1024;

/**
 * What the URedis API works with: the world, the keys accepted (read per request) and the file
 * server.
 */
export interface UCloudApiDeps {
  state: UCloudRedisState;
  credentials: () => readonly UCloudEmulatorCredential[];
  files: BackupFiles;
}

/** The Action a request named, once known: every answer names it. */
interface UCloudContext {
  action?: string;
}

/** UCloud's API: served at `/ucloud`, and for the host api.ucloud.cn. */
export function ucloudApi(deps: UCloudApiDeps): Omit<VendorSpec<UCloudContext>, "adminOperations"> {
  return {
    id: "ucloud",
    maxBodyBytes: UCLOUD_MAX_BODY_BYTES,
    pathPrefix: UCLOUD_PATH_PREFIX,
    // The gateway of UCloud's mainland site.
    servesHost: (hostname) => /^api\.ucloud\.cn$/i.test(hostname),
    route(request) {
      const pathname = request.path.split("?")[0];
      if (pathname !== "/" && pathname !== "") return plainReply(404, "Not Found: the API is at POST /\n");
      if (request.method !== "POST" && request.method !== "GET") {
        return plainReply(405, "Method Not Allowed: GET or POST\n");
      }
      return request.bodyTooLarge ? plainReply(413, "Request Entity Too Large\n") : undefined;
    },
    context: () => ({}),
    admit(request, ctx, count) {
      const params = receivedParams(request);
      ctx.action = params.Action || undefined;
      if (ctx.action !== undefined) count(ctx.action);
      authenticate(params, deps.credentials());
      const definition = UCLOUD_ACTIONS.get(params.Action);
      if (!definition || !definition.served(deps.state)) {
        throw UCloudErrors.actionNotFound(
          params.Action,
          definition ? "switched off (setDeleteSupported false)" : "not an action this emulator serves",
        );
      }
      const region = params.Region;
      const checkedRegion = () => {
        if (!region) throw UCloudErrors.missingParams("Region");
        if (!deps.state.knownRegions().has(region)) {
          throw UCloudErrors.paramsNotAvailable("Region", `unknown region ${region}`);
        }
        return region;
      };
      return {
        action: params.Action,
        afterRateLimit: checkedRegion,
        run: () =>
          definition.run({
            state: deps.state,
            region: checkedRegion(),
            projectId: params.ProjectId || undefined,
            params,
            files: deps.files,
          }),
      };
    },
    rateLimitKey: (action) => action,
    throttled: (count, limit) => UCloudErrors.rateLimited(count, limit),
    injected,
    success: (ctx, fields) => ({
      kind: "json",
      status: 200,
      body: { Action: `${ctx.action}Response`, RetCode: 0, ...fields },
      headers: { "X-UCloud-Request-UUID": randomUUID() },
    }),
    failure(ctx, e) {
      const error =
        e instanceof UCloudApiError
          ? e
          : new UCloudApiError(
              150,
              "Service is unavailable, please retry later",
              `emulator bug: ${(e as Error)?.message ?? e}`,
            );
      // An unknown action is echoed as sent (ucloud-sdk-go's mock); every other answer names <Action>Response.
      const action = ctx.action;
      const name = action === undefined ? "" : error.retCode === 161 ? action : `${action}Response`;
      const headers: Record<string, string> = { "X-UCloud-Request-UUID": randomUUID() };
      if (error.detail !== undefined) headers["X-Emulator-Detail"] = headerSafe(error.detail);
      return {
        code: String(error.retCode),
        authFailure: error.isAuthFailure,
        reply: {
          kind: "json",
          status: 200,
          body: { Action: name, RetCode: error.retCode, Message: error.message },
          headers,
        },
      };
    },
  };
}

/** An injected `{kind: "error", code}` fault: the code is the RetCode (a non-number becomes 150). */
function injected(code: string, message: string): UCloudApiError {
  const n = Number(code);
  return Number.isInteger(n) && n > 0
    ? new UCloudApiError(n, message, "injected fault")
    : UCloudErrors.serviceUnavailable(`injected fault with non-numeric code ${code}`);
}
