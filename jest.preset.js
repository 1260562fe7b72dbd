// Shared jest settings for every package. Tests run the TypeScript sources of the workspace libs
// directly (export condition "@helpdesk/source"), so no build is needed before a test run.
const path = require('node:path');
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

// NestJS 12 ships ES modules only and jest cannot require() them, so these packages are
// compiled to CommonJS by swc like our own sources.
const ESM_ONLY = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', '@borewit'];

module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@helpdesk/source', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    '^.+\\.js$': ['@swc/jest', { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: [path.join(__dirname, 'jest.setup.js')],
  testTimeout: 30_000,
};
