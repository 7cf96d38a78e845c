/**
 * Says once per `npm run test:engine`, before any test runs, whether the engine suite will run and under
 * which CLI, or how to get one: the suite's files skip without a CLI (and fail under CI=true).
 */
import { findPulumiCli } from "../../../tools/pulumi-cli/location";

export default function engineSuiteBanner(): void {
  const cli = findPulumiCli();
  if (cli) {
    process.stderr.write(`\nEngine suite: Pulumi CLI ${cli.version} (${cli.source}: ${cli.dir})\n`);
  } else if (process.env.CI !== "true") {
    process.stderr.write(
      "\nEngine suite skipped: no Pulumi CLI found; `npm run pulumi-cli` builds the pinned one.\n",
    );
  }
}
