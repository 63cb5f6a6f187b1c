import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-addin/',
      'dist-wps/',
      'node_modules/',
      'coverage/',
      'out/',
      'templates/',
      'examples/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Chinese text lines up with the ideographic space (U+3000), in strings and templates alike.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    // The core is pure: no platform, no files, no spreadsheet library, no process (STYLE.md).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto'],
              message: 'src/core is pure: no Node modules.',
            },
            {
              group: ['exceljs', 'xlsx-populate', 'fflate', '@microsoft/office-js', 'office-addin-*'],
              message: 'src/core knows no spreadsheet library.',
            },
            {
              group: ['**/adapters/**', '**/cli/**', '**/addin/**'],
              message: 'src/core must not import its shells.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is pure: pass values in.' },
        { name: 'Office', message: 'src/core knows no Office.js.' },
        { name: 'Excel', message: 'src/core knows no Office.js.' },
        { name: 'Date', message: 'src/core has no clock: dates are ISO strings passed in.' },
      ],
    },
  },
  {
    // Adapters serve the shells; they never reach up into them.
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', '**/addin/**'], message: 'adapters must not import shells.' }] },
      ],
    },
  },
);
