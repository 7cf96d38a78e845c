/**
 * The native provider: Pulumi's ResourceProvider gRPC service, served with the stubs
 * `@pulumi/pulumi/proto` ships, over the same lifecycle modules the dynamic provider runs. It
 * serves what the dynamic host drops: GetSchema, CheckConfig/DiffConfig and Configure (explicit
 * providers, each in its own process, with their own credentials and regions), a detailed diff,
 * `timeout` (customTimeouts) on Create/Update/Delete, and Read with an id alone (`pulumi import`,
 * `RedisBackup.get`), and each cloud's getBackupDownloadUrls (Invoke, functions.ts), its result
 * secret. Construct, Call and Handshake are not served.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { OperationDeps } from "../core/deps";
import { fetchDownloadUrls } from "../core/downloadUrls";
import { splitResourceId } from "../core/resourceId";
import { setStackConfig } from "../core/settings";
import { checkConfig, configOf, configSource } from "./config";
import { detailedDiff } from "./detailedDiff";
import {
  emptyproto,
  fromStruct,
  grpc,
  pluginproto,
  provproto,
  statusproto,
  anyproto,
  toStruct,
} from "./grpc";
import { functionOf } from "./functions";
import { engineLog } from "./logger";
import { NativeResource, resourceOf } from "./resources";
import { ORIGIN_INPUTS, PACKAGE, packageSchema } from "./schema";
import { asSecret, sameValue, unwrapSecrets } from "./values";

type Props = Record<string, unknown>;

/** An error the engine shows as it is, with a gRPC code other than UNKNOWN. */
class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The stack, project and name a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`) holds. */
export function urnParts(urn: string): { stack?: string; project?: string; name?: string } {
  const parts = urn.replace(/^urn:pulumi:/, "").split("::");
  if (parts.length < 4) return {};
  return { stack: parts[0], project: parts[1], name: parts.slice(3).join("::") };
}

/** The gRPC status of a failed call; a create that made something carries it (ErrorResourceInitFailed). */
function statusOf(e: unknown) {
  if (e instanceof RpcError) return { code: e.code, details: e.message, message: e.message };
  const err = e as Error & { id?: string; properties?: object; reasons?: string[] };
  const message = err?.message ?? String(e);
  const metadata = new grpc.Metadata();
  if (err && typeof err.id === "string" && err.id !== "") {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(err.id);
    detail.setProperties(toStruct(err.properties ?? {}));
    detail.setReasonsList(err.reasons ?? [message]);
    const any = new anyproto.Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, message, metadata };
}

const unary =
  (fn: (req: any) => Promise<unknown> | unknown) =>
  (call: { request: any }, callback: (err: unknown, res?: unknown) => void) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then(
        (res) => callback(null, res),
        (e) => callback(statusOf(e)),
      );
  };

/** Options of {@link providerService}. */
export interface ProviderServiceOptions {
  /** The plugin's version (GetPluginInfo, the schema's). */
  version: string;
  /** The engine's address (the plugin's argument): where progress lines go. */
  engine?: string;
  /** Replaces the real world's deps in tests (a clock, a reporter). */
  deps?: Partial<OperationDeps>;
}

/** The service's implementation, for `server.addService(ResourceProviderService, ...)`. */
export function providerService(o: ProviderServiceOptions) {
  let log = engineLog(o.engine);
  const resource = (type: string): NativeResource => {
    const r = resourceOf(type);
    if (!r) throw new RpcError(grpc.status.INVALID_ARGUMENT, `${PACKAGE} has no resource type ${type}`);
    return r;
  };
  const depsFor = (urn: string, timeoutSeconds?: number): Partial<OperationDeps> => ({
    reporter: log.reporter(urn),
    ...(timeoutSeconds && timeoutSeconds > 0 ? { timeoutMs: timeoutSeconds * 1000 } : {}),
    ...o.deps,
  });
  /** A FinalBackup's origin (resource name, stack, project) from its URN, as the dynamic class sets them. */
  const withOrigin = (r: NativeResource, urn: string, news: Props): Props => {
    if (r.kind !== "FinalBackup") return news;
    const { stack, project, name } = urnParts(urn);
    const origin: Props = { resourceName: name, stack, project };
    return { ...Object.fromEntries(ORIGIN_INPUTS.map((k) => [k, origin[k]])), ...news };
  };
  const failuresOf = (failures: { property: string; reason: string }[]) =>
    failures.map((f) => {
      const cf = new provproto.CheckFailure();
      cf.setProperty(f.property);
      cf.setReason(f.reason);
      return cf;
    });

  return {
    getPluginInfo: unary(() => {
      const info = new pluginproto.PluginInfo();
      info.setVersion(o.version);
      return info;
    }),

    getSchema: unary(() => {
      const resp = new provproto.GetSchemaResponse();
      resp.setSchema(JSON.stringify(packageSchema(o.version)));
      return resp;
    }),

    checkConfig: unary((req) => {
      const news = fromStruct(req.getNews());
      const resp = new provproto.CheckResponse();
      resp.setInputs(toStruct(news));
      resp.setFailuresList(failuresOf(checkConfig(unwrapSecrets(news) as Props)));
      return resp;
    }),

    diffConfig: unary((req) => {
      const olds = unwrapSecrets(fromStruct(req.getOlds())) as Props;
      const news = unwrapSecrets(fromStruct(req.getNews())) as Props;
      const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
        (k) => !sameValue(olds[k], news[k]),
      );
      const resp = new provproto.DiffResponse();
      // New credentials or a new region change the provider in place: the backups stay what they are.
      resp.setChanges(
        changed.length > 0
          ? provproto.DiffResponse.DiffChanges.DIFF_SOME
          : provproto.DiffResponse.DiffChanges.DIFF_NONE,
      );
      const detailed = resp.getDetaileddiffMap();
      for (const k of changed) {
        const pd = new provproto.PropertyDiff();
        pd.setKind(provproto.PropertyDiff.Kind.UPDATE);
        pd.setInputdiff(true);
        detailed.set(k, pd);
      }
      resp.setHasdetaileddiff(true);
      return resp;
    }),

    configure: unary((req) => {
      setStackConfig(configSource(configOf(fromStruct(req.getArgs()), req.getVariablesMap())));
      const resp = new provproto.ConfigureResponse();
      // Secrets: the engine strips them before each call and marks outputs secret again itself.
      resp.setAcceptsecrets(false);
      // Preview: the engine plans from Check and Diff; Create and Update run only in `up`.
      resp.setSupportspreview(false);
      resp.setAcceptresources(false);
      return resp;
    }),

    check: unary((req) => {
      const r = resource(req.getType());
      const news = withOrigin(r, req.getUrn(), fromStruct(req.getNews()));
      const result = r.lifecycle().check(fromStruct(req.getOlds()), news);
      const resp = new provproto.CheckResponse();
      if (result.inputs) resp.setInputs(toStruct(result.inputs));
      resp.setFailuresList(failuresOf(result.failures));
      return resp;
    }),

    diff: unary((req) => {
      const r = resource(req.getType());
      const olds = fromStruct(req.getOlds());
      const news = fromStruct(req.getNews());
      const plan = r.lifecycle().diff(req.getId(), olds, news);
      const resp = new provproto.DiffResponse();
      if (!plan.changes) {
        resp.setChanges(provproto.DiffResponse.DiffChanges.DIFF_NONE);
        return resp;
      }
      resp.setChanges(provproto.DiffResponse.DiffChanges.DIFF_SOME);
      resp.setReplacesList(plan.replaces);
      resp.setDeletebeforereplace(plan.deleteBeforeReplace === true);
      const detailed = detailedDiff(fromStruct(req.getOldInputs()), olds, news, r.inputKeys, plan.replaces);
      const map = resp.getDetaileddiffMap();
      for (const [k, change] of Object.entries(detailed)) {
        const pd = new provproto.PropertyDiff();
        pd.setKind(change.kind);
        pd.setInputdiff(change.inputDiff);
        map.set(k, pd);
      }
      // With nothing to name (a lock acknowledged, outputs only), the engine's own diff is shown.
      resp.setHasdetaileddiff(Object.keys(detailed).length > 0);
      return resp;
    }),

    create: unary(async (req) => {
      const r = resource(req.getType());
      const made = await r
        .lifecycle()
        .create(fromStruct(req.getProperties()), depsFor(req.getUrn(), req.getTimeout()));
      const resp = new provproto.CreateResponse();
      resp.setId(made.id);
      resp.setProperties(toStruct(made.outs));
      return resp;
    }),

    read: unary(async (req) => {
      const r = resource(req.getType());
      const id: string = req.getId();
      const props = fromStruct(req.getProperties());
      const deps = depsFor(req.getUrn());
      const lifecycle = r.lifecycle();
      let read: { id?: string; props?: Props; inputs?: Props };
      if (Object.keys(props).length === 0) {
        // `pulumi import` and `RedisBackup.get`: an id, nothing recorded. The backup is adopted
        // (read, never taken): `<instance>:<backupId>` gives the inputs.
        if (r.kind !== "RedisBackup") {
          throw new RpcError(
            grpc.status.INVALID_ARGUMENT,
            `a ${r.kind} cannot be imported: declare it in the program (its create takes no backup)`,
          );
        }
        const { instance, key } = splitResourceId(id, {});
        if (!instance || !key) {
          throw new RpcError(
            grpc.status.INVALID_ARGUMENT,
            `importing ${r.cloud} RedisBackup ${id}: the id is <${r.instanceKey}>:<backupId>`,
          );
        }
        const checked = lifecycle.check({}, { [r.instanceKey]: instance, backupId: key });
        if (!checked.inputs) {
          throw new RpcError(
            grpc.status.INVALID_ARGUMENT,
            `importing ${r.cloud} RedisBackup ${id}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`,
          );
        }
        const adopted = await lifecycle.create(checked.inputs, deps);
        read = await lifecycle.read(adopted.id, adopted.outs, deps);
      } else {
        read = await lifecycle.read(id, props, deps);
      }
      const resp = new provproto.ReadResponse();
      // No id: the backup is gone, and the engine drops it from the stack.
      resp.setId(read.id ?? "");
      if (read.id) {
        resp.setProperties(toStruct(read.props ?? {}));
        resp.setInputs(toStruct(read.inputs ?? {}));
      }
      return resp;
    }),

    update: unary(async (req) => {
      const r = resource(req.getType());
      const done = await r
        .lifecycle()
        .update(
          req.getId(),
          fromStruct(req.getOlds()),
          fromStruct(req.getNews()),
          depsFor(req.getUrn(), req.getTimeout()),
        );
      const resp = new provproto.UpdateResponse();
      resp.setProperties(toStruct(done.outs));
      return resp;
    }),

    delete: unary(async (req) => {
      const r = resource(req.getType());
      await r
        .lifecycle()
        .remove(req.getId(), fromStruct(req.getProperties()), depsFor(req.getUrn(), req.getTimeout()));
      return new emptyproto.Empty();
    }),

    cancel: unary(() => new emptyproto.Empty()),

    /** PULUMI_DEBUG_PROVIDERS: the engine attaches to a provider started by hand and says where it is. */
    attach: unary((req) => {
      log.close();
      log = engineLog(req.getAddress());
      return new emptyproto.Empty();
    }),

    /**
     * A function: the TypeScript function's own lookup (core's fetchDownloadUrls: the error family's
     * message, with the call, the vendor's code and RequestId), with plain values and the
     * credentials Configure set. The result comes back secret: the URLs are bearer credentials.
     */
    invoke: unary(async (req) => {
      const f = functionOf(req.getTok());
      if (!f) throw new RpcError(grpc.status.INVALID_ARGUMENT, `${PACKAGE} has no function ${req.getTok()}`);
      const args = unwrapSecrets(fromStruct(req.getArgs())) as Props;
      const resp = new provproto.InvokeResponse();
      const missing = f.required.filter((k) => typeof args[k] !== "string" || args[k] === "");
      if (missing.length > 0) {
        resp.setFailuresList(failuresOf(missing.map((property) => ({ property, reason: "required" }))));
        return resp;
      }
      const result = await fetchDownloadUrls(f.spec(), args, o.deps);
      resp.setReturn(toStruct(asSecret(result)));
      return resp;
    }),
  };
}
