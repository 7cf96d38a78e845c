/** Which proxy a request takes: the cloud's setting, else HTTPS_PROXY / HTTP_PROXY, less NO_PROXY and loopback. */
import { exemptByNoProxy, proxyForUrl } from "../../provider/core/proxyEnv";

const TENCENT = "https://redis.tencentcloudapi.com/";

describe("proxyForUrl", () => {
  it("takes HTTPS_PROXY (or https_proxy) for https:// and HTTP_PROXY (or http_proxy) for http://", () => {
    expect(proxyForUrl(TENCENT, undefined, { HTTPS_PROXY: "http://proxy.corp:3128" })).toBe(
      "http://proxy.corp:3128",
    );
    expect(proxyForUrl(TENCENT, undefined, { https_proxy: "http://lower:3128" })).toBe("http://lower:3128");
    expect(
      proxyForUrl(TENCENT, undefined, { HTTPS_PROXY: "http://upper:1", https_proxy: "http://lower:2" }),
    ).toBe("http://upper:1");
    expect(proxyForUrl(TENCENT, undefined, { HTTP_PROXY: "http://plain:3128" })).toBeUndefined();
    expect(
      proxyForUrl("http://redis.tencentcloudapi.com/", undefined, { http_proxy: "http://plain:3128" }),
    ).toBe("http://plain:3128");
    expect(proxyForUrl(TENCENT, undefined, {})).toBeUndefined();
  });

  it("reads a proxy without a scheme as an HTTP proxy", () => {
    expect(proxyForUrl(TENCENT, undefined, { HTTPS_PROXY: "proxy.corp:3128" })).toBe(
      "http://proxy.corp:3128",
    );
  });

  it("lets the cloud's own proxy setting win, and never proxies loopback from the environment", () => {
    expect(proxyForUrl(TENCENT, "http://configured:1", { HTTPS_PROXY: "http://env:2" })).toBe(
      "http://configured:1",
    );
    expect(proxyForUrl("http://127.0.0.1:8787/", undefined, { HTTP_PROXY: "http://env:2" })).toBeUndefined();
    expect(
      proxyForUrl("http://localhost:8787/ucloud", undefined, { HTTP_PROXY: "http://env:2" }),
    ).toBeUndefined();
  });

  it("skips hosts NO_PROXY (or no_proxy) names", () => {
    const env = { HTTPS_PROXY: "http://proxy.corp:3128", NO_PROXY: "internal.example, .tencentcloudapi.com" };
    expect(proxyForUrl(TENCENT, undefined, env)).toBeUndefined();
    expect(proxyForUrl("https://api.ucloud.cn/", undefined, env)).toBe("http://proxy.corp:3128");
    expect(proxyForUrl(TENCENT, undefined, { HTTPS_PROXY: "http://p:1", no_proxy: "*" })).toBeUndefined();
  });
});

describe("exemptByNoProxy", () => {
  const url = new URL("https://r-kvstore.cn-shanghai.aliyuncs.com/");
  it.each([
    ["aliyuncs.com", true],
    [".aliyuncs.com", true],
    ["*.aliyuncs.com", true],
    ["r-kvstore.cn-shanghai.aliyuncs.com:443", true],
    ["r-kvstore.cn-shanghai.aliyuncs.com:8443", false],
    ["yuncs.com", false],
    ["tencentcloudapi.com", false],
    ["", false],
  ])("NO_PROXY=%j exempts r-kvstore.cn-shanghai.aliyuncs.com: %s", (entry, exempt) => {
    expect(exemptByNoProxy(url, entry)).toBe(exempt);
  });
});
