/**
 * Timers the emulator can cancel all at once on close, so an injected delay never keeps a test
 * process alive after the emulator stopped.
 */
export class CancellableSleeper {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Resolves after `ms`, unless cancelAll() runs first (then it never resolves; its socket is gone). */
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });

  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
