/**
 * What an Alibaba resource id points at. The id is core's `<instance>:<backup>`, where the backup
 * is one file id or, for a cluster that backs up per node, the files' ids comma-joined. A create
 * whose job had made no backup yet is recorded as `<instance>:job-<jobId>` (see pending.ts).
 */
import type { Target } from "../core/lifecycle";
import { splitResourceId } from "../core/resourceId";
import type { AlicloudRecordedOutputs } from "./outputs";

/** The key of a resource whose job was accepted but has no backup yet. */
const JOB_KEY_PREFIX = "job-";

/** `job-<jobIds>`: the id's key while the stack knows the job but not its backup. */
export const pendingKey = (jobId: string) => `${JOB_KEY_PREFIX}${jobId}`;

/** The backup files, or the job making them. */
export interface AlicloudTarget extends Target {
  /** Empty while the job has made no backup the stack knows of; a cloud-native cluster's shard files. */
  backupIds: string[];
  jobIds: string[];
  /** A cloud-native cluster's cluster backup (`cb-...`), which the id then names. */
  clusterBackupId?: string;
}

/** A cloud-native cluster's backups are named by their cluster backup id. */
export const isClusterBackupId = (key: string) => key.startsWith("cb-");

const list = (s: string | undefined) => (s ?? "").split(",").filter((v) => v !== "");

/** What an Alibaba id, with what was recorded, points at: its files, or the job making them. */
export function targetOf(id: string, props: Partial<AlicloudRecordedOutputs>): AlicloudTarget {
  const { instance, key } = splitResourceId(id, { instance: props.instanceId, backupId: props.backupId });
  // An update completes a pending backup in place, so a job-form id can come with a backup id.
  if (isClusterBackupId(key)) {
    const backupIds = props.backupIds ?? [];
    return {
      instance,
      backup: key,
      pending: false,
      clusterBackupId: key,
      backupIds,
      jobIds: list(props.jobId),
    };
  }
  const named = key.startsWith(JOB_KEY_PREFIX)
    ? {
        pending: true,
        backupIds: props.backupIds ?? list(props.backupId),
        jobIds: list(key.slice(JOB_KEY_PREFIX.length)),
        clusterBackupId: props.clusterBackupId,
      }
    : { pending: false, backupIds: list(key), jobIds: list(props.jobId) };
  const backup =
    named.clusterBackupId ??
    (named.backupIds.length > 0 ? named.backupIds.join(",") : `(job ${named.jobIds.join(",")})`);
  return { instance, backup, ...named };
}
