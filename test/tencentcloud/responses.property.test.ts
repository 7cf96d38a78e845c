/**
 * Hostile responses: whatever comes back — not JSON, truncated, wrong types, missing fields,
 * huge, odd statuses — the client either returns a value its schema vouches for, or fails with
 * one of our errors naming the action. Never undefined, never a TypeError, never partial garbage.
 */
import fc from "fast-check";
import { RedisBackupError, ResponseValidationError, TransportError } from "../../provider/core/errors";
import { RateLimiter } from "../../provider/core/rateLimiter";
import { describeBackupDetail } from "../../provider/tencentcloud/api";
import { TencentClient } from "../../provider/tencentcloud/client";
import { describeBackupDetailExample } from "../fixtures/tencentcloud/seed-examples";
import { fakeClock } from "../helpers/fakeClock";
import { startHostileServer } from "../helpers/hostileServer";

let server: Awaited<ReturnType<typeof startHostileServer>>;
beforeAll(async () => (server = await startHostileServer()));
afterAll(() => server.close());

function client() {
  const t = fakeClock();
  return new TencentClient(
    {
      secretId: "AKIDtest",
      secretKey: "test-secret-key",
      region: "ap-guangzhou",
      endpoint: server.url,
      timezone: "+08:00",
      requestTimeoutMs: 5_000,
      rateLimitPerSecond: 0,
    },
    { clock: t.clock, sleep: t.sleep, random: () => 0.5, limiter: new RateLimiter(0, 1000) },
  );
}

const valid = describeBackupDetailExample.Response;

/** Runs DescribeBackupDetail against a scripted answer and classifies the outcome. */
async function outcome(status: number, body: string) {
  server.answer({ status, body });
  try {
    return { ok: await describeBackupDetail(client(), "crs-a", "b-1") };
  } catch (e) {
    return { err: e as Error };
  }
}

function expectWellFormed(r: { ok?: unknown; err?: Error }) {
  if (r.err) {
    expect(r.err).toBeInstanceOf(RedisBackupError);
    expect(r.err.message).toMatch(/^DescribeBackupDetail: /);
  } else {
    expect(r.ok).toEqual(
      expect.objectContaining({ BackupId: expect.any(String), Status: expect.any(Number) }),
    );
    expect(Object.values(r.ok as object)).not.toContain(undefined);
  }
}

it("any body text at HTTP 200", async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 300 }), async (body) =>
      expectWellFormed(await outcome(200, body)),
    ),
    { numRuns: 150 },
  );
});

it("any JSON value, bare or inside Response", async () => {
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (v, wrap) =>
      expectWellFormed(await outcome(200, JSON.stringify(wrap ? { Response: v } : v))),
    ),
    { numRuns: 150 },
  );
});

it("a valid answer truncated anywhere is refused as not JSON", async () => {
  const full = JSON.stringify({ Response: valid });
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: full.length - 1 }), async (cut) => {
      const r = await outcome(200, full.slice(0, cut));
      expect(r.err).toBeInstanceOf(ResponseValidationError);
      expect(r.err!.message).toMatch(
        /^DescribeBackupDetail: unexpected response: (body is not JSON|missing)/,
      );
    }),
    { numRuns: 60 },
  );
});

it("one field of a valid answer given a value of another type or removed", async () => {
  const fields = Object.keys(valid).filter((k) => k !== "RequestId");
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...fields),
      fc.oneof(fc.constant(undefined), fc.boolean(), fc.object(), fc.array(fc.integer()), fc.string()),
      async (field, value) => {
        const r = await outcome(200, JSON.stringify({ Response: { ...valid, [field]: value } }));
        expectWellFormed(r);
        if (r.err) expect(r.err.message).toContain(field);
      },
    ),
    { numRuns: 120 },
  );
});

it("unexpected HTTP statuses: one of our errors, retried only when the server side failed", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 201, max: 599 }).filter((s) => s !== 204 && s !== 304),
      fc.oneof(fc.constant("<html>Bad Gateway</html>"), fc.constant(""), fc.string({ maxLength: 50 })),
      async (status, body) => {
        const before = server.requests;
        const r = await outcome(status, body);
        expectWellFormed(r);
        const attempts = server.requests - before;
        if (r.err instanceof TransportError && status >= 500) expect(attempts).toBeGreaterThan(1);
      },
    ),
    { numRuns: 60 },
  );
});

it("a huge body is refused, not buffered", async () => {
  const r = await outcome(
    200,
    JSON.stringify({ Response: { ...valid, Remark: "x".repeat(11 * 1024 * 1024) } }),
  );
  expect(r.err).toBeInstanceOf(TransportError);
  expect(r.err!.message).toMatch(/^DescribeBackupDetail: response larger than the allowed size/);
});
