/**
 * `npm run pulumi-python`: makes (or reuses) a Python virtual environment with the `pulumi`
 * package of the CLI's release (from PyPI), outside the repo beside the pinned CLI, and prints its
 * python on the last line. The Python language host runs programs with it (PULUMI_PYTHON_CMD);
 * the engine suite's Python program needs it. A venv is made beside its folder and renamed into
 * place, so an interrupted one never looks complete.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PULUMI_VERSION, pinnedCliDir } from "./location";

/**
 * What the venv holds: the `pulumi` package on PyPI of the CLI's release, and what the generated
 * SDK (sdk/python/setup.py) requires besides, at the versions it was tested with.
 */
export const PYTHON_PACKAGES = [
  `pulumi==${PULUMI_VERSION.replace(/^v/, "")}`,
  "parver==1.0.1.post0",
  "semver==3.1.2",
  // To install the generated SDK offline (`pip install --no-build-isolation`, as the Python engine test does).
  "wheel==0.48.0",
];
/** What `.stamp` records: the packages, so that a change to them makes the venv again. */
const PYTHON_PULUMI = PYTHON_PACKAGES.join(" ");

/** The venv's folder: `~/.cache/pulumi-redis-backup/pulumi-v3.248.0/python`. */
export function pythonVenvDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(pinnedCliDir(env)), "python");
}

/** The venv's python, when the venv is complete. */
export function pinnedPython(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = pythonVenvDir(env);
  const python = path.join(dir, "bin", "python");
  const stamp = path.join(dir, ".stamp");
  return fs.existsSync(python) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === PYTHON_PULUMI
    ? python
    : undefined;
}

function run(file: string, args: string[]): void {
  const r = spawnSync(file, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.error) throw new Error(`${file}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${file} ${args.join(" ")} failed (exit ${r.status})`);
}

function main(): void {
  const existing = pinnedPython();
  if (existing) {
    process.stderr.write(`${PYTHON_PULUMI}: reusing the venv in ${pythonVenvDir()}\n`);
    process.stdout.write(`${existing}\n`);
    return;
  }
  const dir = pythonVenvDir();
  const staging = `${dir}.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    run(process.env.PYTHON ?? "python3", ["-m", "venv", staging]);
    // `python -m pip`, not bin/pip: scripts name the staging folder, the interpreter's paths are relative.
    run(path.join(staging, "bin", "python"), [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--disable-pip-version-check",
      ...PYTHON_PACKAGES,
    ]);
    fs.writeFileSync(path.join(staging, ".stamp"), PYTHON_PULUMI);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  process.stderr.write(`${PYTHON_PULUMI} installed in ${dir}\n`);
  process.stdout.write(`${path.join(dir, "bin", "python")}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`npm run pulumi-python: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
