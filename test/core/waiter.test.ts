import { WaitTimeoutError } from "../../provider/core/errors";
import { defaultPollSchedule, waitFor } from "../../provider/core/waiter";
import { fakeClock } from "../helpers/fakeClock";

it("polls every second at first, then every tenth of the time waited, up to the cap", async () => {
  const t = fakeClock();
  let polls = 0;
  const value = await waitFor({
    what: "x",
    timeoutMs: 6 * 3600_000,
    ...t,
    poll: async () =>
      ++polls === 120 ? { state: "done", value: "ok" } : { state: "pending", status: "running" },
  });
  expect(value).toBe("ok");
  expect(t.sleeps.slice(0, 10)).toEqual(Array(10).fill(defaultPollSchedule.minDelayMs));
  expect(t.sleeps[10]).toBe(1_000);
  expect(t.sleeps[11]).toBe(1_100);
  for (let i = 1; i < t.sleeps.length; i++) expect(t.sleeps[i]).toBeGreaterThanOrEqual(t.sleeps[i - 1]);
  expect(Math.max(...t.sleeps)).toBe(defaultPollSchedule.maxDelayMs);
});

it("sees a task done at most max(1 s, 10% of its duration) late, in about log(D) polls", async () => {
  for (const seconds of [3, 30, 300, 1_800]) {
    const t = fakeClock();
    const start = t.clock.now();
    let polls = 0;
    await waitFor({
      what: "x",
      timeoutMs: 3600_000,
      ...t,
      poll: async () => {
        polls++;
        return t.clock.now() - start >= seconds * 1000
          ? { state: "done", value: 1 }
          : { state: "pending", status: "r" };
      },
    });
    const late = t.clock.now() - start - seconds * 1000;
    expect(late).toBeLessThanOrEqual(Math.max(1_000, seconds * 100));
    expect(polls).toBeLessThanOrEqual(12 + Math.ceil(Math.log(Math.max(1, seconds / 10)) / Math.log(1.1)));
  }
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
