/**
 * An Alibaba backup job that outlives its create's wait, under the engine: the CLI reports the
 * failure, the stack records the half-made resource (ErrorResourceInitFailed, id
 * `<instance>:job-<id>`), the next `pulumi up` completes it, a refresh gives it its usual id, and
 * nothing was taken twice.
 */
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds, printed } from "./harness/world";

describeEngine("an Alibaba job that outlives its wait, under the Pulumi engine", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  const nightly = async () => backupsByName(await project.exportStack()).nightly;

  beforeAll(async () => {
    project = world.project("slow-job");
    await project.initStack("dev");
  });

  it("pulumi up fails, says the job was accepted, and the stack records the job", async () => {
    world.emulator.alicloud.setJobSeconds(600);
    await project.setConfig({ waitTimeoutMinutes: 0.1 });
    const up = await project.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    const text = printed(up);
    expect(text).toMatch(/creating Redis backup of r-demo0001: timed out after \d+s waiting for/);
    expect(text).toMatch(
      /job \d+ was accepted and the stack records it: the next `pulumi up` waits for it again/,
    );
    const recorded = await nightly();
    expect(recorded.id).toMatch(/^r-demo0001:job-\d+$/);
    expect(recorded.outputs).toMatchObject({ status: "creating" });
    expect(recorded.outputs?.backupId).toBeUndefined();
    expect(backupsInClouds(world.emulator).alicloud).toEqual([]);
  });

  it("the next pulumi up waits for the same job and completes the resource", async () => {
    const jobId = String((await nightly()).id).split(":job-")[1];
    world.emulator.admin.advanceClock(600);
    await project.removeConfig("waitTimeoutMinutes");
    const up = await project.ok(["up", "--yes", "--skip-preview"]);
    expect(printed(up)).toMatch(new RegExp(`r-demo0001: backup job ${jobId} made backup \\d+`));
    const recorded = await nightly();
    expect(recorded.outputs).toMatchObject({ status: "available", jobId });
    expect(backupsInClouds(world.emulator).alicloud).toEqual([String(recorded.outputs?.backupId)]);
  });

  it("a refresh gives it the usual id; then nothing is planned, and destroy deletes what the job made", async () => {
    await project.ok(["refresh", "--yes", "--skip-preview"]);
    const recorded = await nightly();
    expect(recorded.id).toBe(`r-demo0001:${String(recorded.outputs?.backupId)}`);
    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(backupsInClouds(world.emulator).alicloud).toEqual([]);
  });
});
