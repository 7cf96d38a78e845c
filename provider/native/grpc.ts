/**
 * The gRPC pieces the native provider is built from, taken from the copy `@pulumi/pulumi` ships
 * and resolves (its generated stubs check `instanceof` against their own google-protobuf and
 * grpc-js): no dependency beyond @pulumi/pulumi.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as path from "path";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (m: string) => require(require.resolve(m, { paths: [pulumiDir] }));

export const grpc: typeof import("@grpc/grpc-js") = fromPulumi("@grpc/grpc-js");
export const provproto: typeof import("@pulumi/pulumi/proto/provider_pb") = require("@pulumi/pulumi/proto/provider_pb");
export const provrpc: typeof import("@pulumi/pulumi/proto/provider_grpc_pb") = require("@pulumi/pulumi/proto/provider_grpc_pb");
export const pluginproto: typeof import("@pulumi/pulumi/proto/plugin_pb") = require("@pulumi/pulumi/proto/plugin_pb");
export const engineproto: typeof import("@pulumi/pulumi/proto/engine_pb") = require("@pulumi/pulumi/proto/engine_pb");
export const enginerpc: typeof import("@pulumi/pulumi/proto/engine_grpc_pb") = require("@pulumi/pulumi/proto/engine_grpc_pb");
export const statusproto: typeof import("@pulumi/pulumi/proto/status_pb") = require("@pulumi/pulumi/proto/status_pb");
export const structproto = fromPulumi("google-protobuf/google/protobuf/struct_pb");
export const emptyproto = fromPulumi("google-protobuf/google/protobuf/empty_pb");
export const anyproto = fromPulumi("google-protobuf/google/protobuf/any_pb");

/** A Struct of a plain object. */
export const toStruct = (o: object) => structproto.Struct.fromJavaScript(o);
/** A plain object of a Struct (absent: `{}`). */
export const fromStruct = (
  s: { toJavaScript(): Record<string, unknown> } | undefined,
): Record<string, unknown> => (s ? s.toJavaScript() : {});
