#!/usr/bin/env node
/**
 * `pulumi-redis-backup`: checks for infrastructure repositories that declare Redis backups.
 *
 *   pulumi-redis-backup validate backups.yaml
 *   pulumi-redis-backup drift --state state.json --declarations backups.yaml --format markdown
 *   pulumi-redis-backup final-backups --cloud tencentcloud --instance crs-xjhsdj01
 *   pulumi-redis-backup url before-migration --state state.json
 *   pulumi-redis-backup download before-migration --state state.json -o backup.rdb
 *   pulumi-redis-backup recover --state state.json --write-state repaired.json
 *
 * `validate` needs no credentials. `drift` asks each cloud through the provider's own `read`, with
 * the provider's environment variables (TENCENTCLOUD_*, ALIBABA_CLOUD_*, UCLOUD_*), so it works
 * against the emulator exactly as against a cloud. Exit codes: 0 fine, 1 error, 2 drift.
 */
import { Command, CommanderError, Option } from "commander";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";
import { CLOUD_ENTRIES } from "../provider/clouds";
import { RedisBackupError } from "../provider/core/errors";
import { redact } from "../provider/core/redact";
import { Problem, formatProblem, loadDeclarations } from "../provider/declarations/parse";
import type { Declarations } from "../provider/declarations/schema";
import { checkDrift } from "./drift";
import { downloadBackup, printUrls } from "./download/commands";
import { humanBytes } from "./download/progress";
import { TargetFlags, resolveTarget } from "./download/target";
import { finalTargets, listFinalBackups, renderFinalBackups } from "./finalBackups";
import { parseDuration } from "./duration";
import { Io, UsageError, processIo } from "./io";
import { FORMATS, Format, render } from "./render";
import { RecordedBackup, parseStateExport } from "./state";
import {
  allSettled,
  parsePendingState,
  recoverPending,
  recoveryJson,
  renderRecovery,
  repairedExport,
} from "./recover";

export type { Io } from "./io";

/** The CLI's exit codes: 0 fine, 1 error, 2 drift. */
export const EXIT = { ok: 0, error: 1, drift: 2 } as const;

const VALIDATE_FORMATS = ["text", "github", "json"] as const;
type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** Runs the CLI with `argv` (the arguments after the program name); resolves with the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("pulumi-redis-backup")
    .description(
      "Check Redis backup declarations, and compare a stack's backups with what the clouds have now.",
    )
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });

  program
    .command("validate")
    .description("Check a declarations file (no credentials needed). Exit 1 listing every problem.")
    .argument("<file>", "the declarations file, e.g. backups.yaml")
    .addOption(
      new Option("--format <format>", "text, github (annotations on the pull request) or json")
        .choices(VALIDATE_FORMATS)
        .default("text"),
    )
    .action((file: string, opts: { format: ValidateFormat }) => {
      code = validate(file, opts.format, io);
    });

  program
    .command("drift")
    .description(
      "Ask each cloud for every backup of a stack and say which expired, expire soon, got locked or vanished;\n" +
        "with --declarations too, note the ones that file does not declare (the program may declare them in code).\n" +
        "Exit 0 when all is ok, 2 on drift, 1 on error.",
    )
    .option("--declarations <file>", "the declarations file (backups.yaml)")
    .option(
      "--state <file>",
      "a state export, from `pulumi stack export > state.json` (- reads standard input), or a file backend's\n" +
        "checkpoint (~/.pulumi/stacks/<project>/<stack>.json with `pulumi login --local`), read without a Pulumi CLI;\n" +
        "repeatable: every stack's backups are read together, one listing per instance",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--expiring-within <duration>", "how soon an expiry counts as expiring-soon: 7d, 36h, 90m", "7d")
    .addOption(
      new Option("--format <format>", "table, markdown (a PR comment) or json")
        .choices(FORMATS)
        .default("table"),
    )
    .option("--now <time>", "judge expiry as of this time (ISO 8601) instead of the current time")
    .addHelpText(
      "after",
      [
        "",
        "Each cloud is asked with the provider's environment variables (stack config is not read):",
        ...CLOUD_ENTRIES.map((e) => environmentHelp(e.environment)),
        "",
        "Example:",
        "  pulumi stack export > state.json",
        "  pulumi-redis-backup drift --state state.json --declarations backups.yaml --format markdown",
      ].join("\n"),
    )
    .action(async (opts: DriftCliOptions) => {
      code = await drift(opts, io);
    });

  program
    .command("final-backups")
    .description(
      "List the backups FinalBackups took, as each cloud has them now, with the instance each came from.\n" +
        "Exit 0, or 1 when an instance could not be asked.",
    )
    .option("--cloud <cloud>", `the cloud of --instance: ${CLOUD_ENTRIES.map((e) => e.name).join(", ")}`)
    .option(
      "--instance <id>",
      "an instance to ask about (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      "--state <file>",
      "a state export holding FinalBackups (- reads standard input); after a destroy, `pulumi stack export --version <n>`",
    )
    .addOption(new Option("--format <format>", "table or json").choices(["table", "json"]).default("table"))
    .addHelpText(
      "after",
      [
        "",
        "Example:",
        "  pulumi-redis-backup final-backups --cloud tencentcloud --instance crs-xjhsdj01",
        "  pulumi stack export --version 12 | pulumi-redis-backup final-backups --state -",
      ].join("\n"),
    )
    .action(
      async (opts: { cloud?: string; instance: string[]; state?: string; format: "table" | "json" }) => {
        const recorded = opts.state ? parseStateExport(readState(opts.state, io), opts.state) : undefined;
        const report = await listFinalBackups(
          finalTargets({ cloud: opts.cloud, instances: opts.instance, recorded }),
        );
        io.stdout.write(renderFinalBackups(report, opts.format));
        code = report.errors.length > 0 ? EXIT.error : EXIT.ok;
      },
    );

  const targetOptions = (c: Command) =>
    c
      .argument(
        "<backup>",
        "a RedisBackup's resource name or backup id (with --state), or a backup id (with --cloud, --instance)",
      )
      .option("--state <file>", "a state export, from `pulumi stack export` (- reads standard input)")
      .option("--cloud <cloud>", `without --state: ${CLOUD_ENTRIES.map((e) => e.name).join(", ")}`)
      .option("--instance <id>", "without --state: the instance (UCloud: the group)")
      .option("--region <region>", "without --state: the instance's region (else the provider's variables)")
      .option("--zone <zone>", "without --state: UCloud's zone")
      .option("--project-id <id>", "without --state: UCloud's project");
  const target = (backup: string, opts: TargetFlags & { state?: string }) =>
    resolveTarget(
      backup,
      opts.state ? parseStateExport(readState(opts.state, io), opts.state) : undefined,
      opts,
    );

  targetOptions(
    program
      .command("url")
      .description(
        "Print the files of a backup and their download URLs, asked for now (they expire; they are never stored).",
      ),
  )
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .action(async (backup: string, opts: TargetFlags & { state?: string; format: "text" | "json" }) => {
      await printUrls(target(backup, opts), opts.format, io);
    });

  targetOptions(
    program
      .command("download")
      .description(
        "Download the files of a backup: a progress bar on a terminal, resumed after an interruption, checked against\n" +
          "the size the cloud reports, written as <file>.part and renamed once complete. Exit 1 on any failure.",
      ),
  )
    .option(
      "-o, --output <path>",
      "the file (one file), or the folder (a cluster's shards); default: the files' names here",
    )
    .option("--intranet", "use the intranet URL (from inside the instance's VPC)")
    .option("--concurrency <n>", "files downloaded at a time", (v) => Number(v), 3)
    .action(
      async (
        backup: string,
        opts: TargetFlags & { state?: string; output?: string; intranet?: boolean; concurrency: number },
      ) => {
        const results = await downloadBackup(target(backup, opts), opts, io);
        for (const r of results) {
          io.stdout.write(
            `${r.dest}: ${humanBytes(r.bytes)} (${r.bytes} bytes, the size the cloud reported)\n`,
          );
        }
      },
    );

  program
    .command("recover")
    .description(
      "After a `pulumi up` was killed mid-create: say, for each pending create of a RedisBackup, which backup it made\n" +
        "(found from the cloud by the create's marker; on Alibaba by its job and time), none, or which candidates.\n" +
        "Exit 0 when every pending create is settled, 2 when one needs a person, 1 on error.",
    )
    .requiredOption(
      "--state <file>",
      "a state export, from `pulumi stack export > state.json` (- reads standard input)",
    )
    .option("--write-state <file>", "write the export with what was made recorded and what was not dropped")
    .option("--json", "print the findings as JSON (for CI)")
    .addHelpText(
      "after",
      [
        "",
        "Example:",
        "  pulumi cancel --yes                      # the killed run's lock (file and self-managed backends)",
        "  pulumi stack export > state.json",
        "  pulumi-redis-backup recover --state state.json --write-state repaired.json",
        "  pulumi stack import --file repaired.json",
        "  pulumi refresh --yes",
      ].join("\n"),
    )
    .action(async (opts: { state: string; writeState?: string; json?: boolean }) => {
      const state = parsePendingState(readState(opts.state, io), opts.state);
      const quiet = { info: () => undefined, warn: () => undefined };
      const found = await recoverPending(state, { reporter: quiet, onRetry: () => undefined });
      if (opts.writeState)
        writeFileSync(opts.writeState, JSON.stringify(repairedExport(state, found), null, 4) + "\n");
      io.stdout.write(opts.json ? recoveryJson(found) : renderRecovery(found, opts));
      code = found.some((r) => r.finding.made === "error")
        ? EXIT.error
        : allSettled(found)
          ? EXIT.ok
          : EXIT.drift;
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    // What the user can act on (a usage mistake, or the package's own errors: a cloud's refusal,
    // a missing credential) is its message alone; anything else is a bug, and its stack says where.
    const message =
      e instanceof UsageError || e instanceof RedisBackupError
        ? e.message
        : ((e as Error).stack ?? String(e));
    io.stderr.write(`pulumi-redis-backup: ${redact(message)}\n`);
    return EXIT.error;
  }
}

function validate(file: string, format: ValidateFormat, io: Io): number {
  const { declarations, problems } = loadDeclarations(file);
  const count = Object.keys(declarations).length;
  if (format === "json") {
    io.stdout.write(
      JSON.stringify({ file, valid: problems.length === 0, backups: count, problems }, null, 2) + "\n",
    );
    return problems.length ? EXIT.error : EXIT.ok;
  }
  if (problems.length === 0) {
    io.stdout.write(`${file}: ok, ${describeCount(declarations)}\n`);
    return EXIT.ok;
  }
  for (const p of problems)
    io.stdout.write((format === "github" ? githubAnnotation(p) : formatProblem(p)) + "\n");
  io.stdout.write(`${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
  return EXIT.error;
}

/** `6 backups (3 tencentcloud, 2 alicloud, 1 ucloud)` */
function describeCount(declarations: Declarations): string {
  const all = Object.values(declarations);
  const by = new Map<string, number>();
  for (const d of all) by.set(d.cloud, (by.get(d.cloud) ?? 0) + 1);
  const parts = [...by].map(([cloud, n]) => `${n} ${cloud}`);
  return `${all.length} backup${all.length === 1 ? "" : "s"}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

/** A GitHub Actions workflow command: the problem shows on the pull request's diff. */
function githubAnnotation(p: Problem): string {
  const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return `::error file=${prop(p.file)},line=${p.line},col=${p.column},title=${prop(p.field)}::${data(`${p.field}: ${p.message}`)}`;
}

interface DriftCliOptions {
  declarations?: string;
  /** Every `--state` given, in order. */
  state: string[];
  expiringWithin: string;
  format: Format;
  now?: string;
}

async function drift(opts: DriftCliOptions, io: Io): Promise<number> {
  if (!opts.declarations && opts.state.length === 0) {
    throw new UsageError("drift needs --state (a `pulumi stack export`), --declarations, or both");
  }
  const expiringWithinMs = parseDuration(opts.expiringWithin);
  const now = opts.now === undefined ? Date.now() : Date.parse(opts.now);
  if (!Number.isFinite(now))
    throw new UsageError(`--now: "${opts.now}" is not a time; write it like 2025-06-01T12:00:00Z`);

  let declarations: Declarations | undefined;
  if (opts.declarations) {
    const loaded = loadDeclarations(opts.declarations);
    if (loaded.problems.length > 0) {
      for (const p of loaded.problems) io.stderr.write(formatProblem(p) + "\n");
      throw new UsageError(
        `${opts.declarations} has ${loaded.problems.length} problem${loaded.problems.length === 1 ? "" : "s"}; fix ${loaded.problems.length === 1 ? "it" : "them"} first`,
      );
    }
    declarations = loaded.declarations;
  }
  let recorded: RecordedBackup[] | undefined;
  if (opts.state.filter((f) => f === "-").length > 1)
    throw new UsageError("--state -: standard input can be read once");
  // Every stack's backups in one check: their reads share the listings of their instances.
  if (opts.state.length > 0) recorded = opts.state.flatMap((f) => parseStateExport(readState(f, io), f));

  const progress = io.stderr.isTTY ? progressLine(io) : undefined;
  let report;
  try {
    report = await checkDrift({
      declarations,
      declarationsFile: opts.declarations ? basename(opts.declarations) : undefined,
      recorded,
      now,
      expiringWithinMs,
      onProgress: progress?.update,
    });
  } finally {
    progress?.clear();
  }
  io.stdout.write(render(report, opts.format));
  const failed = report.rows.filter((r) => r.verdict === "error").length;
  if (failed > 0) {
    // The report lists each error once; standard error says only that there were some.
    io.stderr.write(
      `pulumi-redis-backup: ${failed} backup${failed === 1 ? "" : "s"} could not be checked (the report says why)\n`,
    );
    return EXIT.error;
  }
  return report.rows.every((r) => r.verdict === "ok") ? EXIT.ok : EXIT.drift;
}

function readState(path: string, io: Io): string {
  if (path === "-") {
    if (!io.readStdin) throw new UsageError("--state -: no standard input to read");
    return io.readStdin();
  }
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`--state ${path}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
  }
}

/** One line on a terminal, rewritten as backups are read; nothing at all elsewhere (CI logs). */
function progressLine(io: Io) {
  let shown = false;
  return {
    update: (done: number, total: number) => {
      if (total === 0) return;
      io.stderr.write(`\rchecking backups: ${done}/${total}`);
      shown = true;
    },
    clear: () => {
      if (shown) io.stderr.write("\r\x1b[K");
    },
  };
}

function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "pulumi-redis-backup" && pkg.version) return pkg.version;
  }
  return "0.0.0";
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/** `  Tencent Cloud  A, B, C,` with the variables wrapped under each other within 90 columns. */
function environmentHelp({ label, variables }: { label: string; variables: string[] }): string {
  const indent = " ".repeat(17);
  const lines = [`  ${label.padEnd(15)}`];
  variables.forEach((v, i) => {
    const word = `${v}${i < variables.length - 1 ? "," : ""}`;
    const line = lines[lines.length - 1];
    const fits = line.trim() === label || `${line} ${word}`.length <= 90;
    if (fits) lines[lines.length - 1] = line.endsWith(" ") ? `${line}${word}` : `${line} ${word}`;
    else lines.push(`${indent}${word}`);
  });
  return lines.join("\n");
}
