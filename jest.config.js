const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } },
  ],
}

const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.cache/", "<rootDir>/integration-tests/package/host/"],
}

module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s", "<rootDir>/integration-tests/unit/**/*.spec.[jt]s"],
    },
    {
      ...common,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
      setupFilesAfterEnv: ["<rootDir>/integration-tests/reset-cache.js"],
    },
    // The browser tests: one app per run for all their files (globalSetup), which run one at a time
    // (--runInBand, see scripts/test.mjs), each with its own Chromium.
    {
      ...common,
      displayName: "browser",
      testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.ts"],
      globalSetup: "<rootDir>/integration-tests/browser/global-setup.mjs",
      globalTeardown: "<rootDir>/integration-tests/browser/global-teardown.mjs",
      setupFilesAfterEnv: ["<rootDir>/integration-tests/browser-timeout.js"],
    },
    {
      ...common,
      displayName: "storefront",
      testMatch: ["<rootDir>/integration-tests/storefront/**/*.spec.ts"],
      globalSetup: "<rootDir>/integration-tests/storefront/global-setup.mjs",
      globalTeardown: "<rootDir>/integration-tests/storefront/global-teardown.mjs",
      setupFilesAfterEnv: ["<rootDir>/integration-tests/browser-timeout.js"],
    },
  ],
}
