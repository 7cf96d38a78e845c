/** Where progress and warnings go: Pulumi's log in the provider process, a capture in tests. */
import { redact } from "./redact";

/** Where progress lines and warnings go. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
}

type PulumiLog = typeof import("@pulumi/pulumi/log");
let pulumiLog: PulumiLog | undefined;

/**
 * Pulumi's log module, loaded on the first line written. Kept once loaded: a `require` of a bare
 * specifier that the host had loaded before resolves the path again on every call (tens of µs),
 * and every read of a fleet refresh makes a reporter. A module, not state: nothing secret is kept.
 */
function logModule(): PulumiLog {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (pulumiLog ??= require("@pulumi/pulumi/log") as PulumiLog);
}

/** Pulumi's own log (shown by the CLI as diagnostics), loaded when first used. */
export function pulumiReporter(): Reporter {
  return {
    info: (m) => void logModule().info(redact(m)),
    warn: (m) => void logModule().warn(redact(m)),
  };
}
