/**
 * This checkout's `pulumi-redis-backup` command (dist/cli), run as a user runs it after a
 * `pulumi` command: a child process with the environment that points the provider at the emulator.
 */
import { spawn } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "../../../tools/pulumi-cli/project";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi-redis-backup <args>` with `stdin`. */
export function runRedisBackupCli(args: string[], stdin: string, env: Record<string, string>) {
  return new Promise<CommandResult>((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(REPO_ROOT, "dist/cli/index.js"), ...args], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += String(d)));
    p.stderr.on("data", (d) => (stderr += String(d)));
    p.on("error", reject);
    p.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    p.stdin.end(stdin);
  });
}
