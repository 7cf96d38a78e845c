/**
 * How an engine test file starts: with a Pulumi CLI it runs; without one it fails under CI (the
 * suite is what proves `pulumi up` works, so CI must never skip it) and is skipped elsewhere (the
 * global setup says once how to get a CLI: `npm run pulumi-cli`).
 */
import * as path from "path";
import { Emulator, EmulatorOptions, emulatorEnvironment, startEmulator } from "../../../emulator";
import { PulumiProject, engineCli } from "../../../tools/pulumi-cli/project";

/** The test programs, each a Pulumi project a user could have written. */
export const PROGRAMS = path.join(__dirname, "..", "programs");

/** A CLI command runs a program, a provider host and the engine: minutes, never the default 60 s. */
const ENGINE_TIMEOUT_MS = 300_000;

/** `describe` for a file of engine tests: see the module comment. */
export function describeEngine(title: string, body: () => void): void {
  if (engineCli()) {
    describe(title, () => {
      jest.setTimeout(ENGINE_TIMEOUT_MS);
      body();
    });
  } else if (process.env.CI === "true") {
    describe(title, () => {
      it("runs under the real Pulumi CLI", () => {
        throw new Error(
          "CI=true and no Pulumi CLI was found: run `npm run pulumi-cli` first (it builds the pinned CLI " +
            "from its Go modules), or put `pulumi` on PATH",
        );
      });
    });
  } else {
    describe.skip(`${title} (no Pulumi CLI: \`npm run pulumi-cli\` builds one)`, body);
  }
}

export interface EngineWorld {
  readonly emulator: Emulator;
  /** The environment pointing the provider at the emulator. */
  readonly env: Record<string, string>;
  /** A fresh copy of a test program (or any project folder), cleaned up after the file's tests. */
  project(source: string, env?: Record<string, string>): PulumiProject;
}

/**
 * An emulator for the file's tests, and projects that point at it. Backups finish in a second of
 * the emulator's world clock, which runs on real time: the engine waits as it would for a cloud.
 */
export function useEngineWorld(options: EmulatorOptions = {}): EngineWorld {
  let emulator: Emulator | undefined;
  const projects: PulumiProject[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      taskSeconds: 1,
      ...options,
    });
  });
  afterAll(async () => {
    for (const p of projects) p.dispose();
    await emulator?.close();
  });
  const world: EngineWorld = {
    get emulator() {
      if (!emulator) throw new Error("the emulator is not running (use it inside a test)");
      return emulator;
    },
    get env() {
      return emulatorEnvironment(world.emulator.url);
    },
    project(source, env = {}) {
      const p = PulumiProject.create(path.isAbsolute(source) ? source : path.join(PROGRAMS, source), {
        ...world.env,
        ...env,
      });
      projects.push(p);
      return p;
    },
  };
  return world;
}
