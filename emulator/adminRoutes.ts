/**
 * The admin operations over HTTP, cloud-neutral: `POST /_emulator/<op>` with a JSON object of
 * named arguments answers `{"result": ...}` (200), or `{"error": "..."}` with 400 (bad arguments),
 * 404 (unknown operation or resource) or 405 (not POST). The admin path is never part of an API
 * surface: proxied requests (for a vendor's hostname) never reach it.
 */
import type { IncomingMessage } from "http";

/** The path prefix of admin operations. */
export const ADMIN_PREFIX = "/_emulator/";

/** One admin operation: takes the named arguments, returns JSON-serialisable data. */
export type AdminOperation = (args: Record<string, unknown>) => unknown;

/** Thrown by an operation for arguments it cannot use (answered 400). */
export class AdminArgumentError extends Error {
  override name = "AdminArgumentError";
}

/** Thrown by an operation for an id it does not know (answered 404). */
export class AdminNotFoundError extends Error {
  override name = "AdminNotFoundError";
}

/** The HTTP status and JSON body an admin request is answered with. */
export interface AdminHttpAnswer {
  status: number;
  body: unknown;
}

/** Runs the operation a request names. */
export function runAdminRequest(
  operations: Readonly<Record<string, AdminOperation>>,
  req: IncomingMessage,
  path: string,
  body: Buffer,
): AdminHttpAnswer {
  const op = path.slice(ADMIN_PREFIX.length).split("?")[0];
  if (!Object.prototype.hasOwnProperty.call(operations, op)) {
    return {
      status: 404,
      body: { error: `unknown admin operation ${op}`, operations: Object.keys(operations) },
    };
  }
  if (req.method !== "POST")
    return { status: 405, body: { error: "admin operations are POST with a JSON body" } };
  let args: unknown = {};
  const text = body.toString("utf8").trim();
  if (text !== "") {
    try {
      args = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: "the body is not JSON" } };
    }
  }
  if (args === null || typeof args !== "object" || Array.isArray(args)) {
    return { status: 400, body: { error: "the body must be a JSON object of named arguments" } };
  }
  try {
    const result = operations[op](args as Record<string, unknown>);
    return { status: 200, body: { result: result ?? null } };
  } catch (e) {
    // Validation errors (RangeError, TypeError, AdminArgumentError) are the caller's: 400.
    const status = e instanceof AdminNotFoundError ? 404 : 400;
    return { status, body: { error: (e as Error).message } };
  }
}

/** Argument readers for operation tables; they throw AdminArgumentError with the argument's name. */
export const args = {
  string(a: Record<string, unknown>, name: string): string {
    const v = a[name];
    if (typeof v !== "string" || v === "") throw new AdminArgumentError(`${name} must be a non-empty string`);
    return v;
  },
  optionalString(a: Record<string, unknown>, name: string): string | undefined {
    return a[name] === undefined ? undefined : args.string(a, name);
  },
  number(a: Record<string, unknown>, name: string): number {
    const v = a[name];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new AdminArgumentError(`${name} must be a number`);
    return v;
  },
  boolean(a: Record<string, unknown>, name: string, fallback?: boolean): boolean {
    const v = a[name] ?? fallback;
    if (typeof v !== "boolean") throw new AdminArgumentError(`${name} must be true or false`);
    return v;
  },
  object(a: Record<string, unknown>, name: string): Record<string, unknown> {
    const v = a[name];
    if (v === null || typeof v !== "object" || Array.isArray(v))
      throw new AdminArgumentError(`${name} must be an object`);
    return v as Record<string, unknown>;
  },
};
