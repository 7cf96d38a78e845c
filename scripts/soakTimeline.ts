/**
 * The soak's one timeline: real time, sped up. Provider and emulator both read it (the emulator
 * through its `timeSource`, the provider through its clock, sleep and rate limiter), and every
 * sleep is really slept, only `scale` times shorter. So what depends on time passing for everyone
 * at once — a backup job finishing while others wait their turn on the instance, a deadline running
 * out while a create queues, both sides' rate limits, signatures staying within the vendors'
 * tolerance — behaves as in a real `pulumi up`, compressed. Only the requests themselves take real
 * time, which makes them `scale` times slower than they would be: a harsher run, not a gentler one.
 */
import type { Clock, Sleep } from "../provider/core/clock";

export interface Timeline {
  clock: Clock;
  sleep: Sleep;
}

export function scaledTimeline(scale: number, realNow: () => number = Date.now): Timeline {
  if (!(scale >= 1)) throw new RangeError(`time scale must be >= 1, got ${scale}`);
  const origin = realNow();
  const now = () => origin + (realNow() - origin) * scale;
  const sleep: Sleep = (ms) =>
    new Promise((resolve) => {
      const wakeAt = now() + ms;
      const check = () => {
        const left = wakeAt - now();
        if (left <= 0) resolve();
        else setTimeout(check, Math.ceil(left / scale));
      };
      check();
    });
  return { clock: { now }, sleep };
}
