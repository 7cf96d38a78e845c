/**
 * The native provider's schema against what it serves: the checked-in plugin/schema.json is what
 * provider/native/schema.ts builds (`npm run native-schema` writes it), its config variables are
 * exactly the stack config keys the clouds' settings read, and every output a real create records
 * (against the emulator, in-process) is declared.
 */
import * as fs from "fs";
import { ALICLOUD_DEMO_INSTANCE_IDS, DEMO_INSTANCE_IDS, UCLOUD_DEMO_GROUP_IDS } from "../../emulator";
import { resolveAlicloudSettings } from "../../provider/alicloud/settings";
import { CLOUDS } from "../../provider/clouds";
import { setStackConfig } from "../../provider/core/settings";
import { packageSchema, tokenOf } from "../../provider/native/schema";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";
import { resolveUCloudSettings } from "../../provider/ucloud/settings";
import { DOCS_FILE, SCHEMA_FILE, docsText, schemaText } from "../../scripts/native-schema";
import { EMULATED_CLOUDS, clearCloudEnv } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

const schema = packageSchema("0.0.0-test");

it("plugin/schema.json is the schema the provider serves (run `npm run native-schema` after a change)", () => {
  expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
});

it("provider/native/docs.json is what the TypeScript classes document (run `npm run native-schema` after a change)", () => {
  expect(fs.readFileSync(DOCS_FILE, "utf8")).toBe(docsText());
});

it("describes every input and output with its TypeScript doc, in the native provider's config words", () => {
  const tencent = schema.resources[tokenOf("tencentcloud", "RedisBackup")];
  expect(tencent.inputProperties.region.description).toBe(
    "Region of the instance; overrides `redis-backup:tencentcloudRegion` / TENCENTCLOUD_REGION.",
  );
  expect(tencent.properties.lockedAcknowledged.description).toBe(
    "The lock state the last `pulumi up` saw; a refresh that finds another plans an in-place update.",
  );
  for (const [token, r] of Object.entries(schema.resources)) {
    for (const [name, p] of Object.entries({ ...r.inputProperties, ...r.properties })) {
      expect({
        token,
        name,
        generic: /see the README/.test(p.description ?? ""),
        empty: !p.description,
      }).toEqual({
        token,
        name,
        generic: false,
        empty: false,
      });
    }
  }
});

it("declares a RedisBackup and a FinalBackup of every cloud, their inputs those `check` takes", () => {
  expect(Object.keys(schema.resources).sort()).toEqual(
    CLOUDS.flatMap((c) => [tokenOf(c, "FinalBackup"), tokenOf(c, "RedisBackup")]).sort(),
  );
  const tencent = schema.resources[tokenOf("tencentcloud", "RedisBackup")];
  expect(tencent.requiredInputs).toEqual(["instanceId"]);
  expect(tencent.inputProperties.storageDays.type).toBe("integer");
  expect(tencent.inputProperties.triggers).toMatchObject({
    type: "array",
    items: { $ref: "pulumi.json#/Any" },
  });
  // A FinalBackup's origin comes from its URN, never from the program.
  expect(Object.keys(schema.resources[tokenOf("ucloud", "FinalBackup")].inputProperties)).not.toContain(
    "resourceName",
  );
});

it("its config variables are exactly the stack config keys the clouds' settings read", () => {
  const asked = new Set<string>();
  const resolvers = [
    () => resolveTencentSettings(),
    () => resolveAlicloudSettings(),
    () => resolveUCloudSettings({}),
  ];
  // A value every setting accepts, but the endpoint (so its default, and Tencent's protocol, are read).
  const SAMPLE: Record<string, string> = {
    proxy: "http://127.0.0.1:1",
    protocol: "HTTPS",
    timezone: "+08:00",
  };
  const answer = (name: string) =>
    /Seconds$|PerSecond$/.test(name)
      ? "5"
      : name === "endpoint" || name === "signatureVersion"
        ? undefined
        : (SAMPLE[name] ?? "x");
  // Only stack config answers: no variable set by the machine or by this file's other tests (which
  // point the clouds at an emulator) may stand in for a credential.
  const restoreEnv = clearCloudEnv();
  try {
    // Everything set: every setting is read. Nothing set: every credential alias is tried first.
    for (const [answering, fails] of [
      [answer, false],
      [() => undefined, true],
    ] as const) {
      setStackConfig({
        get: (key) => {
          asked.add(key);
          return answering(key.slice(key.indexOf(":") + 1));
        },
      });
      for (const resolve of resolvers) {
        if (fails) expect(resolve).toThrow(/credentials|key|secret/i);
        else expect(resolve).not.toThrow();
      }
    }
  } finally {
    setStackConfig(undefined);
    restoreEnv();
  }
  const expected = [...asked].map((k) => {
    const [ns, key] = k.split(":");
    return `${ns}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  });
  expect(Object.keys(schema.config.variables).sort()).toEqual([...new Set(expected)].sort());
});

describe("every output a create records is declared", () => {
  const handle = useEmulator({ taskSeconds: 0 });
  const declared = (token: string, outs: object) => {
    const properties = schema.resources[token].properties;
    return Object.keys(outs).filter((k) => !(k in properties));
  };

  it.each([
    ["tencentcloud", { instanceId: DEMO_INSTANCE_IDS[1] }],
    // A cloud-native cluster: its shards are the richest outputs.
    ["alicloud", { instanceId: ALICLOUD_DEMO_INSTANCE_IDS[3] }],
    ["ucloud", { groupId: UCLOUD_DEMO_GROUP_IDS[0] }],
  ] as const)("%s", async (cloud, inputs) => {
    EMULATED_CLOUDS[cloud].point(handle.emulator);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lifecycle = require(`../../provider/${cloud}/operations`);
    const deps = EMULATED_CLOUDS[cloud].deps(handle.emulator);
    const { outs } = await lifecycle.create(inputs, deps);
    expect(declared(tokenOf(cloud, "RedisBackup"), outs)).toEqual([]);
    if (cloud === "alicloud") expect(outs.shards?.length).toBeGreaterThan(0);
  });
});
