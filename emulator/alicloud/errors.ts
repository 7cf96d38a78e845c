/**
 * Alibaba Cloud (POP gateway and R-KVStore) errors as the emulator answers them: HTTP 4xx/5xx with
 * `{"RequestId", "HostId", "Code", "Message", "Recommend"}`. Gateway codes and messages are the
 * standard POP ones; R-KVStore business codes come from the product's API pages (DescribeBackups'
 * page in ../shared/seeds, the BackupJobExists code Terraform retries). Where no page documents the
 * answer (DeleteBackup on a classic instance, an unknown instance or backup id), the code follows
 * the family's naming and is marked unverified.
 */

/** An Alibaba error to answer with. Thrown inside the Alibaba emulator, rendered by its API layer. */
export class AlicloudApiError extends Error {
  /** The HTTP status it answers with, which the code decides (see {@link statusOfCode}). */
  readonly httpStatus: number;

  constructor(
    readonly code: string,
    message: string,
    /** Why, in the emulator's words; sent in the `X-Emulator-Detail` header, never in the body. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "AlicloudApiError";
    this.httpStatus = statusOfCode(code);
  }

  /** Refusals of the request's credentials or signature. */
  get isAuthFailure(): boolean {
    return AUTH_CODES.test(this.code);
  }
}

const AUTH_CODES =
  /^(SignatureDoesNotMatch|IncompleteSignature|SignatureNonceUsed|InvalidTimeStamp\.|InvalidAccessKeyId\.|InvalidSecurityToken\.)/;

/**
 * The HTTP status of an Alibaba error, by code (400 for anything else): the gateway's own answers and
 * injected faults alike.
 */
export function statusOfCode(code: string): number {
  if (code === "ServiceUnavailable") return 503;
  if (code === "UnsupportedHTTPMethod") return 403;
  if (code === "InternalError" || code === "InternalFailure") return 500;
  if (/\.NotFound$/.test(code)) return 404;
  if (code.startsWith("Forbidden")) return 403;
  return 400;
}

const q = (s: string) => `"${s}"`;

/** Builders for every error the Alibaba emulator answers with on its own (faults can inject any code). */
export const AlicloudErrors = {
  // --- the gateway: common parameters, signature, throttling --------------------------------
  missingParameter: (name: string) =>
    new AlicloudApiError(
      "MissingParameter",
      `The input parameter ${q(name)} that is mandatory for processing this request is not supplied.`,
    ),
  invalidParameter: (name: string, detail?: string) =>
    new AlicloudApiError("InvalidParameter", `The specified parameter ${q(name)} is not valid.`, detail),
  invalidVersion: (version: string) =>
    new AlicloudApiError("InvalidVersion", "Specified parameter Version is not valid.", `version ${version}`),
  invalidAction: (action: string) =>
    new AlicloudApiError(
      "InvalidAction.NotFound",
      "Specified api is not found, please check your url and method.",
      `action ${action}`,
    ),
  unsupportedMethod: (method: string) =>
    new AlicloudApiError("UnsupportedHTTPMethod", "This http method is not supported.", `method ${method}`),
  incompleteSignature: (detail: string) =>
    new AlicloudApiError(
      "IncompleteSignature",
      "The request signature does not conform to Aliyun standards.",
      detail,
    ),
  signatureDoesNotMatch: (serverStringToSign: string) =>
    new AlicloudApiError(
      "SignatureDoesNotMatch",
      "Specified signature is not matched with our calculation.",
      `server string to sign is: ${serverStringToSign}`,
    ),
  timestampFormat: (name: string, value: string) =>
    new AlicloudApiError(
      "InvalidTimeStamp.Format",
      "Specified time stamp or date value is not well formatted.",
      `${name} ${value}; expected YYYY-MM-DDThh:mm:ssZ (UTC)`,
    ),
  timestampExpired: (detail: string) =>
    new AlicloudApiError(
      "InvalidTimeStamp.Expired",
      "Specified time stamp or date value is expired.",
      detail,
    ),
  nonceUsed: (nonce: string) =>
    new AlicloudApiError(
      "SignatureNonceUsed",
      "Specified signature nonce was used already.",
      `SignatureNonce ${nonce}`,
    ),
  accessKeyNotFound: () =>
    new AlicloudApiError("InvalidAccessKeyId.NotFound", "Specified access key is not found."),
  securityTokenMismatch: (detail: string) =>
    new AlicloudApiError(
      "InvalidSecurityToken.MismatchWithAccessKey",
      "Specified SecurityToken mismatch with the AccessKey.",
      detail,
    ),
  throttlingUser: (count: number, limit: number) =>
    new AlicloudApiError(
      "Throttling.User",
      "Request was denied due to user flow control.",
      `${count} requests for this action within a second; limit ${limit}`,
    ),
  requestTooLarge: (limitBytes: number) =>
    new AlicloudApiError(
      "InvalidParameter",
      "The request body is too large.",
      `body over ${limitBytes} bytes`,
    ),
  internalError: (detail: string) =>
    new AlicloudApiError(
      "InternalError",
      "The request processing has failed due to some unknown error, exception or failure.",
      detail,
    ),

  // --- R-KVStore ----------------------------------------------------------------------------
  /** Unverified code for an unknown (or deleted, or other-region) instance. */
  instanceNotFound: (instanceId: string) =>
    new AlicloudApiError(
      "InvalidInstanceId.NotFound",
      "The specified instance does not exist.",
      `instance ${instanceId}`,
    ),
  backupJobExists: (instanceId: string, jobIds: number[]) =>
    new AlicloudApiError(
      "BackupJobExists",
      "A backup job already exists in the specified DB instance.",
      `instance ${instanceId} runs job ${jobIds.join(",")}`,
    ),
  invalidRetention: (value: string) =>
    new AlicloudApiError(
      "InvalidBackupRetentionPeriod.Malformed",
      "Specified backup retention period is not valid.",
      `BackupRetentionPeriod ${value}; 7-730 or -1`,
    ),
  // DescribeBackups' documented codes (the vendor page in ../shared/seeds).
  invalidStartTime: (value: string) =>
    new AlicloudApiError(
      "InvalidStartTime.Malformed",
      "The Specified parameter StartTime is not valid.",
      `StartTime ${value}; expected yyyy-MM-ddTHH:mmZ`,
    ),
  invalidEndTime: (value: string) =>
    new AlicloudApiError(
      "InvalidEndTime.Malformed",
      "The Specified parameter EndTime is not valid.",
      `EndTime ${value}; expected yyyy-MM-ddTHH:mmZ`,
    ),
  endBeforeStart: () =>
    new AlicloudApiError(
      "InvalidStartTimeAndEndTime.Malformed",
      "The end time must be greater than the start time.",
    ),
  invalidPageSize: (value: string) =>
    new AlicloudApiError(
      "InvalidPageSize.Malformed",
      "The specified parameter PageSize is not valid.",
      `PageSize ${value}; one of the documented sizes`,
    ),
  /** Unverified code for an unknown, deleted or expired backup id. */
  backupNotFound: (backupId: string) =>
    new AlicloudApiError(
      "InvalidBackupId.NotFound",
      "The specified backup does not exist.",
      `backup ${backupId}`,
    ),
  /**
   * Unverified code for an action this kind of instance does not support: DeleteBackup "supports
   * only cloud-native instances", DescribeClusterBackupList "is applicable only to cloud-native
   * instances" (the emulator serves it for cloud-native clusters only).
   */
  instanceTypeNotSupported: (instanceId: string, why: string) =>
    new AlicloudApiError(
      "IncorrectInstanceType",
      "The current instance type does not support this operation.",
      `${instanceId}: ${why}`,
    ),
  /** Unverified code: only manual backups can be deleted or extended. */
  notManual: (backupId: string) =>
    new AlicloudApiError(
      "IncorrectBackupMode",
      "The operation is supported only for manual backups.",
      `backup ${backupId} is an automated backup`,
    ),
  invalidExpireTime: (value: string) =>
    new AlicloudApiError(
      "InvalidExpectExpireTime.Malformed",
      "The specified parameter ExpectExpireTime is not valid.",
      `ExpectExpireTime ${value}; expected yyyy-MM-ddTHH:mmZ (UTC)`,
    ),
  /** Unverified code: "The time cannot be earlier than the current expiration time." */
  expireTimeEarlier: (value: string, current: string) =>
    new AlicloudApiError(
      "InvalidExpectExpireTime",
      "The specified expiration time cannot be earlier than the current expiration time.",
      `ExpectExpireTime ${value} is before the current expiry ${current}`,
    ),
  /** The code ApsaraDB for MongoDB documents for the same limit (backup time + 730 days). */
  expireTimeExceedsLimit: (value: string) =>
    new AlicloudApiError(
      "BackupExpireTimeExceedLimit",
      "The backup expiration time exceeds the backup time plus 730 days.",
      `ExpectExpireTime ${value}`,
    ),
} as const;
