import { RateLimiter } from "../../provider/core/rateLimiter";
import { fakeClock } from "../helpers/fakeClock";

it("lets `limit` calls through per window and queues the rest fairly", async () => {
  const t = fakeClock();
  const starts: number[] = [];
  // Time stands still while 50 callers arrive at once; each start is when its wait would end.
  const limiter = new RateLimiter(20, 1_000, t.clock, async (ms) => void starts.push(ms));
  await Promise.all(Array.from({ length: 50 }, () => limiter.acquire("DescribeBackupDetail")));
  starts.push(...Array(50 - starts.length).fill(0));
  starts.sort((a, b) => a - b);
  // No one-second window ever holds more than 20 starts.
  for (let i = 20; i < starts.length; i++) expect(starts[i] - starts[i - 20]).toBeGreaterThanOrEqual(1_000);
  expect(starts.filter((s) => s === 0)).toHaveLength(20);
});

it("keeps separate budgets per key", async () => {
  const t = fakeClock();
  const limiter = new RateLimiter(1, 1_000, t.clock, t.sleep);
  await limiter.acquire("A");
  await limiter.acquire("B");
  expect(t.sleeps).toEqual([]);
  await limiter.acquire("A");
  expect(t.sleeps).toEqual([1_000]);
});

it("a limit of 0 means no limit", async () => {
  const t = fakeClock();
  const limiter = new RateLimiter(0, 1_000, t.clock, t.sleep);
  for (let i = 0; i < 100; i++) await limiter.acquire("A");
  expect(t.sleeps).toEqual([]);
});
