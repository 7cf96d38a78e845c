/**
 * Local clock correction, as mature SDKs do: when a server refuses a request for its timestamp,
 * its Date header says what time it is; later signatures use that offset. Per endpoint, per process.
 */
import { Clock } from "./clock";
import { HttpResponse } from "./http";

const skewMs = new Map<string, number>();

/** Local time corrected by what `endpoint` taught us, in milliseconds. */
export function serverNow(endpoint: string, clock: Clock): number {
  return clock.now() + (skewMs.get(endpoint) ?? 0);
}

/** Learns the server's clock from a response's Date header; true when that changes what we send. */
export function learnClockSkew(endpoint: string, res: HttpResponse, clock: Clock): boolean {
  const serverMs = Date.parse(res.headers["date"] ?? "");
  if (!Number.isFinite(serverMs)) return false;
  const skew = serverMs - clock.now();
  const previous = skewMs.get(endpoint) ?? 0;
  skewMs.set(endpoint, skew);
  // Date has one-second resolution; only a real disagreement is worth a re-send.
  return Math.abs(skew - previous) > 30_000;
}
