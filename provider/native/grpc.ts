/**
 * The gRPC pieces the native provider is built from, taken from the copy `@pulumi/pulumi` ships
 * and resolves (its generated stubs check `instanceof` against their own google-protobuf and
 * grpc-js): no dependency beyond @pulumi/pulumi.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as path from "path";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (m: string) => require(require.resolve(m, { paths: [pulumiDir] }));

/** grpc-js, the copy @pulumi/pulumi resolves: the server the plugin listens with. */
export const grpc: typeof import("@grpc/grpc-js") = fromPulumi("@grpc/grpc-js");
/** The ResourceProvider messages (CheckRequest, DiffResponse, PropertyDiff, ...). */
export const provproto: typeof import("@pulumi/pulumi/proto/provider_pb") = require("@pulumi/pulumi/proto/provider_pb");
/** The ResourceProvider service definition the plugin implements. */
export const provrpc: typeof import("@pulumi/pulumi/proto/provider_grpc_pb") = require("@pulumi/pulumi/proto/provider_grpc_pb");
/** PluginInfo, what GetPluginInfo answers. */
export const pluginproto: typeof import("@pulumi/pulumi/proto/plugin_pb") = require("@pulumi/pulumi/proto/plugin_pb");
/** The engine's messages (LogRequest, LogSeverity): what the plugin logs through. */
export const engineproto: typeof import("@pulumi/pulumi/proto/engine_pb") = require("@pulumi/pulumi/proto/engine_pb");
/** The engine's client stub, for logging to the CLI. */
export const enginerpc: typeof import("@pulumi/pulumi/proto/engine_grpc_pb") = require("@pulumi/pulumi/proto/engine_grpc_pb");
/** google.rpc.Status, carried by errors that return partial state (ErrorResourceInitFailed). */
export const statusproto: typeof import("@pulumi/pulumi/proto/status_pb") = require("@pulumi/pulumi/proto/status_pb");
/** google.protobuf.Struct, the property maps of every request and answer. */
export const structproto = fromPulumi("google-protobuf/google/protobuf/struct_pb");
/** google.protobuf.Empty, the answer of the calls that return nothing. */
export const emptyproto = fromPulumi("google-protobuf/google/protobuf/empty_pb");
/** google.protobuf.Any, the details of a Status. */
export const anyproto = fromPulumi("google-protobuf/google/protobuf/any_pb");

/** A Struct of a plain object. */
export const toStruct = (o: object) => structproto.Struct.fromJavaScript(o);
/** A plain object of a Struct (absent: `{}`). */
export const fromStruct = (
  s: { toJavaScript(): Record<string, unknown> } | undefined,
): Record<string, unknown> => (s ? s.toJavaScript() : {});
