/**
 * The worst day, against the emulator: a skewed clock, slow answers, 200 backups at once under
 * the vendor's rate limit, and credentials that must not leak through any error path.
 */
import { DEMO_INSTANCE_IDS } from "../../emulator";
import * as ops from "../../provider/tencentcloud/operations";
import { useEmulator } from "../helpers/emulator";
import { expectSlowAnswerRetried } from "../helpers/faultChecks";
import { emulatorDeps, pointTencentAt } from "../helpers/cloudEnv";

const CANARY = {
  secretId: "AKIDCANARYFAULTS00000000000000000000001",
  secretKey: "canary-faults-secret-Xy7q",
};
const handle = useEmulator({ taskSeconds: 20, credentials: [CANARY], rateLimitPerSecond: 100 });
const [orders] = DEMO_INSTANCE_IDS;
const admin = () => handle.emulator.admin;

beforeEach(() => {
  pointTencentAt(handle.emulator, CANARY);
  process.env.TENCENTCLOUD_RATE_LIMIT_PER_SECOND = "100";
  delete process.env.TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS;
  admin().clearFaults();
  admin().setClockSkew(0);
});

it("with the local clock 10 minutes off, calls still succeed (corrected from the server's Date)", async () => {
  admin().setClockSkew(600);
  const before = admin().stats().authFailures;
  const { outs } = await ops.create({ instanceId: orders }, emulatorDeps(handle.emulator));
  expect(outs.status).toBe("available");
  // One refusal taught the client the server's time; no further ones.
  expect(admin().stats().authFailures - before).toBe(1);
  await ops.read(`${orders}:${outs.backupId}`, outs, emulatorDeps(handle.emulator));
  expect(admin().stats().authFailures - before).toBe(1);
});

it("every HTTP call has a timeout: a slow answer is abandoned and the read retried", async () => {
  const { id, outs } = await ops.create({ instanceId: orders }, emulatorDeps(handle.emulator));
  process.env.TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS = "0.3";
  // A refresh reads the instance's listing.
  await expectSlowAnswerRetried(
    handle.emulator,
    "DescribeInstanceBackups",
    (deps) => ops.read(id, outs, deps),
    emulatorDeps(handle.emulator),
  );
});

it("a program with 200 backups completes with no RequestLimitExceeded, the limiter keeping under the limit", async () => {
  for (let i = 0; i < 20; i++) admin().addInstance({ instanceId: `crs-fleet${String(i).padStart(3, "0")}` });
  const before = admin().stats().rateLimited;
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      ops.create(
        { instanceId: `crs-fleet${String(i % 20).padStart(3, "0")}`, remark: `fleet ${i}` },
        emulatorDeps(handle.emulator),
      ),
    ),
  );
  expect(new Set(results.map((r) => r.outs.backupId)).size).toBe(200);
  expect(admin().stats().rateLimited - before).toBe(0);
});

describe("credentials never appear in errors or logs", () => {
  const leaks = (text: string) =>
    [CANARY.secretKey, /Signature=[0-9a-f]{64}/].filter((c) =>
      typeof c === "string" ? text.includes(c) : c.test(text),
    );

  it.each([
    ["a dropped connection", { kind: "drop" as const }],
    ["a timeout", { kind: "delay" as const, ms: 1_500 }],
    ["a gateway 502", { kind: "http" as const, status: 502, body: "<html>bad gateway</html>" }],
  ])("%s (axios errors carry the request headers)", async (_name, fault) => {
    process.env.TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS = "0.3";
    admin().injectFault("DescribeBackupDetail", fault, { times: 10 });
    const deps = emulatorDeps(handle.emulator);
    const err = (await ops
      .read(`${orders}:x`, { instanceId: orders } as never, deps)
      .catch((e) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/^reading Redis backup x of crs-demo0001: DescribeBackupDetail: /);
    const everything = [
      err.message,
      err.stack ?? "",
      JSON.stringify(err),
      String(err.cause ?? ""),
      ...deps.logs,
      ...deps.retries,
    ].join("\n");
    expect(leaks(everything)).toEqual([]);
  });

  it("a wrong key", async () => {
    process.env.TENCENTCLOUD_SECRET_KEY = "canary-wrong-key-Qq1z";
    const deps = emulatorDeps(handle.emulator);
    const err = (await ops.create({ instanceId: orders }, deps).catch((e) => e)) as Error;
    expect(err.message).toMatch(/ManualBackupInstance: AuthFailure\.SignatureFailure: .* \(RequestId /);
    expect([err.message, ...deps.logs].join("\n")).not.toContain("canary-wrong-key-Qq1z");
  });

  it("missing credentials name what to set, not what was found", async () => {
    delete process.env.TENCENTCLOUD_SECRET_ID;
    const err = (await ops
      .create({ instanceId: orders }, emulatorDeps(handle.emulator))
      .catch((e) => e)) as Error;
    expect(err.message).toMatch(/credentials are missing: set TENCENTCLOUD_SECRET_ID/);
    expect(err.message).not.toContain(CANARY.secretKey);
  });
});
