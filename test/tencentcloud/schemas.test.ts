import {
  DescribeBackupDetailResponse,
  DescribeInstanceBackupsResponse,
  DescribeTaskInfoResponse,
  ManualBackupInstanceResponse,
} from "../../provider/tencentcloud/api";
import * as seeds from "../fixtures/tencentcloud/seed-examples";

describe("the vendor's example payloads parse", () => {
  it("ManualBackupInstance, TaskId as a number or a string", () => {
    expect(ManualBackupInstanceResponse.parse(seeds.manualBackupInstanceExample.Response).TaskId).toBe(
      6954227,
    );
    expect(ManualBackupInstanceResponse.parse(seeds.manualBackupInstanceStringTaskId.Response).TaskId).toBe(
      6954227,
    );
  });

  it("DescribeBackupDetail", () => {
    const d = DescribeBackupDetailResponse.parse(seeds.describeBackupDetailExample.Response);
    expect(d).toMatchObject({
      BackupId: "154571841-1165701309-438602494",
      Status: 2,
      ShardNum: 3,
      MemSize: 2048,
    });
  });

  it("DescribeInstanceBackups, whichever name the list has", () => {
    const r = DescribeInstanceBackupsResponse.parse(seeds.describeInstanceBackupsExample.Response);
    expect(r.BackupSet.map((b) => b.Remark)).toEqual(["For testing", "xxx"]);
    const sdkShaped = {
      ...seeds.describeInstanceBackupsExample.Response,
      RedisBackupSet: undefined,
      BackupSet: [],
    };
    expect(DescribeInstanceBackupsResponse.parse(sdkShaped).BackupSet).toEqual([]);
  });
});

describe("what the provider relies on is enforced", () => {
  it.each([
    ["TaskId missing", ManualBackupInstanceResponse, { RequestId: "r" }, "TaskId"],
    ["TaskId not a number", ManualBackupInstanceResponse, { TaskId: "12a", RequestId: "r" }, "TaskId"],
    ["Status not a string", DescribeTaskInfoResponse, { Status: 3, RequestId: "r" }, "Status"],
    [
      "BackupId empty",
      DescribeBackupDetailResponse,
      { BackupId: "", StartTime: "x", Status: 2, RequestId: "r" },
      "BackupId",
    ],
  ])("%s", (_name, schema, body, field) => {
    const r = schema.safeParse(body);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
