/**
 * The provider's runtime stays on @pulumi/pulumi, zod and axios: what a dynamic provider loads
 * (each cloud's operations) and what a program importing the package loads never pull in the YAML
 * parser or the CLI's argument parser; only declareBackups and the CLI do. Checked on the build.
 */
import { execFileSync } from "child_process";
import { resolve } from "path";

const root = resolve(__dirname, "../..");
const loadedAfter = (script: string): string[] =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        "-e",
        `${script}; console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](yaml|commander)[\\\\/]/.test(k)).map((k) => k.match(/node_modules[\\\\/](yaml|commander)/)[1])))`,
      ],
      { cwd: root, encoding: "utf8" },
    ),
  );

it("loads neither yaml nor commander on the provider path", () => {
  for (const cloud of ["tencentcloud", "alicloud", "ucloud"]) {
    expect(loadedAfter(`require("./dist/provider/${cloud}/operations")`)).toEqual([]);
  }
  expect(loadedAfter(`require("./dist/provider")`)).toEqual([]);
});

it("loads yaml, not commander, when a program declares backups", () => {
  const declared = loadedAfter(
    `const p = require("./dist/provider"); try { p.declareBackups("/nonexistent.yaml") } catch {}`,
  );
  expect([...new Set(declared)]).toEqual(["yaml"]);
});
