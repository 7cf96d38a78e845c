/**
 * `final: true` and `triggers` in backups.yaml: each cloud's final entry maps to its FinalBackup's
 * inputs (skip added) and is checked against that resource's schema; triggers reach a RedisBackup's
 * inputs; what a final backup cannot take, and `skip` without `final`, are said at their field.
 */
import { cloudEntry } from "../../provider/clouds";
import { parseDeclarations } from "../../provider/declarations/parse";
import { toResourceInputs } from "../../provider/declarations/schema";

const parse = (yaml: string) => parseDeclarations(yaml, "backups.yaml");

it("maps final entries to each cloud's FinalBackup inputs, and triggers to a RedisBackup's", () => {
  const { declarations, problems } = parse(`
orders-final:
  cloud: tencentcloud
  instance: crs-demo0001
  final: true
  remark: before decommissioning
  retentionDays: 30
catalog-final:
  cloud: alicloud
  instance: r-demo0001
  final: true
  skip: true
cache-final:
  cloud: ucloud
  instance: uredis-demo01
  final: true
  backupName: orders-cache
  waitTimeoutMinutes: 60
before-migration:
  cloud: tencentcloud
  instance: crs-demo0001
  triggers: [v7, 2026]
`);
  expect(problems).toEqual([]);
  const inputs = Object.fromEntries(
    Object.entries(declarations).map(([n, d]) => [n, toResourceInputs(d).inputs]),
  );
  expect(inputs).toEqual({
    "orders-final": { instanceId: "crs-demo0001", remark: "before decommissioning", storageDays: 30 },
    "catalog-final": { instanceId: "r-demo0001", skip: true },
    "cache-final": { groupId: "uredis-demo01", backupName: "orders-cache", waitTimeoutMinutes: 60 },
    "before-migration": { instanceId: "crs-demo0001", triggers: ["v7", 2026] },
  });
  for (const [name, d] of Object.entries(declarations)) {
    const schema = cloudEntry(d.cloud).inputsSchemaOf(d);
    expect(schema).toBe(d.final ? cloudEntry(d.cloud).final.inputsSchema : cloudEntry(d.cloud).inputsSchema);
    expect(schema.safeParse(inputs[name]).success).toBe(true);
  }
});

it("says what a final backup cannot take, skip without final, and the FinalBackup's own limits", () => {
  const { problems } = parse(`
a:
  cloud: tencentcloud
  instance: crs-demo0001
  final: true
  triggers: [v1]
  keepExpired: true
b:
  cloud: alicloud
  instance: r-demo0001
  skip: true
c:
  cloud: ucloud
  instance: uredis-demo01
  final: true
  backupName: a-name-far-too-long-for-the-middle-of-a-final-name
d:
  cloud: tencentcloud
  instance: crs-demo0001
  triggers: v1
`);
  expect(problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
    "6:13 a.triggers: a final backup is taken once, when the instance goes; triggers are for backups taken now: remove them",
    "7:16 a.keepExpired: a final backup is not tracked once taken, so it never expires in the stack: remove keepExpired",
    "11:9 b.skip: skip is for final backups: it says their deletion takes none; add final: true or remove skip",
    "12:1 c: backupName must be 1 to 35 characters of letters, digits, - and _ (the final backup is named final-<backupName>-<time>)",
    "20:13 d.triggers: must be a list of values, e.g. [v7] (a change to any takes a fresh backup)",
  ]);
});
