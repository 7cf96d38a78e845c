/**
 * `pulumi-redis-backup validate` as a pull-request check: no credentials, every problem listed,
 * exit 1 on any problem and 0 with a one-line summary when the file is fine; the built binary too.
 */
import { execFile } from "child_process";
import { writeFileSync } from "fs";
import { join, resolve } from "path";
import { main } from "../../cli";
import { captureIo } from "./captureIo";
import { tempDir } from "../helpers/tempDir";

const dir = tempDir("validate-");
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const good = write(
  "good.yaml",
  [
    "orders:",
    "  cloud: tencentcloud",
    "  instance: crs-demo0001",
    "  retentionDays: 30",
    "carts:",
    "  cloud: alicloud",
    "  instance: r-demo0001",
    "profiles:",
    "  cloud: ucloud",
    "  instance: uredis-demo01",
    "sessions:",
    "  cloud: tencentcloud",
    "  instance: crs-demo0002",
    "",
  ].join("\n"),
);
const bad = write(
  "bad.yaml",
  [
    "orders:",
    "  cloud: tencentcloud",
    "  instance: crs-demo0001",
    "  retentionDays: 3000",
    "profiles:",
    "  cloud: ucloud",
    "  instance: uredis-demo01",
    "  retentionDays: 7",
    "",
  ].join("\n"),
);

// No cloud credentials anywhere: validate must not need them.
beforeAll(() => {
  for (const k of Object.keys(process.env)) {
    if (/^(TENCENTCLOUD|ALIBABA_CLOUD|ALICLOUD|UCLOUD)_/.test(k)) delete process.env[k];
  }
});

describe("validate", () => {
  it("passes a good file with a one-line summary, exit 0", async () => {
    const io = captureIo();
    expect(await main(["validate", good], io)).toBe(0);
    expect(io.out).toBe(`${good}: ok, 4 backups (2 tencentcloud, 1 alicloud, 1 ucloud)\n`);
    expect(io.err).toBe("");
  });

  it("lists every problem with file:line:column and exits 1", async () => {
    const io = captureIo();
    expect(await main(["validate", bad], io)).toBe(1);
    expect(io.out).toBe(
      [
        `${bad}:4:18: orders.retentionDays: must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)`,
        `${bad}:8:18: profiles.retentionDays: UCloud takes no retention per backup (CreateURedisBackup has none; the group's backup policy decides): remove it`,
        `${bad}: 2 problems`,
        "",
      ].join("\n"),
    );
  });

  it("writes GitHub annotations that land on the pull request's diff", async () => {
    const io = captureIo();
    expect(await main(["validate", "--format", "github", bad], io)).toBe(1);
    const lines = io.out.trim().split("\n");
    expect(lines[0]).toBe(
      `::error file=${bad},line=4,col=18,title=orders.retentionDays::orders.retentionDays: must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)`,
    );
    expect(lines).toHaveLength(3);
  });

  it("answers JSON for tools", async () => {
    const io = captureIo();
    expect(await main(["validate", "--format", "json", bad], io)).toBe(1);
    const report = JSON.parse(io.out);
    expect(report).toMatchObject({ file: bad, valid: false });
    expect(report.problems[0]).toEqual({
      file: bad,
      line: 4,
      column: 18,
      field: "orders.retentionDays",
      message: "must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)",
    });
  });

  it("says so when the file is missing, exit 1", async () => {
    const io = captureIo();
    expect(await main(["validate", join(dir, "nope.yaml")], io)).toBe(1);
    expect(io.out).toContain(`${join(dir, "nope.yaml")}:1:1: (file): no such file`);
  });

  it("exits 1 on a usage error and 0 on --help", async () => {
    const missing = captureIo();
    expect(await main(["validate"], missing)).toBe(1);
    expect(missing.err).toContain("missing required argument 'file'");
    const unknown = captureIo();
    expect(await main(["frobnicate"], unknown)).toBe(1);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
    const help = captureIo();
    expect(await main(["--help"], help)).toBe(0);
    expect(help.out).toContain("validate [options] <file>");
    expect(help.out).toContain("drift [options]");
  });
});

describe("the built binary (dist/cli/index.js)", () => {
  const bin = resolve(__dirname, "../../dist/cli/index.js");
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [bin, ...args], { timeout: 30_000 }, (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });

  it("validates with the same output and exit codes", async () => {
    const failing = await run(["validate", bad]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(`${bad}:4:18: orders.retentionDays:`);
    expect(failing.stdout).toContain(`${bad}: 2 problems`);
    const passing = await run(["validate", good]);
    expect(passing).toEqual({
      code: 0,
      stdout: `${good}: ok, 4 backups (2 tencentcloud, 1 alicloud, 1 ucloud)\n`,
      stderr: "",
    });
  });
});
