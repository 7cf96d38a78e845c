/**
 * UCloud API signing, as small pure functions (ucloud-sdk-go `ucloud/auth` and the vendor's
 * "签名算法" page): every parameter but `Signature`, plus `PublicKey` (and `SecurityToken` with STS
 * credentials), sorted by name in byte order, concatenated as `key + value` with raw values, the
 * private key appended, SHA1, lowercase hex. Not HMAC, not base64.
 *
 * The one rule that matters in practice: the value sent must be byte-identical to the value
 * signed. {@link flattenParams} produces the single string map both are made from, so a JS
 * `true` is `"true"` in the form body and in the string to sign alike (vectors in
 * test/fixtures/ucloud/signatures.ts).
 */
import { createHash } from "crypto";

/** A request parameter before encoding: scalars, lists (`Key.0`, `Key.1`) and objects (`Key.Sub`). */
export type UCloudParamValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly UCloudParamValue[]
  | { readonly [key: string]: UCloudParamValue };

/** A request's parameters before they are flattened. */
export type UCloudParams = Readonly<Record<string, UCloudParamValue>>;

/** A UCloud key pair (and STS token). */
export interface UCloudCredential {
  publicKey: string;
  privateKey: string;
  /** STS credentials only. */
  securityToken?: string;
}

/**
 * A number as UCloud wants it in a signature and a form: decimal, no exponent, no trailing `.0`
 * (Go's `strconv.FormatFloat(v, 'f', -1, 64)`): 42 → "42", 42.1 → "42.1", 1e21 → "1000000000000000000000".
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`a UCloud parameter cannot be ${n}`);
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, head, tail = "", exp] = m;
  const digits = head + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A scalar as sent and signed: strings as they are, booleans `true`/`false`, numbers by {@link formatNumber}. */
export function formatScalar(v: string | number | boolean): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  return formatNumber(v);
}

/**
 * The flat `name → string` map a request is sent and signed as, like the Go SDK's form encoder:
 * lists become `Key.0`, `Key.1`…, objects `Key.Sub`; undefined, null and empty strings are left
 * out (the SDK never sends an empty value).
 */
export function flattenParams(params: UCloudParams): Record<string, string> {
  const flat: Record<string, string> = {};
  const visit = (name: string, v: UCloudParamValue) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(`${name}.${i}`, item));
    } else if (typeof v === "object") {
      for (const [k, item] of Object.entries(v as Record<string, UCloudParamValue>))
        visit(`${name}.${k}`, item);
    } else {
      const s = formatScalar(v as string | number | boolean);
      if (s !== "") flat[name] = s;
    }
  };
  for (const [k, v] of Object.entries(params)) visit(k, v);
  return flat;
}

/** Keys in plain byte order of their UTF-8 (Go's `sort.Strings`), not UTF-16 order. */
export function sortedKeys(flat: Readonly<Record<string, string>>): string[] {
  return Object.keys(flat).sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
}

/** Adds `PublicKey` and, for STS credentials, `SecurityToken`: they are signed like any parameter. */
export function withCredentialParams(
  flat: Readonly<Record<string, string>>,
  credential: Pick<UCloudCredential, "publicKey" | "securityToken">,
): Record<string, string> {
  const out: Record<string, string> = { ...flat };
  delete out.Signature;
  if (credential.securityToken) out.SecurityToken = credential.securityToken;
  if (credential.publicKey) out.PublicKey = credential.publicKey;
  return out;
}

/** `key1value1key2value2…privateKey` over every parameter but `Signature`. */
export function stringToSign(flat: Readonly<Record<string, string>>, privateKey: string): string {
  return (
    sortedKeys(flat)
      .filter((k) => k !== "Signature")
      .map((k) => k + flat[k])
      .join("") + privateKey
  );
}

/** Lowercase hex SHA1 of {@link stringToSign}. */
export function signature(flat: Readonly<Record<string, string>>, privateKey: string): string {
  return createHash("sha1").update(stringToSign(flat, privateKey), "utf8").digest("hex");
}

/** The complete parameter map to send: the request's parameters, the credential's, and `Signature`. */
export function signParams(params: UCloudParams, credential: UCloudCredential): Record<string, string> {
  const flat = withCredentialParams(flattenParams(params), credential);
  return { ...flat, Signature: signature(flat, credential.privateKey) };
}

/** `application/x-www-form-urlencoded` body of a flat map, keys sorted (the bytes are what was signed, decoded). */
export function encodeForm(flat: Readonly<Record<string, string>>): string {
  const form = new URLSearchParams();
  for (const k of sortedKeys(flat)) form.append(k, flat[k]);
  return form.toString();
}
