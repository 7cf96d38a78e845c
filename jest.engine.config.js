/**
 * `npm run test:engine`: the engine suite, test/engine — each test program run as a real Pulumi
 * project under the real CLI (`pulumi up / preview / refresh / destroy`) against the emulator.
 * CI runs it after `npm test`; under CI=true a missing CLI fails it rather than skip it.
 * @type {import('jest').Config}
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/engine"],
  testPathIgnorePatterns: ["/node_modules/"],
  // In file order: each file tells one stack's story (up, then refresh, then destroy).
  randomize: false,
  // Whether the engine suite runs, and under which CLI, said once before any test.
  globalSetup: "<rootDir>/test/engine/harness/globalSetup.ts",
};
