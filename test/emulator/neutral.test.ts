/**
 * The cloud-neutral pieces on their own: clock, fault injector, rate limiter; and Tencent's time
 * strings.
 */
import { EmulatorClock } from "../../emulator/clock";
import { FaultInjector, runWithFault } from "../../emulator/faults";
import { SlidingWindowRateLimiter } from "../../emulator/rateLimiter";
import type { EmulatorReply } from "../../emulator/reply";
import { formatTencentTime, parseTencentTime, parseUtcOffset } from "../../emulator/tencentcloud/time";

describe("EmulatorClock", () => {
  const T0 = Date.UTC(2024, 0, 1, 0, 0, 0);
  let real = T0;
  const clock = new EmulatorClock(() => real);

  it("advancing moves the world clock only; skew moves both", () => {
    clock.advance(40 * 86_400);
    expect(clock.signingNow()).toBe(T0);
    expect(clock.worldNow()).toBe(T0 + 40 * 86_400_000);
    clock.setSkew(-120);
    expect(clock.signingNowSeconds()).toBe(T0 / 1000 - 120);
    expect(clock.worldNow()).toBe(T0 - 120_000 + 40 * 86_400_000);
    real += 1000;
    expect(clock.signingNow()).toBe(T0 + 1000 - 120_000);
    expect(clock.describe()).toEqual({ skewSeconds: -120, advancedSeconds: 40 * 86_400 });
  });

  it("never goes back", () => {
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe("FaultInjector", () => {
  it("fires once by default, for its action only", () => {
    const f = new FaultInjector();
    f.inject("A", { kind: "drop" });
    expect(f.take("B")).toBeUndefined();
    expect(f.take("A")).toEqual({ kind: "drop" });
    expect(f.take("A")).toBeUndefined();
    expect(f.counts()).toEqual({ total: 1, byActionAndKind: { "A:drop": 1 } });
  });

  it("with a probability, fires when the random draw is below it, without limit", () => {
    const draws = [0.9, 0.1, 0.5, 0.2];
    const f = new FaultInjector(() => draws.shift() ?? 1);
    f.inject("A", { kind: "http", status: 502 }, { probability: 0.3 });
    expect([f.take("A"), f.take("A"), f.take("A"), f.take("A")].map((x) => x?.kind)).toEqual([
      undefined,
      "http",
      undefined,
      "http",
    ]);
    f.clear();
    expect(f.pending()).toEqual([]);
  });

  it("refuses faults it could not apply", () => {
    const f = new FaultInjector();
    expect(() => f.inject("A", { kind: "http", status: 42 })).toThrow();
    expect(() => f.inject("A", { kind: "delay", ms: -1 })).toThrow();
    expect(() => f.inject("A", { kind: "drop" }, { times: 0 })).toThrow();
  });

  it("dropAfterPerform performs before dropping; drop does not perform", async () => {
    let performed = 0;
    const perform = async (): Promise<EmulatorReply> => {
      performed += 1;
      return { kind: "json", status: 200, body: {} };
    };
    const vendorError = (): EmulatorReply => ({ kind: "json", status: 200, body: { error: true } });
    const sleep = async () => undefined;
    expect(await runWithFault({ kind: "drop" }, perform, vendorError, sleep)).toEqual({ kind: "drop" });
    expect(performed).toBe(0);
    expect(await runWithFault({ kind: "dropAfterPerform" }, perform, vendorError, sleep)).toEqual({
      kind: "drop",
    });
    expect(performed).toBe(1);
  });
});

describe("SlidingWindowRateLimiter", () => {
  it("allows `limit` per action in any one-second window; 0 is unlimited", () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter(2, () => now);
    expect([limiter.check("A"), limiter.check("A"), limiter.check("A")].map((c) => c.allowed)).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.check("B").allowed).toBe(true);
    now = 999;
    expect(limiter.check("A").allowed).toBe(false);
    now = 2000;
    expect(limiter.check("A")).toEqual({ allowed: true, count: 1, limit: 2 });
    limiter.setLimit(0);
    for (let i = 0; i < 50; i++) expect(limiter.check("A").allowed).toBe(true);
  });
});

describe("Tencent time strings", () => {
  it("are written and read at the configured offset", () => {
    const ms = Date.UTC(2022, 11, 19, 11, 41, 42);
    expect(formatTencentTime(ms, parseUtcOffset("+08:00"))).toBe("2022-12-19 19:41:42");
    expect(formatTencentTime(ms, parseUtcOffset("-05:30"))).toBe("2022-12-19 06:11:42");
    expect(parseTencentTime("2022-12-19 19:41:42", 480)).toBe(ms);
  });

  it("refuse other forms and impossible dates", () => {
    expect(parseTencentTime("2022-12-19T19:41:42", 480)).toBeUndefined();
    expect(parseTencentTime("2023-02-29 00:00:00", 480)).toBeUndefined();
    expect(() => parseUtcOffset("UTC+8")).toThrow(RangeError);
  });
});
