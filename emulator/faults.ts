/**
 * Per-action fault injection, cloud-neutral. A vendor's API asks `take(action)` once a request is
 * authenticated and knows which action it is; what the fault does to the answer is applied by
 * {@link runWithFault}, with the vendor supplying how its error envelope looks.
 */
import type { EmulatorReply } from "./reply";

/** What can go wrong with one request. */
export type Fault =
  /**
   * Answer with this vendor error (e.g. Tencent `InternalError`) instead of performing the action;
   * with `afterPerform`, perform it first (a gateway that failed on the way back: the client is
   * told of an error, yet the create happened).
   */
  | { kind: "error"; code: string; message?: string; afterPerform?: boolean }
  /** Answer with a bare HTTP status, e.g. a gateway's 502 HTML page, without performing the action. */
  | { kind: "http"; status: number; body?: string }
  /** Destroy the connection before performing the action: the client sees a reset, nothing happened. */
  | { kind: "drop" }
  /**
   * Perform the action (e.g. really take the backup), then destroy the connection without answering:
   * "the create happened but its response was lost", the case that makes clients adopt or duplicate.
   */
  | { kind: "dropAfterPerform" }
  /** Wait this long, then handle the request normally (exercises client timeouts). */
  | { kind: "delay"; ms: number }
  /** Answer 200 with exactly this body, e.g. truncated JSON. Nothing is performed. */
  | { kind: "malformed"; body: string };

/** The name of a kind of fault, as `stats` counts them (`Action:kind`). */
export type FaultKind = Fault["kind"];

/** How often a fault fires. */
export interface FaultOptions {
  /** Fire for this many matching requests, then stop. Default 1, or unlimited when `probability` is set. */
  times?: number;
  /** Fire with this probability (0..1) on each matching request. */
  probability?: number;
}

interface FaultRule {
  action: string;
  fault: Fault;
  remaining: number;
  probability: number;
}

/** The wildcard action: a fault registered for `*` matches every action. */
export const ANY_ACTION = "*";

/** Holds the faults to inject and counts those injected. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private readonly injected = new Map<string, number>();

  /** @param random source of randomness in [0, 1) for probabilistic faults (injectable for tests). */
  constructor(private readonly random: () => number = Math.random) {}

  /** Registers a fault for `action` (or {@link ANY_ACTION}). Earlier registrations fire first. */
  inject(action: string, fault: Fault, options: FaultOptions = {}): void {
    validateFault(fault);
    const probability = options.probability ?? 1;
    if (!(probability >= 0 && probability <= 1)) throw new RangeError("probability must be within [0, 1]");
    const times = options.times ?? (options.probability === undefined ? 1 : Infinity);
    if (!(times >= 1)) throw new RangeError("times must be >= 1");
    this.rules.push({ action, fault, remaining: times, probability });
  }

  /** Forgets every registered fault (the injected counts are kept). */
  clear(): void {
    this.rules = [];
  }

  /** The fault to apply to this request, if any; consumes one use of it. */
  take(action: string): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.action !== action && rule.action !== ANY_ACTION) continue;
      if (rule.probability < 1 && this.random() >= rule.probability) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      const key = `${action}:${rule.fault.kind}`;
      this.injected.set(key, (this.injected.get(key) ?? 0) + 1);
      return rule.fault;
    }
    return undefined;
  }

  /** Faults injected so far, keyed `Action:kind`, plus the total. */
  counts(): { total: number; byActionAndKind: Record<string, number> } {
    const byActionAndKind = Object.fromEntries(this.injected);
    const total = [...this.injected.values()].reduce((a, b) => a + b, 0);
    return { total, byActionAndKind };
  }

  /** Faults still armed, for diagnostics. */
  pending(): { action: string; fault: Fault; remaining: number | "unlimited"; probability: number }[] {
    return this.rules.map((r) => ({
      action: r.action,
      fault: r.fault,
      remaining: Number.isFinite(r.remaining) ? r.remaining : "unlimited",
      probability: r.probability,
    }));
  }
}

function validateFault(fault: Fault): void {
  switch (fault.kind) {
    case "error":
      if (typeof fault.code !== "string" || fault.code === "")
        throw new TypeError("error fault needs a code");
      return;
    case "http":
      if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
        throw new RangeError("http fault needs a status within 100..599");
      }
      return;
    case "delay":
      if (!(fault.ms >= 0)) throw new RangeError("delay fault needs ms >= 0");
      return;
    case "malformed":
      if (typeof fault.body !== "string") throw new TypeError("malformed fault needs a body string");
      return;
    case "drop":
    case "dropAfterPerform":
      return;
    default:
      throw new TypeError(`unknown fault kind ${(fault as { kind: unknown }).kind}`);
  }
}

/** A 502 page such as a load balancer in front of a cloud API sends. */
const DEFAULT_GATEWAY_PAGE =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

/**
 * Applies `fault` (if any) around `perform`, which produces the normal answer.
 * `vendorError` renders the vendor's own error envelope for `{kind: "error"}`.
 */
export async function runWithFault(
  fault: Fault | undefined,
  perform: () => Promise<EmulatorReply>,
  vendorError: (code: string, message: string) => EmulatorReply,
  sleep: (ms: number) => Promise<void>,
): Promise<EmulatorReply> {
  if (fault === undefined) return perform();
  switch (fault.kind) {
    case "error":
      if (fault.afterPerform) await perform();
      return vendorError(fault.code, fault.message ?? "Injected by the emulator.");
    case "http":
      return {
        kind: "raw",
        status: fault.status,
        contentType: "text/html",
        body:
          fault.body ??
          (fault.status === 502 ? DEFAULT_GATEWAY_PAGE : `<html><body>${fault.status}</body></html>`),
      };
    case "drop":
      return { kind: "drop" };
    case "dropAfterPerform":
      await perform();
      return { kind: "drop" };
    case "delay":
      await sleep(fault.ms);
      return perform();
    case "malformed":
      return { kind: "raw", status: 200, contentType: "application/json", body: fault.body };
  }
}
