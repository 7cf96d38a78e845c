/**
 * Which signature the provider sends: V3 (ACS3-HMAC-SHA256) by default, as Alibaba asks ("The
 * request syntax and signature method V2 are discontinued. Use ... V3") and its SDK does; the RPC
 * signature v1 (HMAC-SHA1) when `alicloud:signatureVersion` / ALIBABA_CLOUD_SIGNATURE_VERSION says
 * v1 (or v2, Alibaba's name for it). Both are verified by the emulator, seen here on the wire.
 */
import { ConfigurationError } from "../../provider/core/errors";
import { setStackConfig } from "../../provider/core/settings";
import { describeBackupTasks } from "../../provider/alicloud/api";
import { AlicloudClient } from "../../provider/alicloud/client";
import { resolveAlicloudSettings } from "../../provider/alicloud/settings";
import { alicloudDeps, pointAlicloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";
import { useRecordingProxy } from "../helpers/recordingProxy";

const handle = useEmulator({ rateLimitPerSecond: 0 });
const wire = useRecordingProxy(() => handle.emulator.url);
const saved = { ...process.env };

beforeEach(() => {
  pointAlicloudAt(handle.emulator);
  // Straight at the recorder, which passes each request on unchanged (Host included).
  process.env.ALIBABA_CLOUD_ENDPOINT = `${wire.url}/alicloud`;
  delete process.env.ALIBABA_CLOUD_SIGNATURE_VERSION;
});
afterEach(() => {
  process.env = { ...saved };
  setStackConfig(undefined);
});

async function oneCall() {
  const before = wire.seen.length;
  const client = new AlicloudClient(resolveAlicloudSettings(), alicloudDeps(handle.emulator));
  const answer = await describeBackupTasks(client, { InstanceId: "r-demo0001" });
  expect(answer.InstanceId).toBe("r-demo0001");
  return wire.seen.slice(before);
}

it("V3 by default: Action in x-acs-action, parameters in the query, no body, Authorization ACS3-HMAC-SHA256", async () => {
  const [sent] = await oneCall();
  expect(sent.method).toBe("POST");
  expect(sent.headers.authorization).toMatch(
    /^ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorDemoKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/,
  );
  expect(sent.headers["x-acs-action"]).toBe("DescribeBackupTasks");
  expect(sent.headers["content-type"]).toBeUndefined();
  expect(sent.body).toBe("");
  expect(new URL(sent.url, "http://x").searchParams.get("InstanceId")).toBe("r-demo0001");
});

it.each(["v1", "V2"])("signatureVersion %s: the RPC signature, HMAC-SHA1, form-encoded", async (version) => {
  setStackConfig({ get: (k) => (k === "alicloud:signatureVersion" ? version : undefined) });
  const [sent] = await oneCall();
  expect(sent.headers.authorization).toBeUndefined();
  const form = new URLSearchParams(sent.body);
  expect(
    Object.fromEntries(["Action", "SignatureMethod", "SignatureVersion"].map((k) => [k, form.get(k)])),
  ).toEqual({
    Action: "DescribeBackupTasks",
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
  });
});

it("any other value is refused, naming the setting and what it takes", () => {
  process.env.ALIBABA_CLOUD_SIGNATURE_VERSION = "v4";
  expect(() => resolveAlicloudSettings()).toThrow(ConfigurationError);
  expect(() => resolveAlicloudSettings()).toThrow(
    /^alicloud:signatureVersion \/ ALIBABA_CLOUD_SIGNATURE_VERSION must be v3 .* or v1 .*, not v4$/,
  );
});
