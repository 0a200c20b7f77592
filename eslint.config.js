// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.svelte-kit/**', '**/build/**', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // Plain scripts run in Node; end-to-end tests also pass functions to the browser (page.evaluate).
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/e2e/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
