import {
  formatZonelessTime,
  parseZonelessTime,
  toIsoWithOffset,
  zonelessToIso,
} from "../../provider/core/zonelessTime";

it("reads Tencent's zoneless times as UTC+8 and writes ISO 8601 with the offset", () => {
  expect(zonelessToIso("2022-12-19 19:41:42", "+08:00")).toBe("2022-12-19T19:41:42+08:00");
  expect(parseZonelessTime("2022-12-19 19:41:42", "+08:00")).toBe(Date.UTC(2022, 11, 19, 11, 41, 42));
  expect(toIsoWithOffset(Date.UTC(2022, 11, 19, 11, 41, 42), "+00:00")).toBe("2022-12-19T11:41:42Z");
});

it("round-trips across a date boundary and a negative offset", () => {
  const ms = Date.UTC(2026, 0, 1, 2, 30, 0);
  expect(formatZonelessTime(ms, "+08:00")).toBe("2026-01-01 10:30:00");
  expect(formatZonelessTime(ms, "-05:00")).toBe("2025-12-31 21:30:00");
  expect(parseZonelessTime("2025-12-31 21:30:00", "-05:00")).toBe(ms);
});

it("rejects what is not a zoneless time, and bad offsets", () => {
  expect(zonelessToIso("", "+08:00")).toBeUndefined();
  expect(zonelessToIso("2022-12-19T19:41:42Z", "+08:00")).toBeUndefined();
  expect(() => formatZonelessTime(0, "UTC+8")).toThrow(/invalid UTC offset/);
});
