/** A clock whose sleep returns at once and moves time forward: tests never really wait. */
export function fakeClock(startMs = Date.UTC(2026, 10, 24, 8, 0, 0)) {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}
