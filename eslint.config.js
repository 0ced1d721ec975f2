// Lint: type-checked typescript-eslint over every TypeScript file, with the Lit and
// web-components rules on the elements and stories.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/dist-bundle/',
    'demo-dist/',
    'storybook-static/',
    '.nx/',
  ]),
  js.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.check.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      // Chai's property assertions (`to.be.true`) and mocha's hooks read as unused expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests probe values defensively; an "unnecessary" `?.` there costs nothing.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    ignores: ['**/*.node.test.ts'],
    rules: {
      // @open-wc/semantic-dom-diff types chai's `equal` as possibly returning a promise (its DOM
      // snapshot overload), which makes every `expect(…).to.equal(…)` look floating.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
