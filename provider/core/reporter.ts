/** Where progress and warnings go: Pulumi's log in the provider process, a capture in tests. */
import { redact } from "./redact";

/** Where progress lines and warnings go. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
}

/** Pulumi's own log (shown by the CLI as diagnostics), loaded when first used. */
export function pulumiReporter(): Reporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const log: typeof import("@pulumi/pulumi/log") = require("@pulumi/pulumi/log");
  return {
    info: (m) => void log.info(redact(m)),
    warn: (m) => void log.warn(redact(m)),
  };
}
