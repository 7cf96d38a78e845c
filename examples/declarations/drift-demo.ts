/**
 * A drift report against the local emulator, as a scheduled job would see it a few days after
 * `pulumi up`: run `npx ts-node --transpile-only examples/declarations/drift-demo.ts`.
 *
 * It takes real backups on the emulated clouds with the provider's own operations, records them as
 * `pulumi stack export` would, then lets the world move on: the emulator expires one backup, locks
 * another, deletes a third and advances its clock five days so that a fourth nears its expiry. One
 * recorded backup is no longer declared, and one declared backup was never applied. Then it runs
 * `pulumi-redis-backup drift` (table and Markdown), pointed at the emulator by the same environment
 * variables a cloud would need. The tests (test/cli/drift.test.ts) check this very scenario.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../cli";
import { Emulator, emulatorEnvironment, startEmulator } from "../../emulator";
import * as alicloud from "../../provider/alicloud/operations";
import type { OperationDeps } from "../../provider/core/deps";
import { formatProblem, loadDeclarations } from "../../provider/declarations/parse";
import { toResourceInputs } from "../../provider/declarations/schema";
import * as tencentcloud from "../../provider/tencentcloud/operations";
import * as ucloud from "../../provider/ucloud/operations";

/** The declarations: this example's backups.yaml. */
export const DECLARATIONS_FILE = join(__dirname, "backups.yaml");
/** Declared, but the stack has not been updated since: `pulumi up` never took it. */
const NOT_APPLIED = "reports-quarterly";
/** Recorded in the stack, but its declaration was removed since. */
const NO_LONGER_DECLARED = {
  name: "legacy-export",
  cloud: "tencentcloud" as const,
  inputs: { instanceId: "crs-demo0001", remark: "before the 2023 export", storageDays: 60 },
};

export interface DriftScenario {
  dir: string;
  statePath: string;
  declarationsPath: string;
  /** The emulated world's time once everything happened (ms): judge expiry as of it. */
  now: number;
  /** Backup id by resource name, for every backup the stack recorded. */
  backupIds: Record<string, string>;
  env: Record<string, string>;
}

interface Recorded {
  name: string;
  cloud: "tencentcloud" | "alicloud" | "ucloud";
  inputs: object;
  id: string;
  outs: Record<string, unknown> & { backupId: string };
}

type Create = (
  inputs: object,
  deps: Partial<OperationDeps>,
) => Promise<{ id: string; outs: Record<string, unknown> & { backupId: string } }>;

const CREATE: Record<Recorded["cloud"], Create> = {
  tencentcloud: tencentcloud.create as unknown as Create,
  alicloud: alicloud.create as unknown as Create,
  ucloud: ucloud.create as unknown as Create,
};

const DAY_SECONDS = 24 * 3600;
const WAIT_DAYS = 5;

/** Takes the backups, records them, then changes the world under them (see the file's comment). */
export async function seedDriftScenario(emulator: Emulator, dir?: string): Promise<DriftScenario> {
  // The same variables point the provider (and so the CLI) at a cloud; here at the emulator.
  const env = emulatorEnvironment(emulator.url);
  Object.assign(process.env, env);
  const worldNow = () => Date.now() + emulator.admin.stats().clock.advancedSeconds * 1000;
  const deps: Partial<OperationDeps> = {
    clock: { now: worldNow },
    // Waiting moves the emulated world's clock instead of the test's.
    sleep: async (ms) => emulator.admin.advanceClock(ms / 1000),
    reporter: { info: () => undefined, warn: () => undefined },
  };

  const { declarations, problems } = loadDeclarations(DECLARATIONS_FILE);
  if (problems.length) throw new Error(problems.map(formatProblem).join("\n"));
  const applied = Object.entries(declarations)
    .filter(([name]) => name !== NOT_APPLIED)
    .map(([name, d]) => ({ name, ...toResourceInputs(d) }));
  const recorded: Recorded[] = [];
  for (const b of [...applied, NO_LONGER_DECLARED]) {
    const { id, outs } = await CREATE[b.cloud](b.inputs, deps);
    recorded.push({ name: b.name, cloud: b.cloud, inputs: b.inputs, id, outs: { ...outs } });
  }

  const idOf = (name: string) => recorded.find((r) => r.name === name)!.outs.backupId;
  emulator.admin.expireBackup(idOf("sessions-snapshot"));
  emulator.admin.lockBackup(idOf("payments-pre-upgrade"));
  emulator.alicloud.deleteBackup(Number(idOf("carts-weekly")));
  emulator.admin.advanceClock(WAIT_DAYS * DAY_SECONDS);

  const where = dir ?? mkdtempSync(join(tmpdir(), "redis-backup-drift-"));
  const statePath = join(where, "state.json");
  const declarationsPath = join(where, "backups.yaml");
  writeFileSync(statePath, JSON.stringify(stateExport(recorded), null, 2));
  copyFileSync(DECLARATIONS_FILE, declarationsPath);
  return {
    dir: where,
    statePath,
    declarationsPath,
    now: worldNow(),
    backupIds: Object.fromEntries(recorded.map((r) => [r.name, r.outs.backupId])),
    env,
  };
}

/** The shape `pulumi stack export` writes, with the stack and a provider resource around the backups. */
function stateExport(recorded: Recorded[]) {
  const urn = (type: string, name: string) => `urn:pulumi:dev::redis-backups::${type}::${name}`;
  return {
    version: 3,
    deployment: {
      manifest: { time: new Date().toISOString(), magic: "", version: "v3.200.0" },
      resources: [
        {
          urn: urn("pulumi:pulumi:Stack", "redis-backups-dev"),
          custom: false,
          type: "pulumi:pulumi:Stack",
          outputs: {},
        },
        {
          urn: urn("pulumi:providers:pulumi-nodejs", "default"),
          custom: true,
          id: "00000000-0000-0000-0000-000000000000",
          type: "pulumi:providers:pulumi-nodejs",
        },
        ...recorded.map((r) => {
          const type = `pulumi-nodejs:dynamic/${r.cloud}:RedisBackup`;
          return {
            urn: urn(type, r.name),
            custom: true,
            id: r.id,
            type,
            inputs: { ...r.inputs, __provider: "exports.handler = ..." },
            outputs: { ...r.outs, __provider: "exports.handler = ..." },
            parent: urn("pulumi:pulumi:Stack", "redis-backups-dev"),
            provider: `${urn("pulumi:providers:pulumi-nodejs", "default")}::00000000-0000-0000-0000-000000000000`,
          };
        }),
      ],
    },
  };
}

async function demo() {
  const emulator = await startEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
  try {
    const s = await seedDriftScenario(emulator);
    const common = ["drift", "--state", s.statePath, "--declarations", s.declarationsPath];
    for (const format of ["table", "markdown"]) {
      process.stdout.write(
        `$ pulumi-redis-backup drift --state state.json --declarations backups.yaml --format ${format}\n`,
      );
      const code = await main([...common, "--format", format, "--now", new Date(s.now).toISOString()]);
      process.stdout.write(`(exit code ${code})\n\n`);
    }
  } finally {
    await emulator.close();
  }
}

if (require.main === module) {
  demo().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
