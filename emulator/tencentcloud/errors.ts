/**
 * Tencent Cloud API 3.0 errors as the emulator answers them: `{"Response": {"Error": {Code, Message},
 * "RequestId"}}` with HTTP 200. Codes come from the API 3.0 common error-code page and the Redis
 * product's errors.go (TencentCloud/tencentcloud-sdk-go, tencentcloud/redis/v20180412/errors.go).
 * Messages reproduce the wording real responses carry where one was found (quoted in issues and
 * code), otherwise the documented description.
 */

/** A Tencent error to answer with. Thrown inside the Tencent emulator, rendered by the API layer. */
export class TencentApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Why, in the emulator's words; sent in the `X-Emulator-Detail` header, never in the body. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "TencentApiError";
  }

  /** True for every `AuthFailure.*` code. */
  get isAuthFailure(): boolean {
    return this.code === "AuthFailure" || this.code.startsWith("AuthFailure.");
  }
}

const q = (s: string | number) => `\`${s}\``;

/** Builders for every error the emulator answers with on its own (faults can inject any code). */
export const TencentErrors = {
  // --- common parameters and the envelope --------------------------------------------------
  missingParameter: (name: string) =>
    new TencentApiError("MissingParameter", `The request is missing a required parameter ${q(name)}.`),
  unknownParameter: (name: string) =>
    new TencentApiError("UnknownParameter", `The parameter ${q(name)} is not recognized.`),
  /** A business parameter of the wrong JSON type. */
  invalidParameterType: (name: string) =>
    new TencentApiError("InvalidParameter", `The value type of parameter ${q(name)} is not valid.`),
  /** A common (header) parameter of the wrong form. */
  commonParameterTypeError: (name: string) =>
    new TencentApiError("InvalidParameter", `Parameter ${q(name)} type error.`),
  invalidParameterValue: (name: string, value: unknown, detail?: string) =>
    new TencentApiError(
      "InvalidParameterValue",
      `The value ${q(typeof value === "string" ? value : JSON.stringify(value))} specified in the parameter ${q(name)} is not valid.`,
      detail,
    ),
  invalidBody: (detail: string) =>
    new TencentApiError("InvalidParameter", "The request body is not a valid JSON object.", detail),
  unsupportedContentType: (contentType: string) =>
    new TencentApiError(
      "InvalidParameter",
      `The Content-Type ${q(contentType)} is not supported for TC3-HMAC-SHA256 POST requests; use application/json.`,
    ),
  unsupportedProtocol: (method: string) =>
    new TencentApiError(
      "UnsupportedProtocol",
      "HTTP(S) request protocol error; only GET and POST requests are supported.",
      `method ${method}; this emulator implements POST with TC3-HMAC-SHA256 only`,
    ),
  invalidAction: (action: string) =>
    new TencentApiError("InvalidAction", "The request `Action` is invalid or not found.", `action ${action}`),
  noSuchVersion: (version: string, service: string) =>
    new TencentApiError(
      "NoSuchVersion",
      `The specified api version=${q(version)} does not exist in service=${q(service)}.`,
    ),
  unsupportedRegion: (region: string, detail = `region ${region}`) =>
    new TencentApiError("UnsupportedRegion", "API does not support the requested region.", detail),
  requestSizeLimitExceeded: (limitBytes: number) =>
    new TencentApiError(
      "RequestSizeLimitExceeded",
      "The request size exceeds the upper limit.",
      `body over ${limitBytes} bytes`,
    ),
  requestLimitExceeded: (count: number, limit: number) =>
    new TencentApiError(
      "RequestLimitExceeded",
      `Your current request times equals to ${q(count)} in a second, which exceeds the frequency limit ${q(limit)} for a second. Please reduce the frequency of calls.`,
    ),

  // --- authentication --------------------------------------------------------------------------
  invalidAuthorization: (detail: string) =>
    new TencentApiError(
      "AuthFailure.InvalidAuthorization",
      "`Authorization` in the request header is invalid.",
      detail,
    ),
  secretIdNotFound: () =>
    new TencentApiError(
      "AuthFailure.SecretIdNotFound",
      "The SecretId is not found, please ensure that your SecretId is correct.",
    ),
  signatureExpire: (detail: string) =>
    new TencentApiError(
      "AuthFailure.SignatureExpire",
      "The signature is expired, please request again.",
      detail,
    ),
  signatureFailure: (detail: string) =>
    new TencentApiError(
      "AuthFailure.SignatureFailure",
      "The provided credentials could not be validated. Please check your signature is correct.",
      detail,
    ),
  tokenFailure: (detail: string) => new TencentApiError("AuthFailure.TokenFailure", "Token error.", detail),

  // --- Redis business errors (errors.go, and each action's documented list) -------------------
  instanceNotExists: (instanceId: string) =>
    new TencentApiError(
      "ResourceNotFound.InstanceNotExists",
      "No Redis instance is found by the serialId.",
      `instance ${instanceId}`,
    ),
  /**
   * ManualBackupInstance on an instance that cannot be backed up in its state. Its documented list
   * (tencentcloud-sdk-go redis/v20180412/client.go; seed 002) names InstanceStateError and
   * InstanceStatusAbnormal, not InstanceIsolated or InstanceDeleted (those belong to other actions).
   * Which state gets which code is not documented: deleted → InstanceStateError and isolated →
   * InstanceStatusAbnormal is our guess (emulator/README.md). Messages: the SDK's English descriptions.
   */
  instanceStateError: (instanceId: string, state: string) =>
    new TencentApiError(
      "ResourceUnavailable.InstanceStateError",
      "Instance status error.",
      `instance ${instanceId} is ${state}`,
    ),
  instanceStatusAbnormal: (instanceId: string, state: string) =>
    new TencentApiError(
      "ResourceUnavailable.InstanceStatusAbnormal",
      "The Redis status is exceptional, and the corresponding process cannot be executed.",
      `instance ${instanceId} is ${state}`,
    ),
  instanceLocked: (instanceId: string) =>
    new TencentApiError(
      "ResourceUnavailable.InstanceLockedError",
      "Redis has been locked by another process.",
      `instance ${instanceId}`,
    ),
  /** DescribeBackupUrl's documented "备份状态无效，可能在其他流程中，也可能被删除" (errors.go). */
  backupStatusInvalid: (backupId: string, detail: string) =>
    new TencentApiError(
      "ResourceUnavailable.BackupStatusInvalid",
      "备份状态无效，可能在其他流程中，也可能被删除",
      `backup ${backupId}: ${detail}`,
    ),
  backupNotExists: (backupId: string) =>
    new TencentApiError(
      "InvalidParameterValue.BackupNotExists",
      "The backup does not exist.",
      `backup ${backupId}`,
    ),
  /** DescribeTaskInfo on an unknown TaskId; the code is the action's documented generic one (unverified). */
  taskNotExists: (taskId: number) =>
    new TencentApiError(
      "InvalidParameter.InvalidParameter",
      "Invalid service parameter.",
      `task ${taskId} not found`,
    ),
} as const;
