/**
 * The emulator's two clocks.
 *
 * - The *signing clock* is real time plus a skew. It is what a cloud gateway compares request
 *   timestamps with, and what the HTTP `Date` header says. Setting a skew simulates a server whose
 *   clock disagrees with the client's (the client then gets `AuthFailure.SignatureExpire`).
 * - The *world clock* is the signing clock plus an offset that only moves forward
 *   (`advance(seconds)`). Everything that happens *inside* the cloud runs on it: task progress,
 *   backup start/end times, backup expiry.
 *
 * Keeping them apart lets a test jump 40 days ahead, so that backups expire, while the client's
 * real-time signatures still validate.
 */
export class EmulatorClock {
  private skewMs = 0;
  private advancedMs = 0;

  /** @param realNow source of real time in milliseconds (injectable for unit tests). */
  constructor(private readonly realNow: () => number = Date.now) {}

  /** Milliseconds since the epoch on the signing clock (real time + skew). */
  signingNow(): number {
    return this.realNow() + this.skewMs;
  }

  /** Seconds since the epoch on the signing clock, as compared with `X-TC-Timestamp`. */
  signingNowSeconds(): number {
    return Math.floor(this.signingNow() / 1000);
  }

  /** Milliseconds since the epoch on the world clock (signing clock + everything advanced). */
  worldNow(): number {
    return this.signingNow() + this.advancedMs;
  }

  /** Moves the world clock forward; the signing clock is unaffected. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(`advance(seconds) needs a finite number >= 0, got ${seconds}`);
    }
    this.advancedMs += seconds * 1000;
  }

  /** Sets how far the signing clock (and with it the world clock) is ahead of real time; negative = behind. */
  setSkew(seconds: number): void {
    if (!Number.isFinite(seconds))
      throw new RangeError(`setSkew(seconds) needs a finite number, got ${seconds}`);
    this.skewMs = seconds * 1000;
  }

  /** Current settings, for stats and the CLI banner. */
  describe(): { skewSeconds: number; advancedSeconds: number } {
    return { skewSeconds: this.skewMs / 1000, advancedSeconds: this.advancedMs / 1000 };
  }
}
