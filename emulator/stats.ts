/**
 * Counters a test can assert on, cloud-neutral: what the clients asked for and what they got.
 * Everything is plain JSON so the HTTP admin route can return it as is.
 */
export interface EmulatorStatsSnapshot {
  /** API requests that named an action, by action (refused ones included). */
  requestsByAction: Record<string, number>;
  /** Error codes answered, by code. */
  errorsByCode: Record<string, number>;
  /** Requests refused by the rate limiter. */
  rateLimited: number;
  /** Requests refused for authentication (any AuthFailure.*). */
  authFailures: number;
  /** Faults injected: total and by `Action:kind`. */
  faultsInjected: { total: number; byActionAndKind: Record<string, number> };
}

/** Counts requests by action, errors by code, rate-limit refusals and authentication failures. */
export class StatsRecorder {
  private readonly requests = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private rateLimitedCount = 0;
  private authFailureCount = 0;

  recordRequest(action: string): void {
    bump(this.requests, action);
  }

  recordError(code: string): void {
    bump(this.errors, code);
  }

  recordRateLimited(): void {
    this.rateLimitedCount += 1;
  }

  recordAuthFailure(): void {
    this.authFailureCount += 1;
  }

  snapshot(faultsInjected: EmulatorStatsSnapshot["faultsInjected"]): EmulatorStatsSnapshot {
    return {
      requestsByAction: Object.fromEntries(this.requests),
      errorsByCode: Object.fromEntries(this.errors),
      rateLimited: this.rateLimitedCount,
      authFailures: this.authFailureCount,
      faultsInjected,
    };
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
