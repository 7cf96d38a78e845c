/**
 * The generation a create's marker derives from: check records it, chained from what was recorded,
 * so a replacement never shares its predecessor's marker and a `pulumi up` run again after an
 * interrupted one gets the interrupted attempt's; and no diff rule reads it.
 */
import { firstGeneration, generationFor, nextGeneration } from "../../provider/core/generation";
import * as tencent from "../../provider/tencentcloud/operations";
import * as ucloud from "../../provider/ucloud/operations";

const createdBy = "shop/prod/orders";
const news = { instanceId: "crs-demo0001", remark: "nightly", __createdBy: createdBy };

describe("the generation check records", () => {
  it("is the first one of who declares it when nothing is recorded, and the same on every check", () => {
    const first = generationFor({}, news);
    expect(first).toBe(firstGeneration(createdBy));
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(generationFor({}, news)).toBe(first);
    expect(generationFor({}, { ...news, __createdBy: "shop/prod/sessions" })).not.toBe(first);
    expect(generationFor({}, { ...news, __createdBy: "shop/staging/orders" })).not.toBe(first);
  });

  it("moves one step from the recorded one, so a replacement creates under a marker of its own", () => {
    // A resource of its own: a check with recorded inputs is remembered for the one after it.
    const moved = { ...news, __createdBy: "shop/prod/moved" };
    const first = firstGeneration("shop/prod/moved");
    const second = generationFor({ __generation: first }, moved);
    expect(second).toBe(nextGeneration(first));
    expect(second).not.toBe(first);
    expect(generationFor({ __generation: second }, moved)).not.toBe(first);
  });

  it("a replacement's second check (no recorded inputs) takes its first check's generation, not the first one", () => {
    // The engine checks a replacement twice: with the recorded inputs (for its diff), then with none.
    const replaced = { ...news, __createdBy: "shop/prod/replaced" };
    const first = firstGeneration("shop/prod/replaced");
    const withRecorded = generationFor({ ...news, __generation: first }, replaced);
    expect(withRecorded).toBe(nextGeneration(first));
    expect(generationFor({}, replaced)).toBe(withRecorded);
    expect(generationFor(undefined, replaced)).toBe(withRecorded);
    // A stack recorded before generations existed: both checks give the first one.
    const legacy = { ...news, __createdBy: "shop/prod/legacy" };
    expect(generationFor({ instanceId: "crs-demo0001" }, legacy)).toBe(firstGeneration("shop/prod/legacy"));
    expect(generationFor({}, legacy)).toBe(firstGeneration("shop/prod/legacy"));
  });

  it("is none when the program does not say who declares it (and nothing is recorded)", () => {
    expect(generationFor({}, { instanceId: "crs-demo0001" })).toBeUndefined();
  });
});

describe("check and diff", () => {
  it("check consumes __createdBy and returns the generation with the valid inputs", () => {
    // Another resource than the ones above: nothing this process checked gave it a generation yet.
    const fresh = { ...news, __createdBy: "shop/prod/fresh" };
    const checked = tencent.check({}, fresh);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toEqual({
      instanceId: "crs-demo0001",
      remark: "nightly",
      __generation: firstGeneration("shop/prod/fresh"),
    });
  });

  it("check of a stack recorded before generations existed adds one and plans no change", () => {
    const recordedInputs = { instanceId: "crs-demo0001", remark: "nightly" };
    const checked = tencent.check(recordedInputs, news);
    expect(checked.inputs?.__generation).toBe(firstGeneration(createdBy));
    const recordedOutputs = {
      ...recordedInputs,
      backupId: "1-2-3",
      status: "available" as const,
      locked: false,
      lockedAcknowledged: false,
      adopted: false,
    };
    expect(tencent.diff("crs-demo0001:1-2-3", recordedOutputs, checked.inputs!)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("a failing check returns no generation, only the failures", () => {
    const checked = ucloud.check({}, { groupId: 7, __createdBy: createdBy });
    expect(checked.inputs).toBeUndefined();
    expect(checked.failures.map((f) => f.property)).toEqual(["groupId"]);
  });
});
