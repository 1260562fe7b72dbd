// Lint rules that hold the architecture: strict typing and the libs' dependency direction
// (CONVENTIONS.md: contracts and config import nothing in the repo; telemetry → config; …).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const LIB_DEPENDENCIES = {
  config: [],
  contracts: [],
  telemetry: ['config'],
  persistence: ['config', 'telemetry'],
  auth: ['config', 'telemetry'],
  messaging: ['contracts', 'persistence', 'telemetry', 'config'],
  grpc: ['contracts', 'auth', 'telemetry', 'config'],
  runtime: ['config', 'telemetry', 'persistence', 'messaging', 'grpc', 'auth'],
};
const ALL_LIBS = ['config', 'contracts', 'telemetry', 'persistence', 'auth', 'messaging', 'grpc', 'runtime', 'testing'];

const boundaryRules = Object.entries(LIB_DEPENDENCIES).map(([lib, allowed]) => ({
  files: [`libs/${lib}/src/**/*.ts`],
  ignores: ['**/*.spec.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ALL_LIBS.filter((l) => l !== lib && !allowed.includes(l)).map((l) => `@helpdesk/${l}`),
            message: `libs/${lib} may import only ${allowed.length ? allowed.map((l) => `@helpdesk/${l}`).join(', ') : 'no other lib'} (see CONVENTIONS.md).`,
          },
          { group: ['../../*/src/*', '../../../libs/*', '**/services/*'], message: 'Import other libs by package name; a lib never imports a service.' },
        ],
      },
    ],
  },
}));

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/generated/**', '.data/**', '.nx/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...boundaryRules,
);
