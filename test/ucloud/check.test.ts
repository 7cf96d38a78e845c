import { UNKNOWN } from "../../provider/core/unknown";
import { check } from "../../provider/ucloud/operations";

const failuresOf = (news: unknown) => check({}, news).failures.map((f) => f.property);

it("accepts a typical backup and returns the validated inputs", () => {
  const news = {
    groupId: "uredis-2cwmyb",
    backupName: "before_v2-migration",
    region: "cn-bj2",
    zone: "cn-bj2-04",
    projectId: "org-abc123",
    waitTimeoutMinutes: 45,
    keepExpired: true,
  };
  const r = check({}, { ...news, __provider: "x" });
  expect(r.failures).toEqual([]);
  expect(r.inputs).toEqual(news);
  expect(check({}, { groupId: "uredis-x1", region: "hk", zone: "hk-02" }).failures).toEqual([]);
});

it.each([
  [{}, ["groupId"]],
  [{ groupId: "crs-abc" }, ["groupId"]],
  [{ groupId: "uredis-a", backupName: "short" }, ["backupName"]],
  [{ groupId: "uredis-a", backupName: "n".repeat(64) }, ["backupName"]],
  [{ groupId: "uredis-a", backupName: "has space" }, ["backupName"]],
  [{ groupId: "uredis-a", backupName: "dots.not.ok" }, ["backupName"]],
  [{ groupId: "uredis-a", region: "CN-BJ2" }, ["region"]],
  [{ groupId: "uredis-a", zone: "cn-bj2" }, ["zone"]],
  [{ groupId: "uredis-a", projectId: "" }, ["projectId"]],
  [{ groupId: "uredis-a", waitTimeoutMinutes: 0 }, ["waitTimeoutMinutes"]],
  [{ groupId: "uredis-a", backupId: "" }, ["backupId"]],
  [{ groupId: "uredis-a", instanceId: "crs-a" }, ["instanceId"]],
  [{ groupId: 7, backupName: "x", zone: 4 }, ["groupId", "backupName", "zone"]],
])("%j fails on %j, one failure per bad property", (news, props) => {
  expect(failuresOf(news).sort()).toEqual([...props].sort());
});

it("explains each failure in words a person can act on", () => {
  const [f] = check({}, { groupId: "uredis-a", backupName: "x" }).failures;
  expect(f.reason).toBe("backupName must be 6 to 63 characters of letters, digits, - and _ (UCloud's rule)");
  const [g] = check({}, { groupId: "crs-a" }).failures;
  expect(g.reason).toMatch(/UCloud URedis \(master\/replica\) group id like uredis-2cwmyb/);
});

it("accepts values still unknown during preview, and still rejects bad known ones next to them", () => {
  expect(check({}, { groupId: UNKNOWN, backupName: UNKNOWN }).inputs).toEqual({
    groupId: UNKNOWN,
    backupName: UNKNOWN,
  });
  expect(failuresOf({ groupId: UNKNOWN, backupName: "bad name" })).toEqual(["backupName"]);
});
