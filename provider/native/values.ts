/**
 * Property values as the engine sends them in a `google.protobuf.Struct`: secrets wrapped in
 * Pulumi's signature object, unknowns (preview) as a sentinel string. The provider answers
 * Configure with acceptSecrets=false, so the engine strips secrets from every resource call and
 * marks outputs secret again itself; only a provider's config may still carry wrapped ones.
 */

/** Pulumi's signature key, and its value for a secret (`@pulumi/pulumi/runtime/rpc`'s `specialSigKey`). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** `v` with every secret replaced by its value. */
export function unwrapSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (o[SIG_KEY] === SECRET_SIG) return unwrapSecrets(o.value);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrapSecrets(x)]));
}

/**
 * `o` with each property wrapped as a secret, the shape a function's result takes when its schema
 * marks every output secret (the engine keeps the wrapping from an Invoke's answer).
 */
export function asSecret(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { [SIG_KEY]: SECRET_SIG, value: v }]));
}

/** Whether two property values are the same (deep, order kept: a reordered array differs). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
