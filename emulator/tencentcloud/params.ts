/**
 * Checks an action's JSON body the way the API 3.0 gateway does, before the action runs:
 * unknown names, missing required ones, then JSON types. Values (ranges, formats) are the
 * action's own business and are checked there.
 */
import { TencentErrors } from "./errors";

/** JSON types the Redis backup actions use. */
export type ParamType = "string" | "integer" | "integerArray" | "stringArray" | "objectArray";

/** One parameter's JSON type, and whether the gateway requires it. */
export interface ParamSpec {
  type: ParamType;
  required?: boolean;
}

/** An action's parameters by name; a name outside it is an unknown parameter. */
export type ParamSchema = Record<string, ParamSpec>;

/** Parses the raw body into an object; anything but a JSON object is refused. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch (e) {
    throw TencentErrors.invalidBody((e as Error).message);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw TencentErrors.invalidBody("the body must be a JSON object");
  }
  return value as Record<string, unknown>;
}

/** Throws the Tencent error for the first problem found; returns the params unchanged otherwise. */
export function checkParams(params: Record<string, unknown>, schema: ParamSchema): Record<string, unknown> {
  // Names are case-sensitive at Tencent: `instanceId` is an unknown parameter, not InstanceId.
  for (const name of Object.keys(params)) {
    if (!Object.prototype.hasOwnProperty.call(schema, name)) throw TencentErrors.unknownParameter(name);
  }
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.required && !(name in params)) throw TencentErrors.missingParameter(name);
  }
  for (const [name, value] of Object.entries(params)) {
    if (!hasType(value, schema[name].type)) throw TencentErrors.invalidParameterType(name);
  }
  return params;
}

function hasType(value: unknown, type: ParamType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      // A quoted number ("7") is a string, and the gateway refuses it; so does 7.5.
      return typeof value === "number" && Number.isInteger(value);
    case "integerArray":
      return Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isInteger(v));
    case "stringArray":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "objectArray":
      return (
        Array.isArray(value) && value.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))
      );
  }
}
