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

/**
 * Learns the server's clock from the Date header of a response that refused our timestamp, and
 * says whether a re-send would now carry a different one: true when the refused request was
 * signed more than 30 s away from the server's time. Comparing with what *that* request carried,
 * not with what we knew before, also covers calls signed concurrently before anyone learnt.
 */
export function learnClockSkew(
  endpoint: string,
  res: HttpResponse,
  clock: Clock,
  signedAtMs: number,
): boolean {
  const serverMs = Date.parse(res.headers["date"] ?? "");
  if (!Number.isFinite(serverMs)) return false;
  skewMs.set(endpoint, serverMs - clock.now());
  // Date has one-second resolution; only a real disagreement is worth a re-send.
  return Math.abs(serverMs - signedAtMs) > 30_000;
}
