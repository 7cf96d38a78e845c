/**
 * Which proxy, if any, a request goes through: the cloud's own `proxy` setting when set, else the
 * standard variables every HTTP tool honours — `HTTPS_PROXY` / `https_proxy` for https:// URLs,
 * `HTTP_PROXY` / `http_proxy` for http:// ones — unless `NO_PROXY` / `no_proxy` names the host.
 * Loopback hosts (the emulator) never go through a proxy taken from the environment.
 */

/** The variables, read at call time (never captured: they are the environment of the run). */
export type ProxyEnvironment = Record<string, string | undefined>;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The first set variable of `names`, upper case first (as curl and most SDKs read them). */
function firstSet(env: ProxyEnvironment, names: string[]): string | undefined {
  for (const n of names) {
    const v = env[n]?.trim();
    if (v) return v;
  }
  return undefined;
}

/**
 * Whether `NO_PROXY` exempts `url`: `*`, or a comma/space-separated list of hosts, each matching
 * itself and its subdomains (`example.com` and `.example.com` both match `api.example.com`), with
 * an optional `:port` that must then match too.
 */
export function exemptByNoProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!m) continue;
    const name = m[1].replace(/^\[|\]$/g, "").replace(/^\*?\./, "");
    if (m[2] && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * The proxy URL for `url`: `configured` (the cloud's `proxy` setting) when set, else the
 * environment's, unless NO_PROXY exempts the host or the host is loopback. Undefined: dial directly.
 */
export function proxyForUrl(
  url: string,
  configured: string | undefined,
  env: ProxyEnvironment,
): string | undefined {
  if (configured) return configured;
  const target = new URL(url);
  if (LOOPBACK.has(target.hostname.toLowerCase())) return undefined;
  const proxy =
    target.protocol === "https:"
      ? firstSet(env, ["HTTPS_PROXY", "https_proxy"])
      : firstSet(env, ["HTTP_PROXY", "http_proxy"]);
  if (!proxy) return undefined;
  if (exemptByNoProxy(target, firstSet(env, ["NO_PROXY", "no_proxy"]))) return undefined;
  // `HTTPS_PROXY=proxy.corp:3128` (no scheme) is common; it means an HTTP proxy.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
