/** Jest projects, one per kind of test. See README "Tests". */
const transform = { '^.+\\.(ts|tsx)$': '<rootDir>/tests/esbuild-transform.cjs' };
const base = {
  rootDir: __dirname,
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  // Tests wait for conditions, never for time: the bound only ends a hung test. Jest's 5 s default
  // failed property tests and the emulator's contention tests on a busy 2-core machine.
  testTimeout: 60_000,
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'contract', testEnvironment: 'node', testMatch: ['<rootDir>/tests/contract/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/buildFunctions.global.ts',
    },
    { ...base, displayName: 'miniprogram', testEnvironment: 'jsdom', testMatch: ['<rootDir>/tests/miniprogram/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
