/**
 * Hostile inputs: check() never throws, reports every invalid input as CheckFailures, accepts
 * every valid one, and never calls the API.
 */
import fc from "fast-check";
import { check } from "../../provider/tencentcloud/operations";
import { TencentBackupInputsSchema } from "../../provider/tencentcloud/inputs";
import { startHostileServer } from "../helpers/hostileServer";

let server: Awaited<ReturnType<typeof startHostileServer>>;
beforeAll(async () => {
  server = await startHostileServer();
  process.env.TENCENTCLOUD_ENDPOINT = server.url;
  process.env.TENCENTCLOUD_SECRET_ID = "AKIDtest";
  process.env.TENCENTCLOUD_SECRET_KEY = "test-secret";
  process.env.TENCENTCLOUD_REGION = "ap-guangzhou";
});
afterAll(async () => {
  expect(server.requests).toBe(0);
  await server.close();
});

const validInputs = fc.record(
  {
    instanceId: fc.stringMatching(/^crs-[a-z0-9]{1,12}$/),
    remark: fc.string({ maxLength: 200 }),
    storageDays: fc.integer({ min: 0, max: 1825 }),
    region: fc.constantFrom("ap-guangzhou", "ap-shanghai", "na-siliconvalley"),
    waitTimeoutMinutes: fc.integer({ min: 1, max: 1440 }),
    keepExpired: fc.boolean(),
  },
  { requiredKeys: ["instanceId"] },
);

it("valid inputs pass unchanged", () => {
  fc.assert(
    fc.property(validInputs, (inputs) => {
      const r = check({}, inputs);
      expect(r.failures).toEqual([]);
      expect(r.inputs).toEqual(inputs);
    }),
    { numRuns: 300 },
  );
});

it("anything at all: never throws; invalid means failures, each naming a property and a reason", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), validInputs.map(corrupt)),
      (news) => {
        const r = check({}, news);
        const valid = news !== null && typeof news === "object" && !Array.isArray(news) && isValid(news);
        if (valid) expect(r.failures).toEqual([]);
        else {
          expect(r.failures.length).toBeGreaterThan(0);
          expect(r.inputs).toBeUndefined();
          for (const f of r.failures) expect(f.reason.length).toBeGreaterThan(5);
        }
      },
    ),
    { numRuns: 500 },
  );
});

function isValid(news: object): boolean {
  const known = Object.keys(TencentBackupInputsSchema.shape);
  const extra = Object.entries(news).some(
    ([k, v]) => k !== "__provider" && !known.includes(k) && v !== undefined,
  );
  return !extra && TencentBackupInputsSchema.safeParse(news).success;
}

/** A valid input with one property swapped for something else. */
function corrupt(inputs: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(inputs);
  const k = keys[inputs.instanceId!.toString().length % keys.length];
  return { ...inputs, [k]: [{ not: "valid" }] };
}
