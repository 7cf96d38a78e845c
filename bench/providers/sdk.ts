/**
 * The same create through the official tencentcloud-sdk-nodejs, imported the way its README shows
 * (`require("tencentcloud-sdk-nodejs")`), reaching the emulator through its proxy setting.
 */
export const sdkProvider = {
  async create(inputs: { instanceId: string; remark: string; proxy: string }) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tencentcloud = require("tencentcloud-sdk-nodejs");
    const client = new tencentcloud.redis.v20180412.Client({
      credential: {
        secretId: process.env.TENCENTCLOUD_SECRET_ID,
        secretKey: process.env.TENCENTCLOUD_SECRET_KEY,
      },
      region: process.env.TENCENTCLOUD_REGION,
      profile: { httpProfile: { protocol: "http://", proxy: inputs.proxy } },
    });
    const { TaskId } = await client.ManualBackupInstance({
      InstanceId: inputs.instanceId,
      Remark: inputs.remark,
    });
    for (;;) {
      const task = await client.DescribeTaskInfo({ TaskId });
      if (task.Status === "succeed") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const list = await client.DescribeInstanceBackups({
      InstanceId: inputs.instanceId,
      Status: [1, 2, 3, 4, -1],
    });
    const backup = list.BackupSet.find((b: { Remark: string }) => b.Remark === inputs.remark);
    const detail = await client.DescribeBackupDetail({
      InstanceId: inputs.instanceId,
      BackupId: backup.BackupId,
    });
    return { id: `${inputs.instanceId}:${detail.BackupId}`, outs: { backupId: detail.BackupId } };
  },
};
