/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // In-process tests load the provider's runtime modules from source; the spawned
  // dynamic-provider host loads the same package name from dist/ (npm test builds first).
  moduleNameMapper: {
    "^pulumi-redis-backup$": "<rootDir>/provider/index.ts",
    "^pulumi-redis-backup/internal/(.*)$": "<rootDir>/provider/$1",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testTimeout: 60000,
  // Whether the engine suite (test/engine, the real Pulumi CLI) runs, said once.
  globalSetup: "<rootDir>/test/engine/harness/globalSetup.ts",
  coverageProvider: "v8",
  reporters: ["default", "<rootDir>/test/helpers/summaryReporter.js"],
};
