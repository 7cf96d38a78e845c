/**
 * The contract between the cloud-neutral HTTP server and one cloud's emulated API. The server
 * routes a request to a vendor (by the Host a proxied client asked for, or by default), reads the
 * body up to the vendor's limit, and writes whatever reply the vendor returns.
 */
import type { IncomingHttpHeaders } from "http";
import type { AdminOperation } from "./adminRoutes";
import type { EmulatorReply } from "./reply";

/** An API request as the vendor sees it: exactly what arrived. */
export interface ApiRequest {
  method: string;
  /** Path and query as requested (origin form, even for absolute-form proxy requests). */
  path: string;
  /** Header names are lowercase (node's parsing); values are as received. */
  headers: IncomingHttpHeaders;
  /** The raw body bytes, or the first `maxBodyBytes` of them when `bodyTooLarge`. */
  body: Buffer;
  bodyTooLarge: boolean;
}

/**
 * One cloud's emulated API as the server sees it: which requests
 * are its, its body limit, its admin operations and its handler.
 */
export interface VendorApi {
  /** Short name, e.g. `tencentcloud`. */
  readonly id: string;
  /** Bodies longer than this are not kept; the vendor answers its size-limit error. */
  readonly maxBodyBytes: number;
  /** True when proxied requests for this hostname (no port) belong to this vendor. */
  servesHost(hostname: string): boolean;
  /**
   * Direct requests whose path starts with this prefix (e.g. `/alicloud`) belong to this vendor;
   * the vendor sees the path with the prefix removed. This is the documented route for clients
   * pointed straight at the emulator (endpoint `http://127.0.0.1:8787/alicloud`).
   */
  readonly pathPrefix?: string;
  /** Admin operations of this vendor, served at `POST /_emulator/<id>/<op>`. */
  adminOperations?(): Readonly<Record<string, AdminOperation>>;
  handle(request: ApiRequest): Promise<EmulatorReply>;
}

/** One emulated cloud, assembled: its API for the server, its admin object for tests and users. */
export interface Vendor<Admin> {
  api: VendorApi;
  admin: Admin;
}

/** A vendor's actions by their Action name, as its API looks them up. */
export function actionsByName<A extends { name: string }>(actions: readonly A[]): ReadonlyMap<string, A> {
  return new Map(actions.map((a) => [a.name, a]));
}

/** What every vendor's options say of its key pairs, alike for each (Tencent's at the top level). */
export interface VendorKeyOptions<Credential> {
  /**
   * Key pairs accepted (at least one, or `startEmulator` throws a TypeError); default the vendor's
   * one emulator-only pair, its `DEFAULT_<CLOUD>_CREDENTIALS`.
   */
  credentials?: readonly Credential[];
}

/** The key pairs a vendor accepts, already parsed; a TypeError names `option` when there is none. */
export function acceptedCredentials<C>(option: string, parsed: C[]): C[] {
  if (parsed.length === 0) throw new TypeError(`${option}: at least one key pair is needed`);
  return parsed;
}
