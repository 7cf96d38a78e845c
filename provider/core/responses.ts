/**
 * What every wire protocol does with a vendor's raw answer before reading its envelope: parse the
 * body, describe one that makes no sense without quoting a secret, tell a gateway's error page
 * from a vendor answer, and check a payload against its schema.
 */
import type { z } from "zod";
import { ResponseValidationError, TransportError } from "./errors";
import { HttpResponse } from "./http";
import { redact } from "./redact";
import { formatIssues } from "./validation";

/** Responses larger than this are refused rather than buffered (every vendor's answers are small). */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** The body as JSON, or undefined when it is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The body when it is a JSON object; undefined for anything else. */
export function jsonObject(json: unknown): Record<string, unknown> | undefined {
  return json !== null && typeof json === "object" && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : undefined;
}

/** A short, safe description of a body for error messages (a proxy page may echo a header). */
export function describeBody(text: string): string {
  if (text.length === 0) return "empty body";
  const head = redact(text.slice(0, 80).replace(/\s+/g, " "));
  return `${text.length} bytes starting "${head}${text.length > 80 ? "…" : ""}"`;
}

/** An HTTP error status with no vendor envelope: a gateway's page; the outcome is unknown. */
export function gatewayError(action: string, res: HttpResponse): TransportError {
  return new TransportError({
    action,
    detail: `HTTP ${res.status} without a vendor response (${describeBody(res.text)})`,
    outcomeUnknown: true,
    retryable: res.status >= 500 || res.status === 429,
    httpStatus: res.status,
  });
}

/**
 * A 2xx body that is no envelope: `what` it is instead. A body that is not even JSON (truncated,
 * a proxy's page) may well read right a second time, so that one is retryable.
 */
export function notAnEnvelope(
  action: string,
  res: HttpResponse,
  json: unknown,
  what: string,
  requestId?: string,
): ResponseValidationError {
  return new ResponseValidationError(action, [`${what} (${describeBody(res.text)})`], requestId, {
    retryable: json === undefined,
  });
}

/** Checks a vendor response against its schema; a mismatch names the action and the fields. */
export function validateResponse<S extends z.ZodType>(
  action: string,
  schema: S,
  data: unknown,
  requestId: string | undefined,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ResponseValidationError(action, formatIssues(parsed.error), requestId);
  return parsed.data;
}
