/**
 * A `pulumi up` killed (SIGKILL to the CLI, the language host and the provider host at once)
 * while its three creates wait for their backups, then the README's recovery steps, under the
 * real engine: `recover` names what each create made, the repaired state records it, the next
 * `pulumi up` takes nothing more, and the stack ends consistent. The emulator, not the stack, says
 * what was made. (`npm run crash-test` runs this in a loop, at every kill moment, per cloud.)
 */
import {
  CrashCloud,
  Killed,
  Recovered,
  killUpAt,
  madeInClouds,
  recordedKeys,
  recoverAsReadme,
  slowTasks,
} from "../../tools/pulumi-cli/interrupt";
import { PulumiProject } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";

const CLOUDS: CrashCloud[] = ["tencentcloud", "alicloud", "ucloud"];

describeEngine("a pulumi up killed while its creates wait, then the README's recovery", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  let killed: Killed;
  let recovered: Recovered;

  beforeAll(async () => {
    project = world.project("interrupted");
    await project.initStack("dev");
    slowTasks(world.emulator, 30);
    killed = await killUpAt(project, world.emulator, CLOUDS, "waiting", {
      random: () => 0.5,
      beforeWithinMs: 0,
      waitWithinMs: 2_000,
    });
    // Time passes before someone recovers: the backups the killed run started are done.
    world.emulator.admin.advanceClock(120);
    slowTasks(world.emulator, 1);
    recovered = await recoverAsReadme(project);
  });

  it("the kill lands while waiting, and takes the CLI and its plugins with it", () => {
    expect(killed.moment).toBe("waiting");
    expect(killed.up.code).toBe(137);
    // The CLI, the language host (and program) and the dynamic-provider host, at least.
    expect(killed.processes).toBeGreaterThanOrEqual(3);
  });

  it("recover names, on each cloud, the one backup (Alibaba: job) its create made", () => {
    const made = madeInClouds(world.emulator);
    const byCloud = Object.fromEntries(recovered.report.pendingCreates.map((p) => [p.cloud, p]));
    expect(recovered.report.settled).toBe(true);
    expect(byCloud.tencentcloud).toMatchObject({ made: "one", id: `crs-demo0001:${made.tencentcloud[0]}` });
    expect(byCloud.ucloud).toMatchObject({ made: "one", id: `uredis-demo01:${made.ucloud[0]}` });
    expect(byCloud.alicloud).toMatchObject({ made: "one", id: `r-demo0001:job-${made.alicloud[0]}` });
  });

  it("after recovery each cloud holds exactly the one backup, recorded, and nothing more is planned", async () => {
    const made = madeInClouds(world.emulator);
    const resources = (await project.exportStack()).deployment.resources ?? [];
    for (const cloud of CLOUDS) {
      expect(made[cloud]).toHaveLength(1);
      expect(recordedKeys(resources, cloud)).toEqual(made[cloud]);
    }
    const up = recovered.steps.find((s) => s.command.startsWith("pulumi up"))!;
    expect(up.output).toMatch(/3 unchanged|Resources:\s+4 unchanged/);
    expect(recovered.consistent).toBe(true);
  });
});
