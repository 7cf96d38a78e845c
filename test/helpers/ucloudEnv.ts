/**
 * UCloud against the emulator: environment variables that point the provider at it, and a raw
 * signed request over node:http (every part overridable) for tests of the emulator's protocol.
 * The provider's deps whose sleep moves the emulator's world clock are tencentEnv's `emulatorDeps`:
 * they are cloud-neutral.
 */
import { request } from "http";
import {
  DEFAULT_UCLOUD_CREDENTIALS,
  Emulator,
  UCLOUD_DEMO_REGION,
  UCLOUD_PATH_PREFIX,
  UCloudEmulatorCredential,
} from "../../emulator";
import { UCloudParams, encodeForm, signParams } from "../../provider/ucloud/signer";

export { emulatorDeps } from "./tencentEnv";

export const UCLOUD_ENV = [
  "UCLOUD_ENDPOINT",
  "UCLOUD_API_BASE_URL",
  "UCLOUD_PUBLIC_KEY",
  "UCLOUD_PRIVATE_KEY",
  "UCLOUD_SECURITY_TOKEN",
  "UCLOUD_REGION",
  "UCLOUD_ZONE",
  "UCLOUD_PROJECT_ID",
];

/** The endpoint a client uses to reach the emulator's UCloud API directly. */
export const ucloudEndpoint = (emulator: Emulator) => `${emulator.url}${UCLOUD_PATH_PREFIX}`;

/** Points the provider (in this process) at the emulator's UCloud API, in the demo region. */
export function pointUCloudAt(
  emulator: Emulator,
  credentials: UCloudEmulatorCredential = DEFAULT_UCLOUD_CREDENTIALS,
): void {
  for (const name of UCLOUD_ENV) delete process.env[name];
  process.env.UCLOUD_ENDPOINT = ucloudEndpoint(emulator);
  process.env.UCLOUD_PUBLIC_KEY = credentials.publicKey;
  process.env.UCLOUD_PRIVATE_KEY = credentials.privateKey;
  if (credentials.securityToken) process.env.UCLOUD_SECURITY_TOKEN = credentials.securityToken;
  process.env.UCLOUD_REGION = UCLOUD_DEMO_REGION;
}

export interface UCloudCallOptions {
  credential?: UCloudEmulatorCredential;
  /** Default the demo region; null leaves Region out. */
  region?: string | null;
  /** Exact body to send instead of the signed form. */
  rawBody?: string;
  /** Change the signed parameters before they are sent (e.g. to send what was not signed). */
  tamper?: (sent: Record<string, string>) => Record<string, string>;
  contentType?: string;
  method?: string;
  /** Path under the emulator; default `/ucloud/`. */
  path?: string;
  /** Extra or replaced headers (e.g. Host). */
  headers?: Record<string, string>;
}

export interface UCloudCallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown> & { RetCode: number; Message?: string; Action: string };
}

/** Sends one signed UCloud request to the emulator and resolves with the answer. */
export function ucloudCall(
  emulator: Emulator,
  action: string,
  params: UCloudParams = {},
  o: UCloudCallOptions = {},
): Promise<UCloudCallResult> {
  const credential = o.credential ?? DEFAULT_UCLOUD_CREDENTIALS;
  const region = o.region === undefined ? UCLOUD_DEMO_REGION : (o.region ?? undefined);
  let sent = signParams({ Action: action, Region: region, ...params }, credential);
  if (o.tamper) sent = o.tamper({ ...sent });
  const body = o.rawBody ?? encodeForm(sent);
  const url = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: o.method ?? "POST",
        path: o.path ?? `${UCLOUD_PATH_PREFIX}/`,
        headers: {
          "Content-Type": o.contentType ?? "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          ...o.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: UCloudCallResult["json"];
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined as never;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
