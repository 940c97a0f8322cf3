// Nest 12 ships ESM only, so Jest runs in its native ESM mode (npm test passes --experimental-vm-modules).
// A few CommonJS packages (fastify's static files, light-my-request) require ESM-only packages;
// Jest on Node 20 cannot require ESM, so those few are compiled to CommonJS for it.
const ESM_REQUIRED_FROM_CJS = ['content-disposition', 'cookie'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    [`/node_modules/(${ESM_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: ['ts-jest', { useESM: true, tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_REQUIRED_FROM_CJS.join('|')})/)`],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
