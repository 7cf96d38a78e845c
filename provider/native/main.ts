#!/usr/bin/env node
/**
 * The native provider plugin's entry point (`pulumi-resource-redis-backup` runs it): serves the
 * ResourceProvider service on a loopback port and prints the port as its first line, as the
 * engine expects of every plugin. Its argument is the engine's address; flags (`--logtostderr`,
 * `-v=N`, `--tracing`) are the engine's and ignored.
 */
import { grpc, provrpc } from "./grpc";
import { providerService } from "./server";

/** This package's version: the plugin's and its schema's. */
export function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("pulumi-redis-backup/package.json") as { version: string }).version;
}

/** Starts the provider; resolves to the port it listens on. */
export async function serve(engine: string | undefined, host = "127.0.0.1"): Promise<number> {
  const server = new grpc.Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  server.addService(
    provrpc.ResourceProviderService as never,
    providerService({ version: packageVersion(), engine }) as never,
  );
  return new Promise((resolve, reject) =>
    server.bindAsync(`${host}:0`, grpc.ServerCredentials.createInsecure(), (e, port) =>
      e ? reject(e) : resolve(port),
    ),
  );
}

/** Runs the plugin on `args` (the engine's flags, then its address): prints the port, or fails. */
export function start(args: string[] = process.argv.slice(2)): void {
  const engine = args.find((a) => !a.startsWith("-"));
  serve(engine).then(
    (port) => process.stdout.write(`${port}\n`),
    (e) => {
      process.stderr.write(`pulumi-resource-redis-backup: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}

if (require.main === module) start();
