/**
 * `pulumi-redis-backup drift` against the emulator, the way a scheduled job meets it: backups taken
 * and recorded in a state export, then the emulator expires one, locks another, deletes a third and
 * lets five days pass so a fourth nears its expiry; one recorded backup is no longer declared and
 * one declared backup was never applied (examples/declarations/drift-demo.ts builds this world).
 */
import { execFile } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { main } from "../../cli";
import { DriftScenario, seedDriftScenario } from "../../examples/declarations/drift-demo";
import { useEmulator } from "../helpers/emulator";
import { tempDir } from "../helpers/tempDir";
import { captureIo } from "./captureIo";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
let s: DriftScenario;

beforeAll(async () => {
  s = await seedDriftScenario(handle.emulator, tempDir("redis-backup-drift-"));
});

const asOf = () => new Date(s.now).toISOString();
const drift = async (args: string[], options: { tty?: boolean; stdin?: string } = {}) => {
  const io = captureIo(options);
  const code = await main(["drift", ...args, "--now", asOf()], io);
  return { code, out: io.out, err: io.err };
};
const both = () => ["--state", s.statePath, "--declarations", s.declarationsPath];

interface JsonRow {
  name: string;
  verdict: string;
  currentStatus: string | null;
  recordedStatus: string | null;
  backupId: string | null;
  expiresInSeconds: number | null;
}
const verdicts = (out: string) =>
  Object.fromEntries((JSON.parse(out).backups as JsonRow[]).map((b) => [b.name, b.verdict]));

/** The report with what differs from run to run (backup ids, the time) named instead. */
function normalised(text: string): string {
  let out = text;
  for (const [name, id] of Object.entries(s.backupIds)) out = out.split(id).join(`<id of ${name}>`);
  return out.split(asOf().slice(0, 19)).join("<now>");
}

describe("with the state export and the declarations", () => {
  it("gives each backup its verdict and exits 2", async () => {
    const { code, out, err } = await drift([...both(), "--format", "json"]);
    expect(err).toBe("");
    expect(code).toBe(2);
    expect(verdicts(out)).toEqual({
      "carts-weekly": "missing", // deleted at the cloud
      "invoices-monthly": "expiring-soon", // 10 days kept, 5 gone
      "legacy-export": "ok", // not in the file: a note, never the verdict
      "orders-before-migration": "ok",
      "payments-pre-upgrade": "locked",
      "profiles-nightly": "ok",
      "reports-quarterly": "missing", // declared, never applied
      "sessions-snapshot": "expired",
    });
    const rows = JSON.parse(out).backups as JsonRow[];
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row("carts-weekly")).toMatchObject({ recordedStatus: "available", currentStatus: "gone" });
    expect(row("reports-quarterly")).toMatchObject({
      recordedStatus: null,
      currentStatus: null,
      backupId: null,
    });
    expect(row("payments-pre-upgrade")).toMatchObject({
      recordedStatus: "available",
      currentStatus: "locked",
    });
    expect(row("sessions-snapshot")).toMatchObject({ currentStatus: "expired" });
    expect(row("orders-before-migration").backupId).toBe(s.backupIds["orders-before-migration"]);
    // Sorted by name, whatever order the state and the file list them in.
    expect(rows.map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort());
  });

  it("prints a table a person can read", async () => {
    const { code, out } = await drift(both());
    expect(code).toBe(2);
    const lines = normalised(out).split("\n");
    expect(lines[0]).toMatch(/^NAME +CLOUD +BACKUP ID +RECORDED +CURRENT +EXPIRES IN +VERDICT +NOTE$/);
    expect(lines.find((l) => l.startsWith("invoices-monthly"))).toMatch(
      /^invoices-monthly +tencentcloud +<id of invoices-monthly> +available +available +4d 23h +expiring-soon *$/,
    );
    expect(lines.find((l) => l.startsWith("reports-quarterly"))).toMatch(
      /^reports-quarterly +alicloud +- +- +- +- +missing *$/,
    );
    expect(lines.find((l) => l.startsWith("legacy-export"))).toMatch(/ +ok +not in backups\.yaml$/);
    expect(out).toContain(
      "8 backups: 3 ok, 1 expiring-soon, 1 expired, 1 locked, 2 missing; 1 not in backups.yaml (declared in code, or removed from the file).",
    );
    expect(out).not.toMatch(/undeclared/);
  });

  it("writes Markdown for a pull request or issue comment", async () => {
    const { code, out } = await drift([...both(), "--format", "markdown"]);
    expect(code).toBe(2);
    expect(normalised(out)).toMatchSnapshot();
  });

  it("takes the expiry window from --expiring-within", async () => {
    const { out } = await drift([...both(), "--format", "json", "--expiring-within", "30d"]);
    expect(verdicts(out)["orders-before-migration"]).toBe("expiring-soon");
    const { out: narrow } = await drift([...both(), "--format", "json", "--expiring-within", "4d"]);
    expect(verdicts(narrow)["invoices-monthly"]).toBe("ok");
  });

  it("reads the state export from standard input with --state -", async () => {
    const { code, out } = await drift(
      ["--state", "-", "--declarations", s.declarationsPath, "--format", "json"],
      {
        stdin: readFileSync(s.statePath, "utf8"),
      },
    );
    expect(code).toBe(2);
    expect(verdicts(out)["sessions-snapshot"]).toBe("expired");
  });
});

describe("exit codes", () => {
  it("exits 0 when every backup is ok", async () => {
    const state = JSON.parse(readFileSync(s.statePath, "utf8"));
    const keep = ["orders-before-migration", "profiles-nightly"];
    state.deployment.resources = state.deployment.resources.filter(
      (r: { urn: string; type: string }) =>
        !r.type.endsWith(":RedisBackup") || keep.some((name) => r.urn.endsWith(`::${name}`)),
    );
    const statePath = join(s.dir, "healthy-state.json");
    writeFileSync(statePath, JSON.stringify(state));
    const declarations = readFileSync(s.declarationsPath, "utf8");
    const declarationsPath = join(s.dir, "healthy.yaml");
    writeFileSync(
      declarationsPath,
      declarations
        .split(/\n(?=\S)/)
        .filter((block) => /^(x-|#|orders-before|profiles-nightly)/.test(block))
        .join("\n"),
    );
    const { code, out } = await drift(["--state", statePath, "--declarations", declarationsPath]);
    expect(out).toContain("2 backups: 2 ok.");
    expect(code).toBe(0);
    const md = await drift([
      "--state",
      statePath,
      "--declarations",
      declarationsPath,
      "--format",
      "markdown",
    ]);
    expect(md.out).toContain("### Redis backup drift: all 2 backups are ok");
  });

  it("exits 1, naming each backup the clouds would not answer for, when credentials are wrong", async () => {
    const saved = process.env.TENCENTCLOUD_SECRET_KEY;
    process.env.TENCENTCLOUD_SECRET_KEY = "not-the-emulator-key-Zq81";
    try {
      const { code, out, err } = await drift([...both(), "--format", "json"]);
      expect(code).toBe(1);
      const v = verdicts(out);
      expect(v["orders-before-migration"]).toBe("error");
      expect(v["profiles-nightly"]).toBe("ok"); // the other clouds still answered
      const rows = JSON.parse(out).backups as (JsonRow & { error?: string })[];
      expect(rows.find((r) => r.name === "orders-before-migration")?.error).toMatch(/AuthFailure/);
      const failed = rows.filter((r) => r.verdict === "error").length;
      expect(err).toBe(`pulumi-redis-backup: ${failed} backups could not be checked (the report says why)\n`);
      expect(err + out).not.toContain("not-the-emulator-key-Zq81");
      // The table lists each error once, under Errors.
      const table = await drift(both());
      expect(table.out.split("orders-before-migration (tencentcloud): ").length - 1).toBe(1);
      expect(table.out).toMatch(/orders-before-migration \(tencentcloud\): .*AuthFailure/);
      expect(table.err).not.toMatch(/AuthFailure/);
    } finally {
      process.env.TENCENTCLOUD_SECRET_KEY = saved;
    }
  });

  it("exits 1 on what it cannot use, saying why", async () => {
    const cases: [string[], RegExp][] = [
      [[], /drift needs --state .*--declarations/],
      [["--state", join(s.dir, "nope.json")], /--state .*nope\.json: no such file/],
      [["--state", s.declarationsPath], /is not JSON/],
      [["--state", s.statePath, "--expiring-within", "soon"], /"soon" is not a duration: write it like 7d/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await drift(args);
      expect(code).toBe(1);
      expect(err).toMatch(message);
    }
    const broken = join(s.dir, "broken.yaml");
    writeFileSync(
      broken,
      "orders:\n  cloud: tencentcloud\n  instance: crs-demo0001\n  retentionDays: 3000\n",
    );
    const { code, err } = await drift(["--state", s.statePath, "--declarations", broken]);
    expect(code).toBe(1);
    expect(err).toContain(`${broken}:4:18: orders.retentionDays:`);
  });
});

describe("backups declared in code and in the file together", () => {
  // The program declares payments-pre-upgrade, carts-weekly and legacy-export in code; the file
  // declares the rest. The file cannot know the code's, so their own state decides their verdict.
  it("gives code-declared backups their own verdict (locked, missing) and notes only that the file lacks them", async () => {
    const fileOnly = join(s.dir, "file-only.yaml");
    const full = readFileSync(s.declarationsPath, "utf8");
    const { parse, stringify } = await import("yaml");
    const entries = parse(full) as Record<string, unknown>;
    delete entries["payments-pre-upgrade"];
    delete entries["carts-weekly"];
    writeFileSync(fileOnly, stringify(entries));
    const { code, out, err } = await drift([
      "--state",
      s.statePath,
      "--declarations",
      fileOnly,
      "--format",
      "json",
    ]);
    expect(err).toBe("");
    expect(code).toBe(2);
    const parsed = JSON.parse(out) as {
      summary: Record<string, number>;
      backups: (JsonRow & { inDeclarations?: boolean })[];
    };
    const byName = Object.fromEntries(parsed.backups.map((b) => [b.name, b]));
    expect(byName["payments-pre-upgrade"]).toMatchObject({ verdict: "locked", inDeclarations: false });
    expect(byName["carts-weekly"]).toMatchObject({
      verdict: "missing",
      currentStatus: "gone",
      inDeclarations: false,
    });
    expect(byName["legacy-export"]).toMatchObject({ verdict: "ok", inDeclarations: false });
    expect(byName["sessions-snapshot"]).toMatchObject({ verdict: "expired", inDeclarations: true });
    expect(parsed.summary).toMatchObject({
      total: 8,
      ok: 3,
      expired: 1,
      locked: 1,
      missing: 2,
      notInDeclarations: 3,
    });

    const { out: markdown } = await drift([
      "--state",
      s.statePath,
      "--declarations",
      fileOnly,
      "--format",
      "markdown",
    ]);
    expect(markdown).toContain("| **locked** | not in file-only.yaml |");
    expect(markdown).toContain(
      "- **not in file-only.yaml**: the stack has it and the file does not declare it: either the program declares it in code",
    );
    expect(markdown).not.toMatch(/undeclared|no longer declared/);
  });
});

describe("with one of the two", () => {
  it("checks every backup of the state export alone, with no note about a file", async () => {
    const { code, out } = await drift(["--state", s.statePath, "--format", "json"]);
    expect(code).toBe(2);
    expect(out).not.toMatch(/inDeclarations|notInDeclarations/);
    const v = verdicts(out);
    expect(v["legacy-export"]).toBe("ok");
    expect(v).not.toHaveProperty("reports-quarterly");
    expect(v["sessions-snapshot"]).toBe("expired");
  });

  it("checks declarations alone only where they name the backup (backupId), else says to pass --state", async () => {
    const { code, err } = await drift(["--declarations", s.declarationsPath]);
    expect(code).toBe(1);
    expect(err).toMatch(/pass a state export .* to check orders-before-migration, payments-pre-upgrade/);

    const adopted = join(s.dir, "adopted.yaml");
    writeFileSync(
      adopted,
      [
        "orders-before-migration:",
        "  cloud: tencentcloud",
        "  instance: crs-demo0001",
        `  backupId: "${s.backupIds["orders-before-migration"]}"`,
        "sessions-snapshot:",
        "  cloud: tencentcloud",
        "  instance: crs-demo0002",
        `  backupId: "${s.backupIds["sessions-snapshot"]}"`,
        "",
      ].join("\n"),
    );
    const r = await drift(["--declarations", adopted, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(verdicts(r.out)).toEqual({ "orders-before-migration": "ok", "sessions-snapshot": "expired" });
  });
});

describe("progress", () => {
  it("shows on a terminal and clears itself", async () => {
    const { err } = await drift(both(), { tty: true });
    expect(err).toContain("\rchecking backups: 7/7");
    expect(err.endsWith("\r\x1b[K")).toBe(true);
  });

  it("stays quiet elsewhere (CI logs)", async () => {
    expect((await drift(both())).err).toBe("");
  });
});

describe("the built binary (dist/cli/index.js)", () => {
  it("reports against the emulator through the same environment variables, exits 2 and ends", async () => {
    const bin = resolve(__dirname, "../../dist/cli/index.js");
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [bin, "drift", ...both(), "--format", "json", "--now", asOf()],
        { env: { PATH: process.env.PATH, ...s.env }, timeout: 30_000 },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(2);
    expect(verdicts(result.stdout)["payments-pre-upgrade"]).toBe("locked");
  });

  it("checks several stacks at once (--state repeated), their reads sharing one listing per instance", async () => {
    const bin = resolve(__dirname, "../../dist/cli/index.js");
    const one = await drift([...both(), "--format", "json"]);
    // The stack cut in two, every other resource in each.
    const doc = JSON.parse(readFileSync(s.statePath, "utf8"));
    const halves = [0, 1].map((h) => {
      const path = join(s.dir, `state-${h}.json`);
      const resources = doc.deployment.resources.filter((_: unknown, i: number) => i % 2 === h);
      writeFileSync(path, JSON.stringify({ ...doc, deployment: { ...doc.deployment, resources } }));
      return path;
    });
    const tencent = doc.deployment.resources.filter(
      (r: { type: string }) => r.type === "pulumi-nodejs:dynamic/tencentcloud:RedisBackup",
    );
    const instances = new Set(tencent.map((r: { outputs: { instanceId: string } }) => r.outputs.instanceId));
    const calls = () => handle.emulator.admin.stats().requestsByAction;
    const before = calls();
    const result = await new Promise<{ code: number | null; stdout: string }>((done) => {
      execFile(
        process.execPath,
        [bin, "drift", "--state", halves[0], "--state", halves[1], "--declarations", s.declarationsPath],
        { env: { PATH: process.env.PATH, ...s.env }, timeout: 30_000 },
        (err, stdout) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout }),
      );
    });
    const after = calls();
    const made = (action: string) => (after[action] ?? 0) - (before[action] ?? 0);
    expect(result.code).toBe(2);
    expect(tencent.length).toBeGreaterThan(instances.size);
    // Every Tencent backup of both stacks from one listing of its instance, none asked about alone.
    expect(made("DescribeInstanceBackups")).toBe(instances.size);
    expect(made("DescribeBackupDetail")).toBe(0);
    const twoStacks = await drift([
      ...halves.flatMap((h) => ["--state", h]),
      "--declarations",
      s.declarationsPath,
      "--format",
      "json",
    ]);
    expect(verdicts(twoStacks.out)).toEqual(verdicts(one.out));
  });
});
