/** Time as the provider sees it; injected everywhere so tests never really wait. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Waits `ms` milliseconds (or, in tests, moves a timeline that long at once). */
export type Sleep = (ms: number) => Promise<void>;

/** The machine's clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A sleep that really waits. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A clock and the sleep that moves along it: real time in production; in tests and the soak, a
 * timeline of their own that a sleep advances at once, shared by everything that must agree on
 * time (the emulator's clocks, the provider's deadlines, both sides' rate limits).
 */
export interface Timeline {
  clock: Clock;
  sleep: Sleep;
}

/** Real time: the system clock and real sleeps. */
export const realTimeline: Timeline = { clock: systemClock, sleep: realSleep };
