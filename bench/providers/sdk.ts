/**
 * The reference a Tencent user would write: the official tencentcloud-sdk-nodejs, loaded the way a
 * user of one service loads it — its Redis client alone (`tencentcloud/services/redis`, what the
 * per-product package tencentcloud-sdk-nodejs-redis contains), not the 262-service index — and
 * required inside the method, as ours is. It reaches the emulator through its own proxy setting
 * (`TENCENTCLOUD_ENDPOINT` names the emulator), so it signs for redis.tencentcloudapi.com as it
 * would against the cloud.
 */
export const sdkRedisProvider = {
  async read(id: string, props: { instanceId: string; backupId: string }) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { redis } = require("tencentcloud-sdk-nodejs/tencentcloud/services/redis");
    const client = new redis.v20180412.Client({
      credential: {
        secretId: process.env.TENCENTCLOUD_SECRET_ID,
        secretKey: process.env.TENCENTCLOUD_SECRET_KEY,
      },
      region: process.env.TENCENTCLOUD_REGION,
      profile: { httpProfile: { protocol: "http://", proxy: process.env.TENCENTCLOUD_ENDPOINT } },
    });
    const detail = await client.DescribeBackupDetail({
      InstanceId: props.instanceId,
      BackupId: props.backupId,
    });
    return { id, props: { ...props, status: detail.Status, startTime: detail.StartTime } };
  },
};
