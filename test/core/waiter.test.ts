import { WaitTimeoutError } from "../../provider/core/errors";
import { defaultPollSchedule, nextDelay, waitFor } from "../../provider/core/waiter";
import { fakeClock } from "../helpers/fakeClock";

it("polls every 1.5 s for the first minute, then every 2.5% of the time waited, up to the cap", async () => {
  const t = fakeClock();
  let polls = 0;
  const value = await waitFor({
    what: "x",
    timeoutMs: 6 * 3600_000,
    ...t,
    poll: async () =>
      ++polls === 270 ? { state: "done", value: "ok" } : { state: "pending", status: "running" },
  });
  expect(value).toBe("ok");
  expect(defaultPollSchedule).toEqual({ minDelayMs: 1_500, proportion: 0.025, maxDelayMs: 300_000 });
  // 40 gaps of 1.5 s make the first minute; from there each gap is 2.5% of the time waited.
  expect(t.sleeps.slice(0, 40)).toEqual(Array(40).fill(1_500));
  expect(t.sleeps[40]).toBe(1_500);
  expect(t.sleeps[41]).toBe(Math.round(61_500 * 0.025));
  for (let i = 1; i < t.sleeps.length; i++) expect(t.sleeps[i]).toBeGreaterThanOrEqual(t.sleeps[i - 1]);
  expect(Math.max(...t.sleeps)).toBe(defaultPollSchedule.maxDelayMs);
});

/** When the polls of a wait come (ms from its start), on a clock that only its sleeps move. */
function pollTimes(until: number): number[] {
  const times = [0];
  while (times[times.length - 1] < until) {
    const now = times[times.length - 1];
    times.push(now + nextDelay(now, defaultPollSchedule));
  }
  return times;
}

it("sees a task done within max(2 s, 3% of its duration), even just after a poll, in ~log D polls", async () => {
  // The worst moments are those just after a poll: a task done then waits the whole next gap.
  const polls = pollTimes(3 * 3600_000);
  const durations = [1, 3, 30, 59, 61, 110, 300, 600, 1_799, 3_000, 10_000].map((s) => s * 1000);
  for (const d of [...durations, ...polls.slice(1).map((p) => p + 1)]) {
    const t = fakeClock();
    const start = t.clock.now();
    let calls = 0;
    await waitFor({
      what: "x",
      timeoutMs: 4 * 3600_000,
      ...t,
      poll: async () => {
        calls++;
        return t.clock.now() - start >= d ? { state: "done", value: 1 } : { state: "pending", status: "r" };
      },
    });
    const late = t.clock.now() - start - d;
    // The schedule keeps half a second (or 0.5% of D) for the calls after it, within the target.
    expect(late).toBeLessThanOrEqual(Math.max(1_500, 0.025 * d));
    expect(late).toBeLessThanOrEqual(Math.max(2_000, 0.03 * d));
    const minute = 60_000;
    const expected = d <= minute ? 1 + d / 1_500 : 41 + Math.log(d / minute) / Math.log(1.025);
    expect(calls).toBeLessThanOrEqual(Math.ceil(expected) + 2);
  }
});

it("costs 41 polls for a minute, 135 for ten, 179 for half an hour, 207 for an hour", () => {
  const count = (d: number) => pollTimes(d).length;
  expect([60, 600, 1_800, 3_600].map((s) => count(s * 1000))).toEqual([41, 135, 179, 207]);
});

it("gives up at the deadline, naming what it waited for and the last status", async () => {
  const t = fakeClock();
  const progress: string[] = [];
  const err: Error = await waitFor<Error>({
    what: "backup task 7 of crs-a",
    timeoutMs: 60_000,
    ...t,
    onProgress: (s) => progress.push(s),
    poll: async () => ({ state: "pending", status: progress.length ? "running" : "preparing" }),
  }).catch((e: Error) => e);
  expect(err).toBeInstanceOf(WaitTimeoutError);
  expect(err.message).toMatch(/timed out after 60s waiting for backup task 7 of crs-a; last status: running/);
  expect(progress).toEqual(["preparing", "running"]);
  // The last sleep is cut short so that one poll lands on the deadline itself.
  expect(t.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
});

it("propagates a poll's failure at once", async () => {
  const t = fakeClock();
  await expect(
    waitFor({
      what: "x",
      timeoutMs: 60_000,
      ...t,
      poll: async () => {
        throw new Error("task failed");
      },
    }),
  ).rejects.toThrow("task failed");
  expect(t.sleeps).toEqual([]);
});

it("a transient failure of one poll does not end the wait", async () => {
  const { TransportError } = await import("../../provider/core/errors");
  const t = fakeClock();
  let polls = 0;
  const value = await waitFor({
    what: "x",
    timeoutMs: 60_000,
    ...t,
    poll: async () => {
      polls++;
      if (polls === 2)
        throw new TransportError({
          action: "DescribeTaskInfo",
          detail: "network error ECONNRESET",
          outcomeUnknown: true,
          retryable: true,
        });
      return polls === 4 ? { state: "done", value: "ok" } : { state: "pending", status: "running" };
    },
  });
  expect(value).toBe("ok");
});
