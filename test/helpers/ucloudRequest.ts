/**
 * A raw, signed UCloud request over node:http (every part overridable), for tests of the
 * emulator's protocol. Signs with the project's signer.
 */
import {
  DEFAULT_UCLOUD_CREDENTIALS,
  Emulator,
  UCLOUD_DEMO_REGION,
  UCLOUD_PATH_PREFIX,
  UCloudEmulatorCredential,
} from "../../emulator";
import { UCloudParams, encodeForm, signParams } from "../../provider/ucloud/signer";
import { sendRaw } from "./rawHttp";

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
  return sendUCloud(emulator, o, body);
}

async function sendUCloud(emulator: Emulator, o: UCloudCallOptions, body: string): Promise<UCloudCallResult> {
  const answer = await sendRaw({
    url: emulator.url,
    method: o.method ?? "POST",
    path: o.path ?? `${UCLOUD_PATH_PREFIX}/`,
    headers: { "Content-Type": o.contentType ?? "application/x-www-form-urlencoded", ...o.headers },
    body,
  });
  return { ...answer, json: answer.json as UCloudCallResult["json"] };
}
