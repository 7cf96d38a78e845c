/**
 * `npm test`: unit tests, emulator protocol tests, lifecycle tests over real HTTP and tests through
 * Pulumi's dynamic-provider host. The engine suite (test/engine, the real Pulumi CLI, minutes of
 * `pulumi up`) has its own config, jest.engine.config.js, run by `npm run test:engine` and by CI.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/engine/"],
  // In-process tests load the provider's runtime modules from source; the spawned
  // dynamic-provider host loads the same package name from dist/ (npm test builds first).
  moduleNameMapper: {
    "^pulumi-redis-backup$": "<rootDir>/provider/index.ts",
    "^pulumi-redis-backup/internal/(.*)$": "<rootDir>/provider/$1",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  testTimeout: 60000,
  // Each file's tests in a new order every run, so that none comes to depend on the ones before
  // it; the summary prints the seed, and `npm test -- --seed N` runs that order again.
  randomize: true,
  coverageProvider: "v8",
  reporters: ["default", "<rootDir>/test/helpers/summaryReporter.js"],
};
