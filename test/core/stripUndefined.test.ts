import { definedOver, stripUndefined } from "../../provider/core/stripUndefined";

const spreadThenStrip = (base: object, fields: object) => stripUndefined({ ...base, ...fields });

it("stripUndefined drops the keys whose value is undefined and keeps the rest in order (null, 0, '' and false included)", () => {
  const stripped = stripUndefined({ a: 1, b: undefined, c: null, d: 0, e: "", f: false, g: undefined });
  expect(Object.keys(stripped)).toEqual(["a", "c", "d", "e", "f"]);
  expect(stripped).toEqual({ a: 1, c: null, d: 0, e: "", f: false });
});

describe("definedOver gives what a spread into a literal and a strip give, key order included", () => {
  const cases: [string, object, object][] = [
    ["disjoint keys", { instanceId: "crs-1", remark: undefined }, { backupId: "b1", status: "available" }],
    ["a field wins over the base", { instanceId: "crs-1", backupId: "adopted" }, { backupId: "b2" }],
    [
      "a field set to undefined removes the base's key",
      { instanceId: "crs-1", region: "ap-1" },
      { region: undefined },
    ],
    [
      "an undefined field the base lacks adds nothing",
      { instanceId: "crs-1" },
      { expireTime: undefined, sizeBytes: 0 },
    ],
    ["empty sides", {}, {}],
  ];
  it.each(cases)("%s", (_name, base, fields) => {
    const built = definedOver(base, fields);
    expect(built).toEqual(spreadThenStrip(base, fields));
    expect(Object.keys(built)).toEqual(Object.keys(spreadThenStrip(base, fields)));
  });

  it("leaves both arguments as they were", () => {
    const base = { a: 1, b: undefined };
    const fields = { a: undefined, c: 3 };
    definedOver(base, fields);
    expect(base).toEqual({ a: 1, b: undefined });
    expect(fields).toEqual({ a: undefined, c: 3 });
  });
});
