/**
 * Where the native provider's progress lines go: the engine's Log service, attached to the
 * resource being worked on, so the CLI shows them under it as it shows any provider's. A native
 * plugin's stdout is not shown (only a dynamic provider's is), so pulumi.log would be lost here.
 */
import { Reporter } from "../core/reporter";
import { redact } from "../core/redact";
import { engineproto, enginerpc, grpc } from "./grpc";

/** The engine's Log client at `address` (the plugin's argument), or none when there is no engine. */
export function engineLog(address: string | undefined) {
  const client = address ? new enginerpc.EngineClient(address, grpc.credentials.createInsecure()) : undefined;
  return {
    /** A reporter whose lines the CLI shows under `urn`. */
    reporter(urn: string): Reporter {
      const send = (severity: number, message: string) => {
        const text = redact(message);
        if (!client) {
          process.stderr.write(`${text}\n`);
          return;
        }
        const req = new engineproto.LogRequest();
        req.setSeverity(severity);
        req.setMessage(text);
        req.setUrn(urn);
        req.setEphemeral(false);
        client.log(req, () => undefined);
      };
      return {
        info: (m) => send(engineproto.LogSeverity.INFO, m),
        warn: (m) => send(engineproto.LogSeverity.WARNING, m),
      };
    },
    close: () => client?.close(),
  };
}
