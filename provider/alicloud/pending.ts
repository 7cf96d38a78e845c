/**
 * Creates whose job Alibaba accepted but that stopped waiting before it made a backup (the
 * deadline passed, polls kept failing). The stack records the job, `<instance>:job-<jobId>` with
 * no backup id (AlicloudPendingOutputs), so that nothing it makes belongs to nobody: a refresh
 * picks up its backup once it is done, the next `pulumi up` (the engine's update of a resource that
 * failed to initialise) waits for it again, and destroy deletes what it made.
 */
import type { Connection as CoreConnection } from "../core/connection";
import { OperationFailedError, withNote } from "../core/errors";
import type { Leftover } from "../core/partialCreate";
import { waitBudgetMs } from "../core/inputs";
import { Gone, Session, gone, keepRecorded } from "../core/lifecycle";
import type { AlicloudClient } from "./client";
import type { AlicloudTarget } from "./ids";
import { pendingKey } from "./ids";
import type { AlicloudBackupInputs } from "./inputs";
import { jobsState, waitBackupCreated } from "./jobs";
import {
  AlicloudBackupOutputs,
  AlicloudPendingOutputs,
  AlicloudRecordedOutputs,
  buildOutputs,
  inputsOf,
  pendingOutputs,
} from "./outputs";
import type { AlicloudSettings } from "./settings";

/** @internal Alibaba's connection: settings and client. */
export type Connection = CoreConnection<AlicloudSettings, AlicloudClient>;

/**
 * What a create whose wait failed leaves: the job was accepted, so the engine must record it,
 * finished or not; a job that failed meanwhile fails the create.
 */
export async function leftoverOfJob(
  { connection: { client, settings }, deps }: Session<Connection>,
  inputs: AlicloudBackupInputs,
  jobIds: string[],
  err: Error,
): Promise<Leftover<AlicloudRecordedOutputs>> {
  if (err instanceof OperationFailedError) return {};
  const jobId = jobIds.join(",");
  const now = await jobsState(client, inputs.instanceId, jobIds, deps.clock.now()).catch(() => undefined);
  if (now?.state === "failed") return { error: new OperationFailedError(now.reason) };
  if (now?.state === "done") {
    return { record: { outputs: buildOutputs(inputs, now.made, { region: settings.regionId, jobId }) } };
  }
  const jobStartMs = now?.state === "running" ? now.jobStartMs : undefined;
  return {
    note:
      `job ${jobId} was accepted and the stack records it: the next \`pulumi up\` waits for it ` +
      "again, or `pulumi refresh` picks up its backup once it is done",
    record: {
      outputs: pendingOutputs(inputs, { region: settings.regionId, jobId, jobStartMs }),
      key: pendingKey(jobId),
    },
  };
}

/** When a recorded job started, as recorded (pending outputs written since cluster backups are supported). */
function recordedStart(props: Partial<AlicloudRecordedOutputs>): number | undefined {
  const text = (props as Partial<AlicloudPendingOutputs>).jobStartTime;
  const ms = text === undefined ? NaN : Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Where a recorded job stands now, with the inputs and job ids it was recorded under. */
async function lookAtJob(
  { connection: { client }, deps }: Session<Connection>,
  t: AlicloudTarget,
  props: AlicloudRecordedOutputs,
) {
  const now = await jobsState(client, t.instance, t.jobIds, deps.clock.now(), recordedStart(props));
  return { now, inputs: inputsOf(props), jobId: t.jobIds.join(",") };
}

/** One look at a recorded job (refresh): its backup when done, as it was while running, gone when it made none. */
export async function readPending(
  s: Session<Connection>,
  t: AlicloudTarget,
  props: AlicloudRecordedOutputs,
): Promise<AlicloudRecordedOutputs | Gone> {
  const { settings } = s.connection;
  const { deps } = s;
  const { now, inputs, jobId: jobs } = await lookAtJob(s, t, props);
  switch (now.state) {
    case "done": {
      const outs = buildOutputs(inputs, now.made, { region: settings.regionId, jobId: jobs });
      deps.reporter.info(`${t.instance}: backup job ${jobs} made backup ${outs.backupId}`);
      return outs;
    }
    case "running":
      deps.reporter.info(`${t.instance}: ${now.status}; the backup is still being made`);
      return pendingOutputs(inputs, {
        region: props.region,
        jobId: jobs,
        jobStartMs: now.jobStartMs ?? recordedStart(props),
      });
    case "failed":
      return gone(`${now.reason}; it made no backup and will be removed from the stack`);
    case "unlisted":
      return gone(
        `backup job ${jobs} of ${t.instance} is no longer known and left no backup; it will be removed from the stack`,
      );
  }
}

/** The next `pulumi up`: wait for the recorded job again; still not done, the stack keeps the job for the next attempt. */
export async function completePending(
  { connection: { client, settings }, deps }: Session<Connection>,
  t: AlicloudTarget,
  inputs: AlicloudBackupInputs,
  recorded: AlicloudRecordedOutputs,
): Promise<AlicloudBackupOutputs> {
  const jobId = t.jobIds.join(",");
  const started = recordedStart(recorded);
  try {
    const made = await waitBackupCreated(
      client,
      t.instance,
      t.jobIds,
      waitBudgetMs(inputs, deps),
      deps,
      started,
    );
    const outs = buildOutputs(inputs, made, { region: settings.regionId, jobId });
    deps.reporter.info(`${t.instance}: backup job ${jobId} made backup ${outs.backupId}`);
    return outs;
  } catch (e) {
    if (e instanceof OperationFailedError) {
      throw withNote(e, "`pulumi refresh` drops it from the stack, and the next `pulumi up` takes another");
    }
    throw e instanceof Error
      ? keepRecorded(e, pendingOutputs(inputs, { region: settings.regionId, jobId, jobStartMs: started }))
      : e;
  }
}

/** Destroy: the backup a recorded job made, waited for if it is still running; undefined when it made none. */
export async function pendingBackupForDelete(
  s: Session<Connection>,
  t: AlicloudTarget,
  props: AlicloudRecordedOutputs,
): Promise<AlicloudBackupOutputs | undefined> {
  const { client, settings } = s.connection;
  const { deps } = s;
  const { now, inputs, jobId } = await lookAtJob(s, t, props);
  if (now.state === "failed" || now.state === "unlisted") {
    deps.reporter.info(`backup job ${jobId} of ${t.instance} made no backup; nothing to delete`);
    return undefined;
  }
  let made = now.state === "done" ? now.made : undefined;
  if (!made) {
    try {
      made = await waitBackupCreated(
        client,
        t.instance,
        t.jobIds,
        waitBudgetMs(inputs, deps),
        deps,
        recordedStart(props),
      );
    } catch (e) {
      if (e instanceof OperationFailedError) return undefined;
      throw e instanceof Error ? withNote(e, "the job is still running: destroy again once it is done") : e;
    }
  }
  return buildOutputs(inputs, made, { region: settings.regionId, jobId });
}
