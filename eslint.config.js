// Lint encodes the architecture: remotes import only the two platform packages and themselves,
// drizzle stays in core-api repositories/db, files stay small.
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const remotes = ['mf-inventory', 'mf-travel', 'mf-dashboard', 'mf-backoffice'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/drizzle/**', '.data/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  ...remotes.map((remote) => ({
    files: [`${remote}/**/*.{ts,vue}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: remotes.filter((r) => r !== remote).flatMap((r) => [`**/${r}/**`, `@co2/${r}`]), message: 'A remote never imports another remote.' },
            { group: ['**/shell/src/**', '@co2/shell', '@co2/core-api', '@co2/bff'], message: 'Remotes use only @co2/shell-sdk, @co2/ui and @co2/contracts.' },
            { group: ['quasar/dist/quasar.css', 'quasar/src/css/*'], message: 'The shell owns Quasar CSS.' },
          ],
          paths: [
            {
              name: 'vue-router',
              importNames: ['createWebHistory', 'createWebHashHistory', 'createMemoryHistory'],
              message: 'The shell owns the browser history: use createPortalHistory from @co2/shell-sdk (docs/adr/0006-addresses.md).',
            },
          ],
        },
      ],
    },
  })),
  // The UI kit (shell team) builds on Quasar, vue-i18n and the two platform packages only; its format entry stays pure.
  ...[
    { files: ['shell/ui/**/*.{ts,vue}'], ignores: ['shell/ui/src/format/**'], extra: [] },
    { files: ['shell/ui/src/format/**/*.ts'], extra: [{ group: ['vue', 'vue-i18n', 'vue-router', 'quasar', '@co2/*'], message: '@co2/ui/format is pure functions (no Vue, no contracts).' }] },
  ].map(({ extra, ...scope }) => ({
    ...scope,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: remotes.flatMap((r) => [`**/${r}/**`, `@co2/${r}`]), message: 'The UI kit never imports a remote.' },
            { group: ['**/shell/src/**', '@co2/shell', '@co2/core-api', '@co2/bff'], message: 'The UI kit uses only @co2/shell-sdk and @co2/contracts.' },
            { group: ['quasar/dist/quasar.css', 'quasar/src/css/*'], message: 'The shell owns Quasar CSS.' },
            ...extra,
          ],
        },
      ],
    },
  })),
  {
    files: ['core-api/src/**/*.ts'],
    ignores: ['core-api/src/repositories/**', 'core-api/src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'drizzle code lives in core-api/src/repositories (and src/db).' }] }],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'deploy/**/*.mjs'],
    rules: { 'max-lines': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
