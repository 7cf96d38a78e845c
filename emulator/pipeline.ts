/**
 * The one request pipeline every emulated vendor runs, in the order a cloud gateway works:
 *
 * 1. route: a request that is not for the API gets the vendor's plain answer (404, 405, 413);
 * 2. admit: parse, authenticate and find the action — everything the vendor checks before it
 *    counts a request against its rate limit (the vendor's errors are thrown as they are);
 * 3. rate limit, per action, refused with the vendor's own throttling error;
 * 4. checks the vendor makes after the limit (UCloud's Region);
 * 5. an injected fault, if one is armed for the action, around
 * 6. the action itself, answered in the vendor's envelope — or its error, which never escapes:
 *    with `dropAfterPerform` the action's outcome must stand even when it is an error.
 *
 * Every answer's error code and authentication failures are counted. Each vendor's `api.ts` is a
 * {@link VendorSpec}: its envelopes and the checks only it makes.
 */
import type { AdminOperation } from "./adminRoutes";
import type { EmulatorClock } from "./clock";
import { FaultInjector, runWithFault } from "./faults";
import type { BackupFiles } from "./files/store";
import type { SlidingWindowRateLimiter } from "./rateLimiter";
import type { EmulatorReply } from "./reply";
import type { StatsRecorder } from "./stats";
import { ApiRequest, Vendor, VendorApi, acceptedCredentials } from "./vendor";

/**
 * What every vendor shares: the emulator's clock, faults, limiter, stats, sleep and file server, and
 * how long a backup task takes unless a vendor's own options say otherwise.
 */
export interface SharedWorld {
  clock: EmulatorClock;
  faults: FaultInjector;
  limiter: SlidingWindowRateLimiter;
  stats: StatsRecorder;
  sleep: (ms: number) => Promise<void>;
  /** The file server the vendors' download URLs point at. */
  files: BackupFiles;
  /** Seconds a backup task takes on the world clock (`startEmulator`'s `taskSeconds`). */
  taskSeconds: number;
}

/** A request the vendor has authenticated and knows the action of. */
export interface Admitted {
  /** The action, as faults and the rate limit know it. */
  action: string;
  /** Checks the vendor makes once the request is within the rate limit; throws its errors. */
  afterRateLimit?(): void;
  /** Performs the action; returns the answer's fields, or throws the vendor's error. */
  run(): Record<string, unknown>;
}

/** A vendor's error answer, and what the stats count of it. */
export interface Failure {
  reply: EmulatorReply;
  /** The error code as the stats count it (UCloud's RetCode as a string). */
  code: string;
  authFailure: boolean;
}

/** One vendor's API, as the pipeline runs it. `Ctx` is what a request's answers need to know of it. */
export interface VendorSpec<Ctx> {
  readonly id: string;
  readonly maxBodyBytes: number;
  readonly pathPrefix?: string;
  servesHost(hostname: string): boolean;
  adminOperations?(): Readonly<Record<string, AdminOperation>>;
  /** The answer to a request that is not an API request; undefined for one that is. */
  route(request: ApiRequest): EmulatorReply | undefined;
  /** What the answers to `request` need (its host, the action it names), filled in as `admit` learns it. */
  context(request: ApiRequest): Ctx;
  /** Steps before the rate limit; `count(action)` records the request under the action it names. */
  admit(request: ApiRequest, ctx: Ctx, count: (action: string) => void): Admitted;
  /** The key the rate limit counts the action under. */
  rateLimitKey(action: string): string;
  /** The vendor's throttling error. */
  throttled(count: number, limit: number): unknown;
  /** The vendor's error for an injected `{kind: "error"}` fault. */
  injected(code: string, message: string): unknown;
  /** The answer carrying an action's fields. */
  success(ctx: Ctx, fields: Record<string, unknown>): EmulatorReply;
  /** The answer to an error (the vendor's, or any other, which is the emulator's bug). */
  failure(ctx: Ctx, e: unknown): Failure;
}

/** The vendor `spec` describes, as the server routes to it. */
export function vendorApi<Ctx>(spec: VendorSpec<Ctx>, world: SharedWorld): VendorApi {
  const fail = (ctx: Ctx, e: unknown): EmulatorReply => {
    const failure = spec.failure(ctx, e);
    world.stats.recordError(failure.code);
    if (failure.authFailure) world.stats.recordAuthFailure();
    return failure.reply;
  };
  return {
    id: spec.id,
    maxBodyBytes: spec.maxBodyBytes,
    pathPrefix: spec.pathPrefix,
    servesHost: (hostname) => spec.servesHost(hostname),
    adminOperations: spec.adminOperations && (() => spec.adminOperations!()),
    async handle(request) {
      const routed = spec.route(request);
      if (routed) return routed;
      const ctx = spec.context(request);
      try {
        const admitted = spec.admit(request, ctx, (action) => world.stats.recordRequest(action));
        const rate = world.limiter.check(spec.rateLimitKey(admitted.action));
        if (!rate.allowed) {
          world.stats.recordRateLimited();
          throw spec.throttled(rate.count, rate.limit);
        }
        admitted.afterRateLimit?.();
        return await runWithFault(
          world.faults.take(admitted.action),
          async () => {
            try {
              return spec.success(ctx, admitted.run());
            } catch (e) {
              return fail(ctx, e);
            }
          },
          (code, message) => fail(ctx, spec.injected(code, message)),
          world.sleep,
        );
      } catch (e) {
        return fail(ctx, e);
      }
    },
  };
}

/** The plain-text answer to a request that is not the API's. */
export function plainReply(status: number, body: string): EmulatorReply {
  return { kind: "raw", status, contentType: "text/plain", body };
}

/** Header values must be Latin-1; details may quote a unicode Host or remark. */
export function headerSafe(text: string, max = 1000): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, max);
}

/** The parts a vendor is made of; {@link assembleVendor} wires them alike for every vendor. */
export interface VendorParts<State, Admin, Credential, Ctx> {
  /** The option the key pairs came from (`ucloud.credentials`), named when there is none. */
  option: string;
  /** The key pairs it accepts, parsed. */
  credentials: Credential[];
  /** Its world (instances, tasks or jobs, backups), on the shared clock. */
  state: State;
  /** Its admin object (`emulator.<cloud>`), and the operations served at `POST /_emulator/<id>/<op>`. */
  admin(state: State): Admin;
  adminOperations(admin: Admin): Readonly<Record<string, AdminOperation>>;
  /** Its API, given the world, the admin object, the key pairs (read per request) and the shared clock and files. */
  api(parts: {
    state: State;
    admin: Admin;
    credentials: () => readonly Credential[];
    clock: EmulatorClock;
    files: BackupFiles;
  }): Omit<VendorSpec<Ctx>, "adminOperations">;
}

/** A vendor from its parts, on the emulator's shared clock, faults, limiter, stats and files. */
export function assembleVendor<State, Admin, Credential, Ctx>(
  parts: VendorParts<State, Admin, Credential, Ctx>,
  shared: SharedWorld,
): Vendor<Admin> {
  const credentials = acceptedCredentials(parts.option, parts.credentials);
  const admin = parts.admin(parts.state);
  const operations = parts.adminOperations(admin);
  const spec = parts.api({
    state: parts.state,
    admin,
    credentials: () => credentials,
    clock: shared.clock,
    files: shared.files,
  });
  return { api: vendorApi({ ...spec, adminOperations: () => operations }, shared), admin };
}
