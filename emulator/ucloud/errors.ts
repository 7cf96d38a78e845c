/**
 * UCloud API errors as the emulator answers them: HTTP 200 with
 * `{"Action": "<Action>Response", "RetCode": <n>, "Message": "..."}`.
 *
 * Codes and sources:
 * - 153, 160, 161, 170, 171, 172, 174: the gateway's table in the API overview ("错误码说明",
 *   UCloudDoc-Team/api summary/public.md).
 * - Messages: 171 "Signature VerifyAC Error" and 172 "User Not Exists" as quoted by the signature
 *   page; 161 "Action [X] not found" as ucloud-sdk-go's and ucloud-sdk-js's client tests mock it.
 *   The other messages are our wording of the documented description (unverified).
 * - 220 "Missing params [X]" and 230 "Params [X] not available": the convention of UCloud-style
 *   gateways seen in public code; unverified for URedis, whose business errors are not documented
 *   beyond the UMem table (20000–20208).
 */

/** A UCloud error to answer with; thrown inside the UCloud emulator, rendered by its API layer. */
export class UCloudApiError extends Error {
  constructor(
    readonly retCode: number,
    message: string,
    /** Why, in the emulator's words; sent in the `X-Emulator-Detail` header, never in the body. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "UCloudApiError";
  }

  get isAuthFailure(): boolean {
    return [170, 171, 172, 174].includes(this.retCode);
  }
}

/** Builders for every error the UCloud emulator answers with on its own (faults can inject any RetCode). */
export const UCloudErrors = {
  missingAction: () => new UCloudApiError(160, "Missing Action"),
  actionNotFound: (action: string, detail?: string) =>
    new UCloudApiError(161, `Action [${action}] not found`, detail),
  missingSignature: () => new UCloudApiError(170, "Missing Signature"),
  signatureError: (detail: string) => new UCloudApiError(171, "Signature VerifyAC Error", detail),
  userNotExists: (detail: string) => new UCloudApiError(172, "User Not Exists", detail),
  tokenNotExists: (detail: string) => new UCloudApiError(174, "Token Not Exists", detail),
  rateLimited: (count: number, limit: number) =>
    new UCloudApiError(
      153,
      "API request is rate limited, please retry later",
      `${count} requests in a second, limit ${limit}`,
    ),
  serviceUnavailable: (detail?: string) =>
    new UCloudApiError(150, "Service is unavailable, please retry later", detail),
  missingParams: (name: string) => new UCloudApiError(220, `Missing params [${name}]`),
  paramsNotAvailable: (name: string, detail?: string) =>
    new UCloudApiError(230, `Params [${name}] not available`, detail),
} as const;
