/* global process */
/**
 * Preloaded into a dynamic-provider host (`NODE_OPTIONS=--require`) to run it on the bench's
 * sped-up timeline, the one its emulator keeps (`timeSource`): time reads BENCH_TIME_SCALE times
 * faster from BENCH_TIME_ORIGIN on, and every timer fires that many times sooner. The provider's
 * clock (Date.now), its sleeps and request timeouts (setTimeout) and its rate limiter all follow.
 */
const scale = Number(process.env.BENCH_TIME_SCALE);
const origin = Number(process.env.BENCH_TIME_ORIGIN);
if (!(scale >= 1) || !Number.isFinite(origin)) throw new Error("hostTimeline: BENCH_TIME_SCALE/ORIGIN unset");
const realNow = Date.now;
Date.now = () => Math.round(origin + (realNow() - origin) * scale);
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = (fn, ms, ...args) =>
  realSetTimeout(fn, Math.max(0, Number(ms) || 0) / scale, ...args);
