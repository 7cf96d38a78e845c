/**
 * Drives Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) over gRPC,
 * exactly as the engine does, without the Pulumi CLI: the demo uses it when no CLI is installed,
 * the tests use it, and so can users who want to exercise a program's backups offline.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import * as pulumi from "@pulumi/pulumi";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (m: string) => require(require.resolve(m, { paths: [pulumiDir] }));
const structproto = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const grpc: typeof import("@grpc/grpc-js") = fromPulumi("@grpc/grpc-js");

export { provproto };
/** Pulumi's marker for a value not known during preview, as the engine sends it in Check and Diff. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The values of a DiffResponse's `changes` (DIFF_UNKNOWN, DIFF_NONE, DIFF_SOME), for asserting on Diff. */
export const DIFF = provproto.DiffResponse.DiffChanges;

/** `__provider` exactly as a resource's constructor writes it, captured through setMocks. */
export async function serializedProviderOf(
  makeResource: () => pulumi.Resource,
): Promise<{ type: string; text: string }> {
  const seen: pulumi.runtime.MockResourceArgs[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        seen.push(a);
        return { id: `${a.name}-id`, state: a.inputs };
      },
      call: (a) => a.inputs,
    },
    "proj",
    "stack",
    false,
  );
  const r = makeResource();
  await new Promise((resolve) => r.urn.apply(resolve));
  const raw = seen[0].inputs.__provider;
  return { type: seen[0].type, text: typeof raw === "string" ? raw : raw.value };
}

/** A running provider host and its gRPC client: RPCs by method name, what it printed, and `stop`. */
export interface DynamicHost {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  call<T = any>(method: string, req: unknown): Promise<T>;
  /**
   * Everything the host printed (stdout, then stderr), once it matches `pattern` or after
   * `timeoutMs`: output reaches us asynchronously, possibly after the RPC that printed it answered.
   */
  printed(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Spawns the SDK's dynamic-provider host in `cwd` (where node_modules and package.json live), or
 * another provider plugin: `command` (e.g. the native provider's executable), given the engine's
 * address as its last argument, as the engine runs plugins.
 */
export async function startDynamicHost(
  o: { cwd?: string; env?: Record<string, string | undefined>; command?: string } = {},
) {
  const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
  // The real engine does not set PULUMI_NODEJS_ENGINE, so pulumi.log goes to stdout/stderr: the same here.
  const env: Record<string, string | undefined> = { ...process.env, PULUMI_NODEJS_PROJECT: "proj", ...o.env };
  delete env.PULUMI_NODEJS_ENGINE;
  const [file, args] = o.command ? [o.command, ["127.0.0.1:1"]] : [process.execPath, [script, "127.0.0.1:1"]];
  const proc = spawn(file, args, {
    cwd: o.cwd ?? process.cwd(),
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stderr!.on("data", (d) => stderr.push(String(d)));
  const rl = readline.createInterface({ input: proc.stdout! });
  const port = await new Promise<string>((resolve, reject) => {
    let first = true;
    rl.on("line", (l) => {
      if (first) {
        first = false;
        resolve(l.trim());
      } else stdout.push(l);
    });
    proc.on("exit", (c) => reject(new Error(`dynamic provider exited ${c}: ${stderr.join("")}`)));
  });
  const client = new (provrpc as any).ResourceProviderClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
  const host: DynamicHost = {
    proc,
    stdout,
    stderr,
    call: (m, req) =>
      new Promise((res, rej) => client[m](req, (e: unknown, r: any) => (e ? rej(e) : res(r)))),
    printed: async (pattern, timeoutMs = 2_000) => {
      const text = () => `${stdout.join("\n")}\n${stderr.join("")}`;
      for (let waited = 0; waited < timeoutMs && !pattern.test(text()); waited += 25) {
        await new Promise((r) => setTimeout(r, 25));
      }
      return text();
    },
    stop: async () => {
      client.close();
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill();
        await exited;
      }
    },
  };
  return host;
}

const S = (o: unknown) => structproto.Struct.fromJavaScript(o);
const urn = (type: string, name: string) => `urn:pulumi:stack::proj::${type}::${name}`;

/** Request builders, one per RPC, in the shape the engine sends. */
export function requests(type: string) {
  const base = (r: any, name: string) => {
    r.setUrn(urn(type, name));
    r.setType(type);
    r.setName(name);
    return r;
  };
  // What a diff and an update both carry: the id, the recorded outputs (as the old inputs too) and the new inputs.
  const change = (r: any, id: string, olds: object, news: object) => {
    r.setId(id);
    r.setOlds(S(olds));
    r.setNews(S(news));
    r.setOldInputs(S(olds));
    return r;
  };
  return {
    configure(config: Record<string, string>) {
      const r = new provproto.ConfigureRequest();
      r.setArgs(S(config));
      r.setAcceptsecrets(true);
      r.setAcceptresources(true);
      return r;
    },
    check(olds: object, news: object, name = "b") {
      const r = base(new provproto.CheckRequest(), name);
      r.setOlds(S(olds));
      r.setNews(S(news));
      return r;
    },
    diff(id: string, olds: object, news: object, name = "b") {
      return change(base(new provproto.DiffRequest(), name), id, olds, news);
    },
    create(props: object, name = "b") {
      const r = base(new provproto.CreateRequest(), name);
      r.setProperties(S(props));
      return r;
    },
    read(id: string, props: object, inputs?: object, name = "b") {
      const r = base(new provproto.ReadRequest(), name);
      r.setId(id);
      r.setProperties(S(props));
      if (inputs) r.setInputs(S(inputs));
      return r;
    },
    update(id: string, olds: object, news: object, name = "b") {
      return change(base(new provproto.UpdateRequest(), name), id, olds, news);
    },
    delete(id: string, props: object, name = "b") {
      const r = base(new provproto.DeleteRequest(), name);
      r.setId(id);
      r.setProperties(S(props));
      return r;
    },
  };
}
