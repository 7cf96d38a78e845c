import { WaitTimeoutError } from "../../provider/core/errors";
import { defaultPollSchedule, waitFor } from "../../provider/core/waiter";
import { fakeClock } from "../helpers/fakeClock";

it("polls soon, then backs off to the cap", async () => {
  const t = fakeClock();
  let polls = 0;
  const value = await waitFor({
    what: "x",
    timeoutMs: 10 * 60_000,
    ...t,
    poll: async () =>
      ++polls === 12 ? { state: "done", value: "ok" } : { state: "pending", status: "running" },
  });
  expect(value).toBe("ok");
  expect(t.sleeps[0]).toBe(defaultPollSchedule.firstDelayMs);
  expect(t.sleeps[1]).toBe(1500);
  expect(Math.max(...t.sleeps)).toBe(defaultPollSchedule.maxDelayMs);
  for (let i = 1; i < t.sleeps.length; i++) expect(t.sleeps[i]).toBeGreaterThanOrEqual(t.sleeps[i - 1]);
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
        throw new TransportError("DescribeTaskInfo", "network error ECONNRESET", true, { retryable: true });
      return polls === 4 ? { state: "done", value: "ok" } : { state: "pending", status: "running" };
    },
  });
  expect(value).toBe("ok");
});
