/**
 * One emulator per test file: started on an ephemeral loopback port before the file's tests,
 * closed after them, on a timeline of its own. The timeline is real time plus every sleep a test's
 * provider deps took (helpers/cloudEnv.ts): the emulator's clocks and rate limit read it, and so do
 * the provider's clock, deadlines and rate limiter, so a half-hour wait or a rate-limited burst
 * costs no real time and the two sides still agree on what time it is.
 */
import { Emulator, EmulatorOptions, startEmulator } from "../../emulator";
import type { Timeline } from "../../provider/core/clock";

export interface EmulatorHandle {
  /** The running emulator (only valid inside tests and hooks). */
  readonly emulator: Emulator;
}

/** A timeline that a sleep moves forward at once. */
export function testTimeline(): Timeline {
  let offsetMs = 0;
  return {
    clock: { now: () => Date.now() + offsetMs },
    sleep: async (ms) => {
      offsetMs += Math.max(0, ms);
    },
  };
}

const timelines = new WeakMap<Emulator, Timeline>();

/** The timeline `emulator` runs on (one started elsewhere gets one that moves its world clock). */
export function timelineOf(emulator: Emulator): Timeline {
  let timeline = timelines.get(emulator);
  if (!timeline) {
    let offsetMs = 0;
    timeline = {
      clock: { now: () => Date.now() + offsetMs },
      sleep: async (ms) => {
        offsetMs += ms;
        emulator.admin.advanceClock(ms / 1000);
      },
    };
    timelines.set(emulator, timeline);
  }
  return timeline;
}

/**
 * Milliseconds since the epoch on `emulator`'s world clock, the one its tasks and backups run on,
 * as the client reckons it: the timeline plus everything the admin advanced (a clock skew set on
 * the server is not in it).
 */
export function worldNow(emulator: Emulator): number {
  return timelineOf(emulator).clock.now() + emulator.admin.stats().clock.advancedSeconds * 1000;
}

/** Registers beforeAll/afterAll hooks that run an emulator for the current test file. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHandle {
  let current: Emulator | undefined;
  beforeAll(async () => {
    const timeline = testTimeline();
    current = await startEmulator({ port: 0, timeSource: () => timeline.clock.now(), ...options });
    timelines.set(current, timeline);
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get emulator(): Emulator {
      if (!current) throw new Error("the emulator is not running (use it inside a test)");
      return current;
    },
  };
}
