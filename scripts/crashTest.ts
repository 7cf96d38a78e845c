/**
 * `npm run crash-test`: `pulumi up` killed mid-create, over and over, under the real CLI.
 *
 * Each run: a fresh emulator and stack, one RedisBackup of one cloud, `pulumi up` killed with
 * SIGKILL (CLI, language host and provider host at once) at a random moment of the create —
 * before the call, right after it was accepted, or while waiting for the backup — then the
 * README's recovery steps ("If `pulumi up` was interrupted"). Counted from the emulator, per cloud
 * and kill moment: backups made, recorded in the stack, named by `recover` but not recorded, and
 * neither (unnamed); duplicates (more than the one backup the program declares); and runs whose
 * stack ended inconsistent (`pulumi preview --expect-no-changes` failed).
 *
 *   npm run crash-test                       # 20 runs per cloud, moments in turn
 *   npm run crash-test -- --runs 5 --clouds ucloud --moments after,waiting --seed 7
 */
import * as fs from "fs";
import * as path from "path";
import { emulatorEnvironment, startEmulator } from "../emulator";
import {
  CREATE_OF,
  CrashCloud,
  KILL_MOMENTS,
  KillMoment,
  killUpAt,
  madeInClouds,
  namedKeys,
  recordedKeys,
  recoverAsReadme,
  slowTasks,
} from "../tools/pulumi-cli/interrupt";
import { PulumiProject } from "../tools/pulumi-cli/project";

const PROGRAM = path.join(__dirname, "..", "test", "engine", "programs", "interrupted");
/** World-clock seconds a backup takes: the "while waiting" window. */
const TASK_SECONDS = 20;

interface Run {
  cloud: CrashCloud;
  aimed: KillMoment;
  moment: KillMoment;
  made: number;
  recorded: number;
  namedOnly: number;
  unnamed: number;
  duplicates: number;
  consistent: boolean;
  adopted: boolean;
  recoverSaid: string;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A small seeded generator (mulberry32): the same seed kills at the same offsets. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function oneRun(cloud: CrashCloud, aimed: KillMoment, random: () => number): Promise<Run> {
  const emulator = await startEmulator({ port: 0, taskSeconds: TASK_SECONDS, rateLimitPerSecond: 0 });
  const project = PulumiProject.create(PROGRAM, emulatorEnvironment(emulator.url));
  try {
    slowTasks(emulator, TASK_SECONDS);
    await project.initStack("crash");
    await project.setConfig({ clouds: cloud });
    const killed = await killUpAt(project, emulator, [cloud], aimed, {
      random,
      beforeWithinMs: 6_000,
      waitWithinMs: (TASK_SECONDS - 4) * 1000,
    });
    // Time passes before someone recovers: whatever the killed run started has finished.
    emulator.admin.advanceClock(TASK_SECONDS + 60);
    slowTasks(emulator, 2);
    const recovered = await recoverAsReadme(project);
    const exported = await project.exportStack();
    const made = madeInClouds(emulator)[cloud];
    const recorded = new Set(recordedKeys(exported.deployment.resources ?? [], cloud));
    const named = new Set(namedKeys(recovered.report, cloud));
    const up = recovered.steps.find((s) => s.command.startsWith("pulumi up"));
    const finding = recovered.report.pendingCreates[0];
    return {
      cloud,
      aimed,
      moment: killed.moment,
      made: made.length,
      recorded: made.filter((b) => recorded.has(b)).length,
      namedOnly: made.filter((b) => !recorded.has(b) && named.has(b)).length,
      unnamed: made.filter((b) => !recorded.has(b) && !named.has(b)).length,
      duplicates: Math.max(0, made.length - 1),
      consistent: recovered.consistent,
      adopted: /an interrupted `pulumi up` took it; adopting it/.test(up?.output ?? ""),
      recoverSaid: finding ? `${finding.made}: ${finding.what}` : "no pending create",
    };
  } finally {
    project.dispose();
    await emulator.close();
  }
}

function table(runs: Run[]): string {
  const rows = [
    "| cloud | killed | runs | made | recorded | named, not recorded | unnamed | duplicates | inconsistent |",
  ];
  rows.push("|---|---|---|---|---|---|---|---|---|");
  for (const cloud of Object.keys(CREATE_OF) as CrashCloud[]) {
    for (const moment of KILL_MOMENTS) {
      const rs = runs.filter((r) => r.cloud === cloud && r.moment === moment);
      if (rs.length === 0) continue;
      const sum = (f: (r: Run) => number) => rs.reduce((n, r) => n + f(r), 0);
      rows.push(
        `| ${cloud} | ${moment} | ${rs.length} | ${sum((r) => r.made)} | ${sum((r) => r.recorded)} | ${sum((r) => r.namedOnly)} | ${sum((r) => r.unnamed)} | ${sum((r) => r.duplicates)} | ${sum((r) => (r.consistent ? 0 : 1))} |`,
      );
    }
  }
  return rows.join("\n");
}

async function main(): Promise<void> {
  const runsPerCloud = Number(arg("runs", "20"));
  const clouds = arg("clouds", "tencentcloud,alicloud,ucloud").split(",") as CrashCloud[];
  const seed = Number(arg("seed", String(Date.now() % 100000)));
  const moments = arg("moments", KILL_MOMENTS.join(",")).split(",") as KillMoment[];
  const out = arg("out", path.join(process.cwd(), "crash-test.json"));
  const random = seeded(seed);
  console.log(`crash test: ${runsPerCloud} runs per cloud (${clouds.join(", ")}), seed ${seed}`);
  const runs: Run[] = [];
  for (let i = 0; i < runsPerCloud; i++) {
    for (const cloud of clouds) {
      const aimed = moments[i % moments.length];
      const started = Date.now();
      const run = await oneRun(cloud, aimed, random);
      runs.push(run);
      console.log(
        `${cloud} run ${i + 1}: aimed ${aimed}, killed ${run.moment}; made ${run.made}, recorded ${run.recorded}, ` +
          `unnamed ${run.unnamed}, duplicates ${run.duplicates}, ${run.consistent ? "consistent" : "INCONSISTENT"}` +
          `${run.adopted ? ", adopted by the next up" : ""}; recover: ${run.recoverSaid} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
      fs.writeFileSync(out, JSON.stringify({ seed, runs }, null, 2) + "\n");
    }
  }
  console.log(`\n${table(runs)}\n`);
  const bad = runs.filter((r) => r.unnamed > 0 || r.duplicates > 0 || !r.consistent);
  console.log(
    bad.length === 0
      ? "every run: 0 unnamed, 0 duplicates, consistent"
      : `${bad.length} runs failed the target`,
  );
  process.exitCode = bad.length === 0 ? 0 : 1;
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
