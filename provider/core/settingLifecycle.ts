/**
 * The lifecycle of a setting a cloud keeps once per location (Tencent's backup download
 * restriction, one per region), as a resource: create and update write it whole, a refresh reads
 * what the cloud has now (so a change made in the console shows as drift and the next `up` puts
 * the program's values back in place), and a delete leaves the cloud's setting as it is and says
 * so — deleting a restriction from code must never open downloads to everyone.
 *
 * It is not core/lifecycle.ts's defineLifecycle: that skeleton is a backup's (taken once, waited
 * for, found by a marker, expiring, replaced when its identity changes); a setting is none of it.
 */
import type { LifecycleModule } from "./lifecycleModule";
import type { z } from "zod";
import { checkInputs } from "./check";
import { OperationDeps, defaultDeps } from "./deps";
import { ConfigurationError, withContext } from "./errors";
import { setStackConfig } from "./settings";
import { stripUndefined } from "./stripUndefined";
import { isUnknown } from "./unknown";

/** One cloud's setting: how it is written and read. `I` inputs, `O` outputs, `C` a connection. */
export interface SettingAdapter<I extends object, O extends I, C> {
  schema: z.ZodObject & z.ZodType<I>;
  /** Names the setting in messages, e.g. `backup download restriction`. */
  what: string;
  /** Inputs whose change names another setting (another location): replaced. */
  replaceOnChange: readonly (keyof I & string)[];
  /** Inputs written to the cloud: updated in place. */
  settingKeys: readonly (keyof I & string)[];
  /** The same value as the cloud compares it (a list in any order, a default spelled out). */
  comparable(key: keyof I & string, value: unknown): unknown;
  /** The location the id names, from the inputs (resolved now: a default region). */
  locate(inputs: I): string;
  connect(deps: OperationDeps, location: string): C;
  write(c: C, inputs: I): Promise<void>;
  /** The setting as the cloud has it now, as outputs (`inputs` gives what only the program knows). */
  read(c: C, inputs: I): Promise<O>;
  /** The inputs recorded outputs imply (a refresh hands them back). */
  inputsOf(outs: O): I;
  /** Warned when the resource is deleted: what stays at the cloud. */
  stays(location: string, outs: O): string;
}

/** What the setting's module exports: the functions its dynamic provider calls. */
export type SettingLifecycle<I, O> = LifecycleModule<I, O>;

/** The lifecycle of one cloud's setting, from its adapter. */
export function defineSettingLifecycle<I extends object, O extends I, C>(
  a: SettingAdapter<I, O, C>,
): SettingLifecycle<I, O> {
  /** Keys whose values differ as the cloud compares them (an unknown value counts as different). */
  const changed = (keys: readonly (keyof I & string)[], olds: object, news: object) => {
    const as = (r: object, k: keyof I & string) =>
      JSON.stringify(a.comparable(k, (r as Record<string, unknown>)[k]) ?? null);
    return keys.filter((k) => isUnknown((news as Record<string, unknown>)[k]) || as(olds, k) !== as(news, k));
  };
  const writeAndRead = async (location: string, inputs: I, deps: OperationDeps): Promise<O> => {
    const c = a.connect(deps, location);
    await a.write(c, inputs);
    return stripUndefined(await a.read(c, inputs));
  };
  return {
    configure: (config) => setStackConfig(config),
    check: (_olds, news) => checkInputs(a.schema, news),
    diff(_id, olds, news) {
      const replaces = changed(a.replaceOnChange, olds, news);
      const inPlace = changed(a.settingKeys, olds, news);
      return { changes: replaces.length + inPlace.length > 0, replaces, deleteBeforeReplace: false };
    },
    async create(inputs, overrides = {}) {
      const deps = defaultDeps(overrides);
      let location = "";
      try {
        location = a.locate(inputs);
        const outs = await writeAndRead(location, inputs, deps);
        deps.reporter.info(`${a.what} of ${location} set`);
        return { id: location, outs };
      } catch (e) {
        throw withContext(`setting the ${a.what}${location ? ` of ${location}` : ""}`, e);
      }
    },
    async read(id, props, overrides = {}) {
      try {
        if (!props) throw new ConfigurationError("nothing was recorded for it; run `pulumi up` first");
        const inputs = a.inputsOf(props);
        const outs = stripUndefined(await a.read(a.connect(defaultDeps(overrides), id), inputs));
        return { id, props: outs, inputs: a.inputsOf(outs) };
      } catch (e) {
        throw withContext(`reading the ${a.what} of ${id}`, e);
      }
    },
    async update(id, _olds, news, overrides = {}) {
      try {
        return { outs: await writeAndRead(id, news, defaultDeps(overrides)) };
      } catch (e) {
        throw withContext(`updating the ${a.what} of ${id}`, e);
      }
    },
    async remove(id, props, overrides = {}) {
      defaultDeps(overrides).reporter.warn(a.stays(id, props));
    },
  };
}
