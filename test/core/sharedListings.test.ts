/** The read batcher's own rules (provider/core/sharedListings.ts), on a timeline the test moves. */
import type { Timeline } from "../../provider/core/clock";
import { LISTING_FRESH_MS, SharedListings } from "../../provider/core/sharedListings";

function manualTimeline(): Timeline & { advance(ms: number): void } {
  let now = 1_000_000;
  return {
    clock: { now: () => now },
    sleep: async (ms) => void (now += ms),
    advance: (ms) => void (now += ms),
  };
}

const key = (instance: string, where = "acct-1") => ({ where: ["cloud", where], instance });

describe("SharedListings", () => {
  it("reads that arrive while a listing runs join it: one list call answers them all", async () => {
    const listings = new SharedListings(manualTimeline());
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const list = async () => {
      calls++;
      await gate;
      return [{ id: "a" }, { id: "b" }, { id: "a" }];
    };
    const reads = [1, 2, 3].map(() => listings.get(key("i-1"), list, (e) => e.id));
    release();
    const results = await Promise.all(reads);
    expect(calls).toBe(1);
    expect(results.every((r) => r === results[0])).toBe(true);
    expect(results[0]?.get("a")).toHaveLength(2);
    expect(results[0]?.get("b")).toEqual([{ id: "b" }]);
  });

  it("a failed listing answers nothing, to every read that joined it, and is not kept", async () => {
    const listings = new SharedListings(manualTimeline());
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("throttled");
    };
    const results = await Promise.all([1, 2].map(() => listings.get(key("i-1"), failing, String)));
    expect(results).toEqual([undefined, undefined]);
    expect(listings.size).toBe(0);
    await listings.get(key("i-1"), failing, String);
    expect(calls).toBe(2);
  });

  it("a write makes the listings of its instance stale, a running one too; other instances keep theirs", async () => {
    const listings = new SharedListings(manualTimeline());
    const seen: string[] = [];
    const list = (name: string) => async () => {
      seen.push(name);
      return [name];
    };
    const running = listings.get(key("i-1"), list("first"), String);
    await listings.get(key("i-2"), list("other"), String);
    listings.invalidate("i-1");
    await running;
    await listings.get(key("i-1"), list("second"), String);
    await listings.get(key("i-2"), list("other again"), String);
    expect(seen).toEqual(["first", "other", "second"]);
  });

  it("a listing answers while fresh, then is dropped; listings of different accounts are apart", async () => {
    const timeline = manualTimeline();
    const listings = new SharedListings(timeline);
    let calls = 0;
    const list = async () => [`call ${++calls}`];
    await listings.get(key("i-1"), list, String);
    await listings.get(key("i-1", "acct-2"), list, String);
    timeline.advance(LISTING_FRESH_MS);
    expect((await listings.get(key("i-1"), list, String))?.has("call 1")).toBe(true);
    expect(calls).toBe(2);
    timeline.advance(1);
    expect((await listings.get(key("i-1"), list, String))?.has("call 3")).toBe(true);
    // The other account's stale listing was swept, not kept.
    expect(listings.size).toBe(1);
  });

  describe("windowOf: windows of start times counted back from the process's first", () => {
    const DAY = 86_400_000;
    const SPAN = 30 * DAY;
    // 2026-12-03T04:00Z: four hours after a multiple of 30 days since the epoch.
    const NOW = Date.parse("2026-12-03T04:00:00Z");
    const at = (now: number) => new SharedListings({ clock: { now: () => now }, sleep: async () => {} });

    it("backups of the last 20 hours share one window, even across a multiple of 30 days since the epoch", () => {
      const listings = at(NOW);
      const starts = Array.from({ length: 20 }, (_, j) => NOW - (j + 1) * 3_600_000);
      // The epoch's windows would split these in two (00:00Z today is a boundary of theirs).
      expect(new Set(starts.map((s) => Math.floor(s / SPAN))).size).toBe(2);
      const windows = new Set(starts.map((s) => JSON.stringify(listings.windowOf(s, SPAN))));
      expect(windows.size).toBe(1);
      const [w] = [...windows].map((t) => JSON.parse(t) as { beginMs: number; endMs: number });
      // A second short of the span, both ends included, the newest a day ahead of now.
      expect(w.endMs - w.beginMs).toBe(SPAN - 1000);
      expect(w.endMs).toBe(NOW + DAY);
      expect(starts.every((s) => s >= w.beginMs && s <= w.endMs)).toBe(true);
    });

    it("windows tile the timeline without overlap, and stay where the first one put them", () => {
      let now = NOW;
      const listings = new SharedListings({ clock: { now: () => now }, sleep: async () => {} });
      const first = listings.windowOf(NOW - DAY, SPAN);
      now += 10 * DAY; // a long command: the windows do not move
      expect(listings.windowOf(NOW - DAY, SPAN)).toEqual(first);
      const older = listings.windowOf(NOW - 45 * DAY, SPAN);
      expect(older).toEqual({ beginMs: first.beginMs - SPAN, endMs: first.beginMs - 1000 });
      expect(listings.windowOf(first.beginMs, SPAN)).toEqual(first);
      expect(listings.windowOf(first.beginMs - 1000, SPAN)).toEqual(older);
      // A backup started after the newest window's end falls in the one after it.
      expect(listings.windowOf(first.endMs + 1000, SPAN).beginMs).toBe(first.endMs + 1000);
    });
  });
});
