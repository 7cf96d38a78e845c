/**
 * The public resource classes as a user's editor sees them, read with the TypeScript compiler from
 * provider/index.ts: every output each class had when its outputs were declared by hand is still
 * there, typed as the same Output, and every output carries a doc comment (the issue of one
 * lifecycle for all clouds: "JSDoc on every output of every resource").
 */
import ts from "typescript";
import { outputMembers, outputValue, providerProgram } from "../../scripts/nativeDocs";

/** Each class's outputs and their types, as they were declared on the classes one by one (0.1.x). */
const EXPECTED: Record<string, Record<string, string>> = {
  "tencentcloud.RedisBackup": {
    instanceId: "string",
    backupId: "string",
    status: "string",
    locked: "boolean",
    lockedAcknowledged: "boolean",
    adopted: "boolean",
    startTime: "string | undefined",
    endTime: "string | undefined",
    expireTime: "string | undefined",
    sizeBytes: "number | undefined",
    backupType: "string | undefined",
    backupTypeCode: "string | undefined",
    instanceType: "number | undefined",
    memSizeMb: "number | undefined",
    shardNum: "number | undefined",
    replicasNum: "number | undefined",
    remark: "string | undefined",
    storageDays: "number | undefined",
    region: "string | undefined",
  },
  "alicloud.RedisBackup": {
    instanceId: "string",
    backupId: "string",
    backupIds: "string[]",
    clusterBackupId: "string | undefined",
    shards: "object[] | undefined",
    jobId: "string | undefined",
    region: "string",
    status: "string",
    adopted: "boolean",
    mode: "string | undefined",
    method: "string | undefined",
    type: "string | undefined",
    startTime: "string | undefined",
    endTime: "string | undefined",
    expireTime: "string | undefined",
    sizeBytes: "number | undefined",
    engineVersion: "string | undefined",
    nodeInstanceId: "string | undefined",
    retentionDays: "number | undefined",
    regionId: "string | undefined",
  },
  "ucloud.RedisBackup": {
    groupId: "string",
    backupId: "string",
    status: "string",
    state: "string",
    adopted: "boolean",
    ucloudBackupName: "string | undefined",
    groupName: "string | undefined",
    region: "string",
    zone: "string | undefined",
    projectId: "string | undefined",
    backupType: "string | undefined",
    backupTime: "string | undefined",
    sizeBytes: "number | undefined",
    memorySizeMb: "number | undefined",
    redisVersion: "string | undefined",
    backupName: "string | undefined",
  },
};
const FINAL = {
  resourceName: "string",
  stack: "string",
  project: "string",
  armedAt: "string",
  skip: "boolean | undefined",
};
EXPECTED["tencentcloud.FinalBackup"] = {
  ...FINAL,
  instanceId: "string",
  remark: "string | undefined",
  storageDays: "number | undefined",
  region: "string | undefined",
};
EXPECTED["alicloud.FinalBackup"] = {
  ...FINAL,
  instanceId: "string",
  retentionDays: "number | undefined",
  regionId: "string | undefined",
};
EXPECTED["tencentcloud.BackupDownloadRestriction"] = {
  limitType: "string",
  vpcComparisonSymbol: "string",
  ipComparisonSymbol: "string",
  limitVpcs: "object[]",
  limitIps: "string[]",
  region: "string | undefined",
};
EXPECTED["ucloud.FinalBackup"] = { ...FINAL, groupId: "string", backupName: "string | undefined" };

interface Seen {
  type: string;
  documented: boolean;
}

/** The Output members of each class named in EXPECTED: the Output's value type, widened, and whether it is documented. */
function outputsOfClasses(): Record<string, Record<string, Seen>> {
  const { checker, exportsOf } = providerProgram();
  const result: Record<string, Record<string, Seen>> = {};
  for (const name of Object.keys(EXPECTED)) {
    const [ns, cls] = name.split(".");
    const classSymbol = exportsOf(ns).find((s) => s.name === cls)!;
    result[name] = Object.fromEntries(
      outputMembers(checker, classSymbol).map((prop) => [
        prop.name,
        {
          type: valueType(checker, outputValue(checker, checker.getTypeOfSymbol(prop))!),
          documented: ts.displayPartsToString(prop.getDocumentationComment(checker)).trim().length > 0,
        },
      ]),
    );
  }
  return result;
}

/** A value type in the words EXPECTED uses: literal unions widened to their base, objects as `object`. */
function valueType(checker: ts.TypeChecker, t: ts.Type): string {
  const parts = t.isUnion() ? t.types : [t];
  const words = new Set<string>();
  for (const p of parts) {
    if (p.flags & ts.TypeFlags.Undefined) continue;
    else if (p.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.String)) words.add("string");
    else if (p.flags & ts.TypeFlags.NumberLike) words.add("number");
    else if (p.flags & ts.TypeFlags.BooleanLike) words.add("boolean");
    else if (checker.isArrayType(p)) {
      const [el] = checker.getTypeArguments(p as ts.TypeReference);
      words.add(`${el.flags & ts.TypeFlags.Object ? "object" : valueType(checker, el)}[]`);
    } else words.add(checker.typeToString(p));
  }
  const base = [...words].join(" | ");
  return parts.some((p) => p.flags & ts.TypeFlags.Undefined) ? `${base} | undefined` : base;
}

const seen = outputsOfClasses();

it.each(Object.keys(EXPECTED))("%s has every output it had, with the same type", (name) => {
  const types = Object.fromEntries(Object.entries(seen[name]).map(([k, v]) => [k, v.type]));
  expect(types).toEqual(EXPECTED[name]);
});

it.each(Object.keys(EXPECTED))("%s documents every output", (name) => {
  const undocumented = Object.entries(seen[name])
    .filter(([, v]) => !v.documented)
    .map(([k]) => k);
  expect(undocumented).toEqual([]);
});
