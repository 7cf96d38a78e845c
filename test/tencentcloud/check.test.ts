import { check } from "../../provider/tencentcloud/operations";
import { UNKNOWN } from "../../provider/core/unknown";

const failuresOf = (news: unknown) => check({}, news).failures.map((f) => f.property);

it("accepts a typical backup and returns the validated inputs", () => {
  const r = check(
    {},
    { instanceId: "crs-xjhsdj01", remark: "before migration", storageDays: 30, __provider: "x" },
  );
  expect(r.failures).toEqual([]);
  expect(r.inputs).toEqual({ instanceId: "crs-xjhsdj01", remark: "before migration", storageDays: 30 });
});

it.each([
  [{}, ["instanceId"]],
  [{ instanceId: "redis-1" }, ["instanceId"]],
  [{ instanceId: "crs-a", storageDays: 1826 }, ["storageDays"]],
  [{ instanceId: "crs-a", storageDays: -1 }, ["storageDays"]],
  [{ instanceId: "crs-a", storageDays: 2.5 }, ["storageDays"]],
  [{ instanceId: "crs-a", storageDays: "30" }, ["storageDays"]],
  [{ instanceId: "crs-a", region: "Guangzhou" }, ["region"]],
  [{ instanceId: "crs-a", waitTimeoutMinutes: 0 }, ["waitTimeoutMinutes"]],
  [{ instanceId: "crs-a", backupId: "" }, ["backupId"]],
  [{ instanceId: "crs-a", storagedays: 3 }, ["storagedays"]],
  [{ instanceId: 7, storageDays: 9999, region: "x" }, ["instanceId", "storageDays", "region"]],
])("%j fails on %j, one failure per bad property", (news, props) => {
  expect(failuresOf(news).sort()).toEqual([...props].sort());
});

it("explains each failure in words a person can act on", () => {
  const [f] = check({}, { instanceId: "crs-a", storageDays: 4000 }).failures;
  expect(f.reason).toMatch(/whole number of days from 0 to 1825/);
});

it("accepts values still unknown during preview", () => {
  const r = check({}, { instanceId: UNKNOWN, storageDays: UNKNOWN, remark: "x" });
  expect(r.failures).toEqual([]);
  expect(r.inputs).toEqual({ instanceId: UNKNOWN, storageDays: UNKNOWN, remark: "x" });
});

it("still rejects a bad known value next to unknown ones", () => {
  expect(failuresOf({ instanceId: UNKNOWN, storageDays: 99999 })).toEqual(["storageDays"]);
});

it("reports non-object inputs without throwing", () => {
  expect(check({}, null).failures).toHaveLength(1);
  expect(check({}, [1, 2]).failures).toHaveLength(1);
});
