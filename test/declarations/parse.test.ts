/**
 * The declarations file as a reviewer writes it: what is accepted, what each cloud's backup is made
 * of, and every problem of a broken file reported at once at its file:line:column.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { formatProblem, loadDeclarations, parseDeclarations } from "../../provider/declarations/parse";
import {
  CLOUDS,
  FIELDS,
  INPUTS_SCHEMA_OF,
  SCHEMA_OF,
  toResourceInputs,
} from "../../provider/declarations/schema";
import { tempDir } from "../helpers/tempDir";

const problemsOf = (text: string, file = "backups.yaml") =>
  parseDeclarations(text, file).problems.map(formatProblem);

const VALID = `# every cloud, every field
orders:
  cloud: tencentcloud
  instance: crs-xjhsdj01
  remark: before orders schema v2 migration
  retentionDays: 30
  region: ap-guangzhou
carts:
  cloud: alicloud
  instance: r-bp1zxszhcgatnx
  retentionDays: -1
  region: cn-hangzhou
  backupId: 111111111
profiles:
  cloud: ucloud
  instance: uredis-2cwmyb
  backupName: profiles_nightly
  region: cn-bj2
  zone: cn-bj2-04
  projectId: org-abc123
  keepExpired: true
  waitTimeoutMinutes: 45
`;

describe("a valid file", () => {
  it("has no problems and maps each entry to its cloud's resource inputs", () => {
    const { declarations, problems } = parseDeclarations(VALID, "backups.yaml");
    expect(problems).toEqual([]);
    expect(Object.keys(declarations)).toEqual(["orders", "carts", "profiles"]);
    expect(toResourceInputs(declarations.orders)).toEqual({
      cloud: "tencentcloud",
      inputs: {
        instanceId: "crs-xjhsdj01",
        remark: "before orders schema v2 migration",
        storageDays: 30,
        region: "ap-guangzhou",
      },
    });
    // An unquoted numeric backup id is read as the id it is.
    expect(toResourceInputs(declarations.carts)).toEqual({
      cloud: "alicloud",
      inputs: {
        instanceId: "r-bp1zxszhcgatnx",
        retentionDays: -1,
        regionId: "cn-hangzhou",
        backupId: "111111111",
      },
    });
    expect(toResourceInputs(declarations.profiles)).toEqual({
      cloud: "ucloud",
      inputs: {
        groupId: "uredis-2cwmyb",
        backupName: "profiles_nightly",
        region: "cn-bj2",
        zone: "cn-bj2-04",
        projectId: "org-abc123",
        keepExpired: true,
        waitTimeoutMinutes: 45,
      },
    });
  });

  it("takes shared settings from x- anchors and merge keys; x- entries are not backups", () => {
    const text = `x-guangzhou: &guangzhou
  cloud: tencentcloud
  region: ap-guangzhou
  retentionDays: 14
orders:
  <<: *guangzhou
  instance: crs-demo0001
sessions:
  <<: *guangzhou
  instance: crs-demo0002
  retentionDays: 7
`;
    const { declarations, problems } = parseDeclarations(text, "backups.yaml");
    expect(problems).toEqual([]);
    expect(declarations).toEqual({
      orders: { cloud: "tencentcloud", region: "ap-guangzhou", retentionDays: 14, instance: "crs-demo0001" },
      sessions: { cloud: "tencentcloud", region: "ap-guangzhou", retentionDays: 7, instance: "crs-demo0002" },
    });
  });

  it("may declare nothing yet, saying so with `{}` (an empty file is refused: see below)", () => {
    expect(parseDeclarations("# none yet\n{}\n", "backups.yaml")).toEqual({ declarations: {}, problems: [] });
  });

  it("accepts each cloud's retention limits, exactly as the resources do", () => {
    const cases = [
      ["tencentcloud", "crs-a1", [0, 1, 1825]],
      ["alicloud", "r-a1", [-1, 7, 730]],
    ] as const;
    for (const [cloud, instance, days] of cases) {
      for (const d of days) {
        const { declarations, problems } = parseDeclarations(
          `b:\n  cloud: ${cloud}\n  instance: ${instance}\n  retentionDays: ${d}\n`,
          "f.yaml",
        );
        expect(problems).toEqual([]);
        const { inputs } = toResourceInputs(declarations.b);
        expect(INPUTS_SCHEMA_OF[cloud].safeParse(inputs).success).toBe(true);
      }
    }
    expect(problemsOf("b:\n  cloud: tencentcloud\n  instance: crs-a1\n  retentionDays: 1826\n")).toHaveLength(
      1,
    );
    expect(problemsOf("b:\n  cloud: alicloud\n  instance: r-a1\n  retentionDays: 6\n")).toHaveLength(1);
    expect(problemsOf("b:\n  cloud: alicloud\n  instance: r-a1\n  retentionDays: 731\n")).toHaveLength(1);
  });
});

describe("fields", () => {
  it("refuses another cloud's field with its own reason, not as unknown", () => {
    const instances = { tencentcloud: "crs-a1", alicloud: "r-a1", ucloud: "uredis-a1" };
    for (const cloud of CLOUDS) {
      const known = Object.keys(SCHEMA_OF[cloud].shape);
      expect(known).toEqual(expect.arrayContaining([...FIELDS[cloud]]));
      for (const other of known.filter((k) => !FIELDS[cloud].includes(k))) {
        const problems = problemsOf(
          `b:\n  cloud: ${cloud}\n  instance: ${instances[cloud]}\n  ${other}: x\n`,
        );
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(new RegExp(`^backups.yaml:4:\\d+: b\\.${other}: `));
        expect(problems[0]).not.toContain("unknown field");
      }
    }
  });
});

describe("a broken file", () => {
  it("reports every problem at once, each at its line and column, with the field and the reason", () => {
    const text = [
      /*  1 */ "orders:",
      /*  2 */ "  cloud: tencentcloud",
      /*  3 */ "  instance: crs-demo0001",
      /*  4 */ "  retentionDays: 3000",
      /*  5 */ "  zone: ap-guangzhou-3",
      /*  6 */ "sessions:",
      /*  7 */ "  cloud: ucloud",
      /*  8 */ "  instance: uredis-demo01",
      /*  9 */ "  backupName: nightly backup",
      /* 10 */ "  retentionDays: 7",
      /* 11 */ "  regoin: cn-bj2",
      /* 12 */ "carts:",
      /* 13 */ "  cloud: alicloud",
      /* 14 */ "  instance: crs-demo0001",
      /* 15 */ "  remark: weekly",
      /* 16 */ "  retentionDays: 3",
      /* 17 */ "reports:",
      /* 18 */ "  instance: r-demo0003",
      /* 19 */ "invoices:",
      /* 20 */ "  cloud: aws",
      /* 21 */ "  instance: r-demo0003",
      /* 22 */ "bad name:",
      /* 23 */ "  cloud: alicloud",
      /* 24 */ "  instance: r-demo0003",
      /* 25 */ "profiles:",
      /* 26 */ "  cloud: ucloud",
      /* 27 */ "fine:",
      /* 28 */ "  cloud: alicloud",
      /* 29 */ "  instance: r-demo0001",
      "",
    ].join("\n");
    expect(problemsOf(text)).toEqual([
      "backups.yaml:4:18: orders.retentionDays: must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)",
      "backups.yaml:5:9: orders.zone: only ucloud backups take a zone; Tencent Cloud finds the instance by its region",
      "backups.yaml:9:15: sessions.backupName: must be 6 to 63 letters, digits, '-' and '_' (UCloud's rule)",
      "backups.yaml:10:18: sessions.retentionDays: UCloud takes no retention per backup (CreateURedisBackup has none; the group's backup policy decides): remove it",
      "backups.yaml:11:3: sessions.regoin: unknown field for ucloud backups; did you mean region?",
      "backups.yaml:14:13: carts.instance: must be an Alibaba Cloud Redis (Tair) instance id like r-bp1zxszhcgatnx",
      "backups.yaml:15:11: carts.remark: Alibaba Cloud backups take no remark (CreateBackup has none): remove it",
      "backups.yaml:16:18: carts.retentionDays: must be a whole number of days from 7 to 730, or -1 to keep the backup as long as the instance",
      "backups.yaml:17:1: reports.cloud: required: tencentcloud, alicloud, ucloud",
      'backups.yaml:20:10: invoices.cloud: must be one of tencentcloud, alicloud, ucloud, not "aws"',
      "backups.yaml:22:1: bad name: a backup name must start with a letter or digit and hold at most 100 letters, digits, '.', '_' and '-' (it becomes the Pulumi resource name)",
      "backups.yaml:25:1: profiles.instance: required: a UCloud URedis group id, e.g. uredis-2cwmyb",
    ]);
  });

  it("keeps the valid entries of a file with problems (and only those)", () => {
    const { declarations } = parseDeclarations(
      "ok:\n  cloud: alicloud\n  instance: r-a1\nbad:\n  cloud: alicloud\n  instance: r-a1\n  retentionDays: 1\n",
      "f.yaml",
    );
    expect(Object.keys(declarations)).toEqual(["ok"]);
  });

  it("says what a wrong type should be", () => {
    expect(
      problemsOf(
        [
          "orders:",
          "  cloud: tencentcloud",
          "  instance: 12345",
          '  retentionDays: "30"',
          "  keepExpired: yes",
          "  remark:",
          "    - a list",
          "sessions: crs-demo0002",
          "",
        ].join("\n"),
      ),
    ).toEqual([
      "backups.yaml:3:13: orders.instance: must be a Tencent Cloud Redis instance id like crs-xjhsdj01",
      "backups.yaml:4:18: orders.retentionDays: must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)",
      "backups.yaml:5:16: orders.keepExpired: must be true or false",
      "backups.yaml:7:5: orders.remark: must be text",
      "backups.yaml:8:11: sessions: must be a mapping of fields: cloud, instance and the settings of that cloud",
    ]);
  });

  it("points a missing field at its backup's name, and an empty value at its key", () => {
    expect(problemsOf("carts:\n  cloud: alicloud\n  instance:\n")).toEqual([
      "backups.yaml:3:3: carts.instance: required: an Alibaba Cloud Redis (Tair) instance id, e.g. r-bp1zxszhcgatnx",
    ]);
    expect(problemsOf("# header\n\ncarts:\n  cloud: alicloud\n")).toEqual([
      "backups.yaml:3:1: carts.instance: required: an Alibaba Cloud Redis (Tair) instance id, e.g. r-bp1zxszhcgatnx",
    ]);
  });

  it("points a problem in a merged anchor at the anchor's line", () => {
    const text =
      "x-base: &base\n  cloud: tencentcloud\n  retentionDays: 5000\norders:\n  <<: *base\n  instance: crs-a1\n";
    expect(problemsOf(text)).toEqual([
      "backups.yaml:3:18: orders.retentionDays: must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)",
    ]);
  });

  it("reports a name declared twice where it is repeated, with the other problems", () => {
    const text = [
      "orders:",
      "  cloud: tencentcloud",
      "  instance: crs-a1",
      "carts:",
      "  cloud: alicloud",
      "  instance: r-a1",
      "  retentionDays: 0",
      "orders:",
      "  cloud: tencentcloud",
      "  instance: crs-a2",
      "",
    ].join("\n");
    expect(problemsOf(text)).toEqual([
      "backups.yaml:7:18: carts.retentionDays: must be a whole number of days from 7 to 730, or -1 to keep the backup as long as the instance",
      "backups.yaml:8:1: orders: declared twice; names must be unique",
    ]);
  });

  it("reports YAML syntax errors at their position, all of them, and nothing else", () => {
    const text = [
      "orders:",
      "  cloud: [tencentcloud",
      "  instance: crs-a1",
      "sessions: 'unterminated",
      "",
    ].join("\n");
    expect(problemsOf(text)).toEqual([
      "backups.yaml:3:3: yaml: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "backups.yaml:5:1: yaml: Missing closing 'quote",
    ]);
  });

  it("says what the file should be when it is not a mapping", () => {
    expect(problemsOf("- orders\n- sessions\n")).toEqual([
      "backups.yaml:1:1: (file): must map backup names to their settings, e.g. `orders:` followed by indented `cloud:` and `instance:`",
    ]);
  });

  it("reports a file that cannot be read under its name", () => {
    const dir = tempDir("decl-");
    expect(loadDeclarations(join(dir, "nope.yaml"), "nope.yaml").problems.map(formatProblem)).toEqual([
      "nope.yaml:1:1: (file): no such file",
    ]);
    writeFileSync(join(dir, "b.yaml"), "orders:\n  cloud: ucloud\n  instance: uredis-a1\n");
    expect(loadDeclarations(join(dir, "b.yaml")).problems).toEqual([]);
  });
});

describe("what people write by mistake", () => {
  it("refuses an empty file, and takes `{}` as none on purpose", () => {
    expect(problemsOf("")).toEqual([
      "backups.yaml:1:1: (file): declares no backups: the file is empty (write `{}` to declare none on purpose)",
    ]);
    expect(problemsOf("# nothing yet\n")).toHaveLength(1);
    expect(problemsOf("{}\n")).toEqual([]);
  });

  it("names the file's word for the resources' input names (storageDays, instanceId, groupId)", () => {
    const text = [
      "orders:",
      "  cloud: tencentcloud",
      "  instanceId: crs-xjhsdj01",
      "  storageDays: 30",
      "profiles:",
      "  cloud: ucloud",
      "  groupId: uredis-2cwmyb",
    ].join("\n");
    const problems = problemsOf(text);
    expect(problems).toContain(
      "backups.yaml:4:3: orders.storageDays: unknown field for tencentcloud backups; did you mean retentionDays?",
    );
    expect(problems).toContain(
      "backups.yaml:3:3: orders.instanceId: unknown field for tencentcloud backups; did you mean instance?",
    );
    expect(problems).toContain(
      "backups.yaml:7:3: profiles.groupId: unknown field for ucloud backups; did you mean instance?",
    );
  });
});
