/**
 * The environment that points the provider — every cloud at once — at a running emulator with
 * its default, emulator-only keys: what the CLI tells users to export, and what the demo, soak and
 * benchmark set.
 */
import { ALICLOUD_DEMO_REGION, ALICLOUD_PATH_PREFIX, DEFAULT_ALICLOUD_CREDENTIALS } from "./alicloud";
import { DEFAULT_TENCENT_CREDENTIALS, DEMO_REGION } from "./tencentcloud/seeds";
import { DEFAULT_UCLOUD_CREDENTIALS, UCLOUD_DEMO_REGION, UCLOUD_PATH_PREFIX } from "./ucloud";

/** The TENCENTCLOUD_*, ALIBABA_CLOUD_* and UCLOUD_* variables pointing the provider at the emulator `url`. */
export function emulatorEnvironment(url: string): Record<string, string> {
  return {
    TENCENTCLOUD_ENDPOINT: url,
    TENCENTCLOUD_SECRET_ID: DEFAULT_TENCENT_CREDENTIALS.secretId,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_TENCENT_CREDENTIALS.secretKey,
    TENCENTCLOUD_REGION: DEMO_REGION,
    ALIBABA_CLOUD_ENDPOINT: `${url}${ALICLOUD_PATH_PREFIX}`,
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_ALICLOUD_CREDENTIALS.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_ALICLOUD_CREDENTIALS.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: ALICLOUD_DEMO_REGION,
    UCLOUD_ENDPOINT: `${url}${UCLOUD_PATH_PREFIX}`,
    UCLOUD_PUBLIC_KEY: DEFAULT_UCLOUD_CREDENTIALS.publicKey,
    UCLOUD_PRIVATE_KEY: DEFAULT_UCLOUD_CREDENTIALS.privateKey,
    UCLOUD_REGION: UCLOUD_DEMO_REGION,
  };
}
