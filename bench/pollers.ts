/**
 * The references for create lateness: what a user who writes the loop by hand gets. Each takes a
 * backup as the provider does (ManualBackupInstance, DescribeTaskInfo until the task succeeds,
 * then the listing and the detail that give the backup's record), polling at a fixed interval:
 * every second, or every 30 s (the figure for Terraform). They run in the bench process
 * against the same emulator, on the same timeline, and count their own calls.
 */
import type { Timeline } from "../provider/core/clock";
import {
  describeBackupDetail,
  describeTaskInfo,
  listInstanceBackups,
  manualBackupInstance,
} from "../provider/tencentcloud/api";
import { TencentClient } from "../provider/tencentcloud/client";
import type { TencentSettings } from "../provider/tencentcloud/settings";

/** A fixed-interval poller's create, and how many DescribeTaskInfo calls it made. */
export async function fixedIntervalCreate(
  settings: TencentSettings,
  timeline: Timeline,
  instanceId: string,
  intervalMs: number,
): Promise<{ taskPolls: number }> {
  const client = new TencentClient({ ...settings, rateLimitPerSecond: 0 }, timeline);
  const { TaskId } = await manualBackupInstance(client, { InstanceId: instanceId, Remark: "fixed poller" });
  let taskPolls = 0;
  for (;;) {
    await timeline.sleep(intervalMs);
    taskPolls++;
    const task = await describeTaskInfo(client, TaskId);
    if (task.Status === "succeed") break;
    if (task.Status !== "preparing" && task.Status !== "running")
      throw new Error(`task ${TaskId}: ${task.Status}`);
  }
  const [backup] = await listInstanceBackups(client, { InstanceId: instanceId });
  await describeBackupDetail(client, instanceId, backup.BackupId);
  return { taskPolls };
}
