/**
 * DescribeBackupUrl: the files of a finished backup, each with a public and an intranet URL that
 * work for 6 hours ("下载地址的有效时长为6小时", the SDK's BackupDownloadInfo) on the world clock. A
 * cluster's backup has one file per shard (the recorded size split between them; their names are
 * our guess). The URLs obey the restriction the request names, else the region's. A backup still being
 * taken answers ResourceUnavailable.BackupStatusInvalid (documented for this action; our guess for this case).
 */
import { TencentErrors } from "../errors";
import { restrictionRefusal } from "../downloadRestriction";
import type { TencentAction } from "./action";
import { readableInstance } from "./lookup";
import { RESTRICTION_PARAMS, restrictionOf } from "./restrictionParams";

/** How long a URL works: 6 hours, as documented. */
export const URL_TTL_MS = 6 * 3_600_000;

/**
 * The DescribeBackupUrl action: backup BackupId's files,
 * with URLs under the named or the region's restriction.
 */
export const describeBackupUrl: TencentAction = {
  name: "DescribeBackupUrl",
  params: {
    InstanceId: { type: "string", required: true },
    BackupId: { type: "string", required: true },
    ...RESTRICTION_PARAMS,
  },
  run(ctx, params) {
    const instance = readableInstance(ctx, params.InstanceId as string);
    const backupId = params.BackupId as string;
    const backup = ctx.state.backup(backupId);
    const lifecycle =
      backup && backup.instanceId === instance.instanceId ? ctx.state.lifecycle(backup) : undefined;
    // Only a finished, unexpired backup has a file to download (our reading of "FileSize 0: invalid").
    if (
      lifecycle === undefined ||
      lifecycle === "failed" ||
      lifecycle === "deleted" ||
      lifecycle === "expired"
    ) {
      throw TencentErrors.backupNotExists(backupId);
    }
    if (lifecycle === "inProgress") {
      throw TencentErrors.backupStatusInvalid(backupId, "the backup is still being taken");
    }
    const restriction =
      params.LimitType === undefined ? ctx.state.downloadRestriction(ctx.region) : restrictionOf(params);
    const where = { region: instance.region, vpcId: instance.vpcId };
    const shards = instance.shardNum;
    const total = ctx.files.sizeOf("tencentcloud", backupId, backup!.sizeBytes);
    const infos = Array.from({ length: shards }, (_, i) => {
      const fileName =
        shards === 1
          ? `${instance.instanceId}_${backupId}.rdb`
          : `${instance.instanceId}_${backupId}_shard${i}.rdb`;
      const sizeBytes = Math.floor(total / shards) + (i === shards - 1 ? total % shards : 0);
      const objectKey = `tencentcloud/${instance.instanceId}/${backupId}/${i}`;
      const issue = (network: "public" | "intranet") =>
        ctx.files.issue({
          vendor: "tencentcloud",
          objectKey,
          fileName,
          sizeBytes,
          network,
          ttlMs: URL_TTL_MS,
          refusal: (requester) => restrictionRefusal(restriction, network, where, requester),
        }).url;
      return {
        FileName: fileName,
        FileSize: sizeBytes,
        DownloadUrl: issue("public"),
        InnerDownloadUrl: issue("intranet"),
      };
    });
    return {
      BackupInfos: infos,
      // Deprecated parallel lists, still in the answer as documented.
      DownloadUrl: infos.map((f) => f.DownloadUrl),
      InnerDownloadUrl: infos.map((f) => f.InnerDownloadUrl),
      Filenames: infos.map((f) => f.FileName),
    };
  },
};
