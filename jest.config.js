// Nest 12 ships ESM only, so Jest runs in its native ESM mode (npm test passes --experimental-vm-modules).
// Jest 29, not 30: Jest 30's resolver has platform binaries the registry here does not serve, so
// `npm ci` could not install it from the lock file.
// Two CommonJS dependencies (@fastify/static, light-my-request) require ESM-only packages; Jest 29
// cannot, so those requires go through Node's own loader (test/support/node-require/).
const ESM_REQUIRED_FROM_CJS = ['content-disposition', 'cookie'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...Object.fromEntries(ESM_REQUIRED_FROM_CJS.map((p) => [`^${p}$`, `<rootDir>/test/support/node-require/${p}.cjs`])),
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
