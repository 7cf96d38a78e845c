/** DescribeTaskInfo: where a backup task is; progress follows the emulator's world clock. */
import { TencentErrors } from "../errors";
import { formatTencentTime } from "../time";
import type { TencentAction } from "./action";

/** The TaskType of a manual backup (DescribeTaskList's FLOW_BACKUPINSTANCE, "012"). */
const BACKUP_TASK_TYPE = "FLOW_BACKUPINSTANCE";

/** The DescribeTaskInfo action: the status of task TaskId, a backup task ManualBackupInstance started. */
export const describeTaskInfo: TencentAction = {
  name: "DescribeTaskInfo",
  params: { TaskId: { type: "integer", required: true } },
  run(ctx, params) {
    const taskId = params.TaskId as number;
    const task = ctx.state.task(taskId);
    if (!task) throw TencentErrors.taskNotExists(taskId);
    return {
      Status: ctx.state.taskStatus(task),
      StartTime: formatTencentTime(task.startMs, ctx.utcOffsetMinutes),
      TaskType: BACKUP_TASK_TYPE,
      InstanceId: task.instanceId,
      TaskMessage: ctx.state.taskMessage(task),
    };
  },
};
