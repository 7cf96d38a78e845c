/**
 * What a cloud gives the registry (provider/clouds.ts): its name, its part of the declarations
 * file, the RedisBackup a declaration becomes, the `read` a drift check runs, and the variables
 * that point it at a cloud. Each cloud's `cloud.ts` is one of these; nothing in it loads the
 * resource or the lifecycle until asked.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { OperationDeps } from "./deps";
import { BackupDownload, DownloadTarget, DownloadUrlsSpec, fetchDownloadUrls } from "./downloadUrls";
import type { FinalBackupLifecycle } from "./finalBackup";
import type { Lifecycle } from "./lifecycle";
import type { FindMade } from "./recover";
import { SettingKey, SettingsSpec, settingKeysOf } from "./settings";
import { stripUndefined } from "./stripUndefined";

/** A `read` as the drift check calls it: with what a state export recorded, whatever its shape. */
export type DriftRead = (
  id: string,
  recorded: Record<string, unknown>,
  deps: Partial<OperationDeps>,
) => Promise<{ id?: string; props?: Record<string, unknown> }>;

/** One cloud's entry; `Resource` is its RedisBackup class. */
export interface CloudEntry<
  Name extends string,
  Declaration,
  Inputs,
  Resource extends pulumi.CustomResource,
> {
  /** The name in `cloud:` fields, resource types (`pulumi-nodejs:dynamic/<name>:RedisBackup`) and config keys. */
  name: Name;
  /** How this cloud's entries in `backups.yaml` read (a strict object whose `cloud` is `name`). */
  declarationSchema: z.ZodObject & z.ZodType<Declaration>;
  /** The fields it takes, in the order the documentation lists them. */
  fields: readonly string[];
  /** The resource's own inputs schema: the last word on what a declaration may say. */
  inputsSchema: z.ZodObject;
  /** A declaration as the resource's inputs (`instance` → instanceId / groupId, ...). */
  toInputs(d: Declaration): Inputs;
  /** The RedisBackup a declaration becomes. */
  declare(name: string, d: Declaration, opts?: pulumi.CustomResourceOptions): Resource;
  /** The lifecycle's `read`, loaded when called. */
  read: DriftRead;
  /** Its RedisBackup's lifecycle module, loaded when called (the native provider serves it). */
  lifecycle(): Lifecycle<object, Record<string, unknown>>;
  /** What a pending create of its RedisBackup made (`pulumi-redis-backup recover`), loaded when called. */
  findMade: FindMade;
  /** The variables that point the provider at this cloud, for `drift --help`: label and names. */
  environment: { label: string; variables: string[] };
  /** Every stack config key its settings read (the native provider's config variables). */
  configKeys: SettingKey[];
  /** Its FinalBackup: what a `final: true` declaration becomes, and the lifecycle the CLI lists and reads through. */
  final: FinalEntry;
  /** The inputs schema a declaration is checked against at last: the FinalBackup's for `final: true`. */
  inputsSchemaOf(d: Declaration): z.ZodObject;
  /** The files of a backup and their download URLs (plain values: the CLI's `url` and `download`). */
  downloadUrls(target: DownloadTarget, deps?: Partial<OperationDeps>): Promise<BackupDownload>;
}

/** A cloud's FinalBackup in the registry. */
export interface FinalEntry {
  /** The input naming the instance: `instanceId`, or UCloud's `groupId`. */
  instanceKey: string;
  inputsSchema: z.ZodObject;
  /** Its lifecycle module, loaded when called. */
  lifecycle(): FinalBackupLifecycle<Record<string, unknown>>;
}

/** The fields every declaration may carry, as every cloud's inputs take them. */
interface Steering {
  backupId?: string;
  keepExpired?: boolean;
  waitTimeoutMinutes?: number;
  triggers?: unknown[];
  /** A FinalBackup instead of a RedisBackup. */
  final?: boolean;
  skip?: boolean;
}

/**
 * The modules every cloud's folder has, by file name (the README's "Adding a cloud" lists them):
 * the registry loads each one only when it is needed.
 */
export type CloudModule =
  "resource" | "operations" | "recover" | "finalBackup" | "finalOperations" | "download";

/** What a cloud writes to make its entry; {@link defineCloud} adds what every cloud does alike. */
export interface CloudSpec<Name extends string, Declaration extends Steering, Inputs> extends Omit<
  CloudEntry<Name, Declaration, Inputs, pulumi.CustomResource>,
  | "fields"
  | "toInputs"
  | "declare"
  | "read"
  | "lifecycle"
  | "findMade"
  | "final"
  | "inputsSchemaOf"
  | "downloadUrls"
  | "environment"
  | "configKeys"
> {
  /** The cloud's own inputs of a declaration (`instance` under the cloud's name for it, ...); steering fields are added. */
  inputsOf(d: Declaration): Omit<Inputs, keyof Steering>;
  /** Its FinalBackup: the input naming the instance and the inputs schema (a `final: true` declaration maps to its inputs as any other, `skip` added). */
  final: Omit<FinalEntry, "lifecycle">;
  /** Where its settings are read from: `environment` lists the first variable of each. */
  settings: SettingsSpec;
}

/** A class of resources the registry makes: `new (name, args, opts)`. */
type ResourceClass<A, R> = new (name: string, args: A, opts?: pulumi.CustomResourceOptions) => R;

/** A cloud's registry entry from its spec. */
export function defineCloud<
  Name extends string,
  Declaration extends Steering,
  Inputs,
  Resource extends pulumi.CustomResource,
>(spec: CloudSpec<Name, Declaration, Inputs>): CloudEntry<Name, Declaration, Inputs, Resource> {
  const { inputsOf, final, settings, ...rest } = spec;
  // Each cloud's folder is named after it, beside this one (provider/<name>/, dist/<name>/).
  const load = (module: CloudModule): unknown => require(`../${spec.name}/${module}`);
  const entry = { ...rest, declarationSchema: withFinalRules(rest.declarationSchema) };
  const modules = {
    resource: () => (load("resource") as { RedisBackup: ResourceClass<Inputs, Resource> }).RedisBackup,
    finalResource: () =>
      (load("finalBackup") as { FinalBackup: ResourceClass<object, Resource> }).FinalBackup,
    lifecycle: () => load("operations") as Lifecycle<object, Record<string, unknown>>,
    finalLifecycle: () => load("finalOperations") as FinalBackupLifecycle<Record<string, unknown>>,
    download: () => (load("download") as { downloadUrlsSpec: DownloadUrlsSpec<object> }).downloadUrlsSpec,
  };
  const toInputs = (d: Declaration): Inputs =>
    (d.final
      ? stripUndefined({ ...inputsOf(d), skip: d.skip, waitTimeoutMinutes: d.waitTimeoutMinutes })
      : stripUndefined({
          ...inputsOf(d),
          backupId: d.backupId,
          keepExpired: d.keepExpired,
          waitTimeoutMinutes: d.waitTimeoutMinutes,
          triggers: d.triggers,
        })) as Inputs;
  // The fields it takes are its schema's, in their order, but for those only other clouds take.
  const fields = Object.entries(entry.declarationSchema.shape)
    .filter(([, field]) => !(field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodNever))
    .map(([name]) => name);
  return {
    ...entry,
    fields,
    toInputs,
    environment: {
      label: settings.label,
      variables: [
        settings.credentials.id,
        settings.credentials.secret,
        settings.region,
        settings.endpoint,
      ].map((s) => s.env[0]),
    },
    configKeys: settingKeysOf(settings),
    declare: (name, d, opts) =>
      d.final
        ? new (modules.finalResource())(name, toInputs(d) as object, opts)
        : new (modules.resource())(name, toInputs(d), opts),
    read: (id, recorded, deps) => modules.lifecycle().read(id, recorded, deps),
    lifecycle: modules.lifecycle,
    findMade: (pending, context) => (load("recover") as { findMade: FindMade }).findMade(pending, context),
    final: { ...final, lifecycle: modules.finalLifecycle },
    inputsSchemaOf: (d) => (d.final ? final.inputsSchema : entry.inputsSchema),
    downloadUrls: (t, deps) => {
      const spec = modules.download();
      return fetchDownloadUrls(spec, spec.argsOf(t), deps);
    },
  };
}

/** What a FinalBackup cannot take, and what only a FinalBackup takes, each said at its field. */
const NOT_FINAL: Record<string, string> = {
  backupId: "a final backup is taken when the instance goes; it adopts none: remove backupId or final",
  keepExpired:
    "a final backup is not tracked once taken, so it never expires in the stack: remove keepExpired",
  triggers:
    "a final backup is taken once, when the instance goes; triggers are for backups taken now: remove them",
};

/** The declaration schema with the rules of `final` and `skip` (a strict object still, for the union). */
function withFinalRules<S extends z.ZodObject>(schema: S): S {
  return schema.superRefine((d: Record<string, unknown>, ctx) => {
    if (d.final === true) {
      for (const [field, message] of Object.entries(NOT_FINAL)) {
        if (d[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message });
      }
    } else if (d.skip !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["skip"],
        message:
          "skip is for final backups: it says their deletion takes none; add final: true or remove skip",
      });
    }
  }) as S;
}
