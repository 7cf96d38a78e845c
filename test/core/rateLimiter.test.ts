import { RateLimiter } from "../../provider/core/rateLimiter";
import { fakeClock } from "../helpers/fakeClock";

/** Simulates calls of `latency` ms through a limiter on a fake clock; returns start and end times. */
async function simulate(
  limiter: RateLimiter,
  t: ReturnType<typeof fakeClock>,
  calls: number,
  latency: number,
) {
  const spans: { start: number; end: number }[] = [];
  // A tiny event loop on the fake clock: sleeps resolve in time order.
  await Promise.all(
    Array.from({ length: calls }, async () => {
      const release = await limiter.acquire("DescribeBackupDetail");
      const start = t.clock.now();
      await t.sleep(latency);
      spans.push({ start, end: t.clock.now() });
      release();
    }),
  );
  return spans;
}

function scheduledClock() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const tick = () => {
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (next) {
      now = Math.max(now, next.at);
      next.resolve();
    }
  };
  return {
    clock: { now: () => now },
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, resolve });
        setImmediate(tick);
      }),
    advance: () => {},
    sleeps: [] as number[],
  };
}

it("starts a call only a window after the call `limit` places earlier finished, so servers never count too many", async () => {
  const t = scheduledClock();
  const limiter = new RateLimiter(20, 1_000, t.clock, t.sleep);
  const spans = await simulate(limiter, t, 70, 150);
  expect(spans).toHaveLength(70);
  // Whatever moment a server counts arrival at (between start and end), no 1-second window holds 21.
  const ends = spans.map((s) => s.end).sort((a, b) => a - b);
  const starts = spans.map((s) => s.start).sort((a, b) => a - b);
  for (let i = 20; i < starts.length; i++) expect(starts[i] - ends[i - 20]).toBeGreaterThanOrEqual(1_000);
  expect(starts.filter((s) => s === 0)).toHaveLength(20);
});

it("waits until the clock says the slot is free, even when a sleep wakes early (as Node's timers can by Date.now())", async () => {
  let now = 0;
  const sleeps: number[] = [];
  // A sleep that wakes 2 ms short of what it was asked, as a timer counted from a stale loop time does.
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += Math.max(1, ms - 2);
  };
  const limiter = new RateLimiter(1, 1_000, { now: () => now }, sleep);
  (await limiter.acquire("A"))();
  await limiter.acquire("A");
  expect(now).toBeGreaterThanOrEqual(1_000);
  expect(sleeps).toEqual([1_000, 2, 1]);
});

it("keeps separate budgets per key", async () => {
  const t = fakeClock();
  const limiter = new RateLimiter(1, 1_000, t.clock, t.sleep);
  (await limiter.acquire("A"))();
  (await limiter.acquire("B"))();
  expect(t.sleeps).toEqual([]);
  (await limiter.acquire("A"))();
  expect(t.sleeps).toEqual([1_000]);
});

it("a limit of 0 means no limit", async () => {
  const t = fakeClock();
  const limiter = new RateLimiter(0, 1_000, t.clock, t.sleep);
  for (let i = 0; i < 100; i++) await limiter.acquire("A");
  expect(t.sleeps).toEqual([]);
});
