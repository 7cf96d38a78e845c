/**
 * What an interrupted Alibaba create made. Alibaba stores no user text on a backup, so there is
 * no marker: as the create itself does, a job is told apart by what appeared since. Here that is
 * the manual jobs of the instance (running, or behind a listed backup) that started no earlier than
 * the create can have, and that no resource of the stack records. One such job is the create's;
 * several are listed and none is chosen.
 */
import { defaultDeps } from "../core/deps";
import { FindMade, pendingInputs, recordedAs } from "../core/recover";
import { resourceId } from "../core/resourceId";
import { describeBackupTasks, listBackups, wideWindow } from "./api";
import { AlicloudClient } from "./client";
import { pendingKey } from "./ids";
import { AlicloudBackupInputsSchema } from "./inputs";
import { sortIds } from "./jobs";
import { pendingOutputs } from "./outputs";
import { resolveAlicloudSettings } from "./settings";

/** See {@link FindMade}. */
export const findMade: FindMade = async (pending, { startedAfterMs, recorded, deps }) => {
  const inputs = pendingInputs(AlicloudBackupInputsSchema, pending);
  const settings = resolveAlicloudSettings(inputs.regionId);
  const ops = defaultDeps(deps);
  const client = new AlicloudClient(settings, ops);
  const instanceId = inputs.instanceId;
  // Every manual job the instance knows, with when it started.
  const started = new Map<string, number | undefined>();
  const tasks = await describeBackupTasks(client, { InstanceId: instanceId, JobMode: "Manual" });
  for (const j of tasks.BackupJobs) started.set(j.BackupJobID, parseTime(j.StartTime));
  const backups = await listBackups(client, { InstanceId: instanceId, ...wideWindow(ops.clock.now()) });
  for (const b of backups) {
    if (b.BackupMode !== "Manual" || !b.BackupJobID) continue;
    started.set(b.BackupJobID, started.get(b.BackupJobID) ?? parseTime(b.BackupStartTime));
  }
  const recordedBackups = new Set(
    backups.filter((b) => b.BackupId && recorded.has(b.BackupId)).map((b) => b.BackupJobID),
  );
  const candidates = sortIds(
    [...started]
      .filter(([job]) => !recorded.has(job) && !recordedBackups.has(job))
      .filter(([, at]) => at === undefined || at >= startedAfterMs)
      .map(([job]) => job),
  );
  const since = new Date(startedAfterMs).toISOString();
  if (candidates.length === 0) {
    return {
      made: "none",
      what: `no manual job of ${instanceId} that the stack does not record started since ${since}`,
    };
  }
  if (candidates.length > 1) {
    return {
      made: "several",
      candidates: candidates.map((j) => `job ${j}`),
      what: `${candidates.length} manual jobs of ${instanceId} that the stack does not record started since ${since}`,
    };
  }
  const jobId = candidates[0];
  return {
    made: "one",
    id: resourceId(instanceId, pendingKey(jobId)),
    outputs: recordedAs(
      pending,
      pendingOutputs(inputs, { region: settings.regionId, jobId, jobStartMs: started.get(jobId) }),
    ),
    what: `job ${jobId} is the only manual job of ${instanceId} the stack does not record that started since ${since}`,
  };
};

function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
