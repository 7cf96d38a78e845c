/** The dynamic-provider host driver lives with the emulator (the demo and users use it too). */
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { provproto } from "../../emulator/dynamicHost";

export * from "../../emulator/dynamicHost";

/** What the engine would record from a failed Create or Update: the ErrorResourceInitFailed detail, if any. */
export function initFailureOf(err: { metadata?: { get(key: string): unknown[] } }) {
  const [bin] = (err.metadata?.get("grpc-status-details-bin") ?? []) as Uint8Array[];
  if (!bin) return undefined;
  const [detail] = statusproto.Status.deserializeBinary(bin).getDetailsList();
  if (!detail) return undefined;
  const failure = provproto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
  return { id: failure.getId(), properties: failure.getProperties()?.toJavaScript() ?? {} };
}
