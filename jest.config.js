// Test projects: `unit` (pure logic), `integration` (real sockets: zeebe-node over gRPC, mongoose over the
// wire, HTTP), `e2e` (Chromium). See tests/support/esm-aware-transform.cjs for how ESM-only packages load.
const transform = { '^.+\\.(t|j|mj|cj)sx?$': '<rootDir>/tests/support/esm-aware-transform.cjs' };

const common = {
  transform,
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/**/*.unit.test.ts?(x)'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.int.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      // One Vite build of the web app for all browser suites of a run (tests/e2e/web-app-build.ts).
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-timeout.ts'],
    },
  ],
};
