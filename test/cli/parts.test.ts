/** The pieces of `drift` a user meets directly: durations, the state export, the verdict rules. */
import { verdictOf } from "../../cli/drift";
import { formatSpan, parseDuration } from "../../cli/duration";
import { parseStateExport } from "../../cli/state";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe("--expiring-within", () => {
  it("takes days, hours and minutes", () => {
    expect(parseDuration("7d")).toBe(7 * DAY);
    expect(parseDuration("36h")).toBe(36 * HOUR);
    expect(parseDuration("90m")).toBe(90 * 60_000);
    expect(parseDuration("1d12h")).toBe(36 * HOUR);
  });

  it("refuses anything else, saying how to write it", () => {
    for (const bad of ["", "7", "7 days", "1w", "-1d", "d"]) {
      expect(() => parseDuration(bad)).toThrow(/is not a duration: write it like 7d, 36h, 90m or 1d12h/);
    }
  });
});

describe("expires in", () => {
  it("reads like a person would say it, down to the minute", () => {
    expect(formatSpan(24 * DAY + 23 * HOUR + 59 * 60_000)).toBe("24d 23h");
    expect(formatSpan(3 * DAY)).toBe("3d");
    expect(formatSpan(5 * HOUR + 12 * 60_000 + 59_000)).toBe("5h 12m");
    expect(formatSpan(40 * 60_000)).toBe("40m");
    expect(formatSpan(-(2 * DAY + 3 * HOUR))).toBe("2d 3h ago");
  });
});

describe("the state export", () => {
  const backup = (urn: string, type: string, extra: object = {}) => ({
    urn,
    type,
    id: "crs-1:b-1",
    outputs: { status: "available", backupId: "b-1" },
    ...extra,
  });

  it("yields the RedisBackups of every cloud, by resource name, and nothing else", () => {
    const text = JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack" },
          backup(
            "urn:pulumi:dev::p::pulumi-nodejs:dynamic/tencentcloud:RedisBackup::orders",
            "pulumi-nodejs:dynamic/tencentcloud:RedisBackup",
          ),
          backup(
            "urn:pulumi:dev::p::shop:Backups$pulumi-nodejs:dynamic/ucloud:RedisBackup::profiles",
            "pulumi-nodejs:dynamic/ucloud:RedisBackup",
          ),
          // Left over from a replacement, waiting to be deleted: not the backup of record.
          backup(
            "urn:pulumi:dev::p::pulumi-nodejs:dynamic/alicloud:RedisBackup::carts",
            "pulumi-nodejs:dynamic/alicloud:RedisBackup",
            { delete: true },
          ),
          backup(
            "urn:pulumi:dev::p::pulumi-nodejs:dynamic:Resource::other",
            "pulumi-nodejs:dynamic:Resource",
          ),
        ],
      },
    });
    expect(parseStateExport(text, "state.json").map((b) => [b.name, b.cloud, b.id])).toEqual([
      ["orders", "tencentcloud", "crs-1:b-1"],
      ["profiles", "ucloud", "crs-1:b-1"],
    ]);
  });

  it("accepts a stack that was never deployed", () => {
    expect(parseStateExport('{"version":3,"deployment":{"manifest":{}}}', "state.json")).toEqual([]);
  });

  it("says what it expected of anything else", () => {
    expect(() => parseStateExport("nope", "state.json")).toThrow(
      /state.json is not JSON .*pulumi stack export/,
    );
    expect(() => parseStateExport('{"stack": "dev"}', "state.json")).toThrow(
      /state.json is not a Pulumi state export/,
    );
  });
});

describe("verdicts on a backup the cloud has", () => {
  const now = Date.parse("2025-06-01T00:00:00Z");
  const week = 7 * DAY;
  const at = (ms: number) => new Date(now + ms).toISOString();

  it("names the worst thing true of it", () => {
    expect(verdictOf({ status: "available", expireTime: at(30 * DAY) }, now, week)).toBe("ok");
    expect(verdictOf({ status: "available" }, now, week)).toBe("ok");
    expect(verdictOf({ status: "available", expireTime: at(6 * DAY) }, now, week)).toBe("expiring-soon");
    expect(verdictOf({ status: "available", expireTime: at(-HOUR) }, now, week)).toBe("expired");
    expect(verdictOf({ status: "expired", expireTime: at(30 * DAY) }, now, week)).toBe("expired");
    expect(verdictOf({ status: "locked", locked: true, expireTime: at(DAY) }, now, week)).toBe("locked");
    expect(verdictOf({ status: "failed" }, now, week)).toBe("failed");
  });
});
