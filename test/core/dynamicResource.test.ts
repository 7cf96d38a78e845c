/**
 * The `__provider` every resource writes (core/dynamicResource.ts): two lines, loaded the way the
 * dynamic-provider host loads them (`requireFromString(text).handler()`, @pulumi/pulumi's
 * cmd/dynamic-provider), giving the provider whose methods run the named lifecycle module.
 */
import { lazyProviderText } from "../../provider/core/dynamicResource";

/** What require-from-string gives: the module's exports. */
type ProviderModule = { handler(): Record<string, unknown> };
// The host's own loader (a dependency of @pulumi/pulumi), so the text is read exactly as the host reads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString = require("require-from-string") as (code: string) => ProviderModule;

it("is a module whose handler gives the seven methods the host calls", async () => {
  const text = lazyProviderText("pulumi-redis-backup/internal/tencentcloud/operations");
  expect(text.length).toBeLessThan(200);
  const provider = requireFromString(text).handler();
  expect(Object.keys(provider).sort()).toEqual(
    ["check", "configure", "create", "delete", "diff", "read", "update"].sort(),
  );
  // The methods run the installed lifecycle: its check, with its own messages, no API call.
  const check = provider.check as (olds: object, news: object) => Promise<{ failures: unknown[] }>;
  const { failures } = await check({}, { instanceId: "not-an-instance" });
  expect(failures).toEqual([{ property: "instanceId", reason: expect.stringMatching(/crs-/) }]);
});

it("names only this package's lifecycle modules", () => {
  expect(() => lazyProviderText("./operations")).toThrow(TypeError);
  expect(() => lazyProviderText('pulumi-redis-backup/internal/x"); process.exit(1); ("')).toThrow(TypeError);
});
