/** UCloud's example payloads through the client's envelope reader, the schemas and the outputs. */
import { CloudApiError, ResponseValidationError, TransportError } from "../../provider/core/errors";
import { CreateURedisBackupResponse, DescribeURedisBackupResponse } from "../../provider/ucloud/api";
import { parseEnvelope } from "../../provider/ucloud/client";
import { isRetryableRetCode } from "../../provider/ucloud/errors";
import { buildOutputs } from "../../provider/ucloud/outputs";
import {
  createURedisBackupDocExample,
  describeURedisBackupDocExample,
  describeURedisBackupSeedExample,
  signatureErrorExample,
  unknownActionMock,
  userNotExistsExample,
} from "../fixtures/ucloud/vendor-examples";

const res = (body: unknown, status = 200, headers: Record<string, string> = {}) => ({
  status,
  headers,
  text: typeof body === "string" ? body : JSON.stringify(body),
});

describe("DescribeURedisBackup examples", () => {
  it("the seed page's example parses; its numeric BackupType is kept as text", () => {
    const parsed = DescribeURedisBackupResponse.parse(describeURedisBackupSeedExample);
    expect(parsed.TotalCount).toBe(2);
    expect(parsed.DataSet.map((b) => [b.BackupType, b.State, b.Zone])).toEqual([
      ["1", "Success", undefined],
      ["1", "Error", undefined],
    ]);
  });

  it("the Chinese page's example becomes outputs a user can read", () => {
    const [b] = DescribeURedisBackupResponse.parse(describeURedisBackupDocExample).DataSet;
    const outs = buildOutputs({ groupId: "uredis-grXXXz" }, b, { region: "cn-bj2" }, { adopted: false });
    expect(outs).toEqual({
      groupId: "uredis-grXXXz",
      backupId: "a75XXXa9-d9e1-4d38-9XX1-aecad464XXX5",
      region: "cn-bj2",
      zone: "cn-bj2-04",
      status: "available",
      state: "Success",
      adopted: false,
      ucloudBackupName: "sgbf_XXXXXX",
      groupName: "zbredia_XXXXX",
      backupType: "manual",
      backupTime: "2018-06-25T07:39:23Z",
      sizeBytes: 18,
    });
  });

  it("integers sent as strings and a missing DataSet are accepted", () => {
    const parsed = DescribeURedisBackupResponse.parse({
      RetCode: 0,
      TotalCount: "1",
      DataSet: [{ BackupId: "b", State: "Backuping", BackupTime: "1529912363", MemorySize: "2" }],
    });
    expect(parsed.DataSet[0]).toMatchObject({ BackupTime: 1529912363, MemorySize: 2 });
    expect(DescribeURedisBackupResponse.parse({ RetCode: 0 }).DataSet).toEqual([]);
  });

  it("a backup without BackupId or State is refused, naming the field", () => {
    const r = DescribeURedisBackupResponse.safeParse({ DataSet: [{ BackupName: "x" }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["DataSet.0.BackupId", "DataSet.0.State"]);
  });
});

it("CreateURedisBackup's doc example, which has no BackupId, is refused: there would be nothing to track", () => {
  const r = CreateURedisBackupResponse.safeParse(createURedisBackupDocExample);
  expect(r.success).toBe(false);
  expect(r.error!.issues[0].message).toBe("BackupId is missing");
});

describe("the envelope", () => {
  it("reads RetCode, Message and the request id header", () => {
    expect(
      parseEnvelope("A", res(signatureErrorExample, 200, { "x-ucloud-request-uuid": "u-1" })),
    ).toMatchObject({
      retCode: 171,
      message: "Signature VerifyAC Error",
      requestId: "u-1",
    });
    expect(parseEnvelope("A", res(unknownActionMock)).retCode).toBe(161);
  });

  it("takes a RetCode sent as a string, as the Go SDK patches it", () => {
    expect(parseEnvelope("A", res('{"RetCode": "172", "Message": "User Not Exists"}')).retCode).toBe(172);
    expect(parseEnvelope("A", res(userNotExistsExample)).retCode).toBe(172);
  });

  it("an HTTP error page without an envelope is a transport error with an unknown outcome", () => {
    const e = (() => {
      try {
        parseEnvelope("CreateURedisBackup", res("<html>502 Bad Gateway</html>", 502));
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).outcomeUnknown).toBe(true);
  });

  it("a 200 that is not an envelope: retryable when not JSON at all, not when JSON without RetCode", () => {
    for (const [body, retryable] of [
      ['{"RetCode": 0, "DataS', true],
      ['{"Action": "X"}', false],
      ["[]", false],
    ] as const) {
      try {
        parseEnvelope("A", res(body));
        throw new Error("parsed");
      } catch (err) {
        expect(err).toBeInstanceOf(ResponseValidationError);
        expect((err as ResponseValidationError).retryable).toBe(retryable);
      }
    }
  });
});

it("RetCode classification: reads retry ≥ 2000 and the gateway's transient codes; creates only what was refused (150, 153)", () => {
  const table: [number, boolean, boolean][] = [
    // [RetCode, retried on a read, retried on a create]
    [110, true, false],
    [130, true, false],
    [150, true, true],
    [153, true, true],
    [160, false, false],
    [161, false, false],
    [171, false, false],
    [172, false, false],
    [230, false, false],
    [2000, true, false],
    [20206, true, false],
  ];
  for (const [code, read, create] of table) {
    expect([code, isRetryableRetCode(code, true), isRetryableRetCode(code, false)]).toEqual([
      code,
      read,
      create,
    ]);
  }
  expect(
    new CloudApiError({
      cloud: "ucloud",
      action: "A",
      code: "171",
      message: "Signature VerifyAC Error",
      retryable: false,
    }).message,
  ).toBe("A: 171: Signature VerifyAC Error");
});
