import { backoffDelay, withRetry } from "../../provider/core/retry";
import { fakeClock } from "../helpers/fakeClock";

const opts = (t: ReturnType<typeof fakeClock>, shouldRetry = () => true) => ({
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  budgetMs: 60_000,
  shouldRetry,
  random: () => 1,
  ...t,
});

/** A call that always throws `message`, and how often it was made. */
function alwaysFailing(message: string) {
  let calls = 0;
  return {
    call: async (): Promise<never> => {
      calls++;
      throw new Error(message);
    },
    calls: () => calls,
  };
}

it("backs off exponentially with full jitter, capped", () => {
  const o = { baseDelayMs: 100, maxDelayMs: 1_000 };
  expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { ...o, random: () => 1 }))).toEqual([
    100, 200, 400, 800, 1000, 1000,
  ]);
  expect(backoffDelay(3, { ...o, random: () => 0.5 })).toBe(200);
});

it("retries until success", async () => {
  const t = fakeClock();
  let calls = 0;
  const r = await withRetry(async () => {
    if (++calls < 3) throw new Error("transient");
    return "done";
  }, opts(t));
  expect(r).toBe("done");
  expect(t.sleeps).toEqual([100, 200]);
});

it("stops after maxAttempts and rethrows the last error", async () => {
  const t = fakeClock();
  let calls = 0;
  await expect(
    withRetry(async () => {
      throw new Error(`fail ${++calls}`);
    }, opts(t)),
  ).rejects.toThrow("fail 5");
});

it("never retries what the policy calls unsafe", async () => {
  const t = fakeClock();
  const failing = alwaysFailing("no");
  await expect(
    withRetry(
      failing.call,
      opts(t, () => false),
    ),
  ).rejects.toThrow("no");
  expect(failing.calls()).toBe(1);
});

it("stops when the time budget would be exceeded", async () => {
  const t = fakeClock();
  const failing = alwaysFailing("slow");
  await expect(withRetry(failing.call, { ...opts(t), maxAttempts: 100, budgetMs: 1_400 })).rejects.toThrow(
    "slow",
  );
  expect(failing.calls()).toBe(4); // 100 + 200 + 400 = 700 ms slept; 800 more would pass the 1.4 s budget
});
