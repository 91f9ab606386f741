// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Modules the pure domain must never import: I/O, the cloud, the Lambda toolchain. */
const IMPURE_MODULES = [
  { group: ['@aws-sdk/*', '@middy/*', '@aws-lambda-powertools/*', 'aws-lambda'], message: 'domain/ is pure: talk to the outside through a port.' },
  {
    group: ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:os'],
    message: 'domain/ does no I/O: take a port.',
  },
  { group: ['#functions/*', '#local/*'], message: 'domain/ must not depend on adapters or runtimes.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.symphainy/', '.serverless/', '.esbuild/', 'samples/generated/', 'coverage/', '.venv/', 'bin/.build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The dashboard runs in the browser as it is written: no bundler, no Node globals.
    files: ['local/serve/dashboard/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        JSON: 'readonly',
        location: 'writable',
        fetch: 'readonly',
        EventSource: 'readonly',
        URLSearchParams: 'readonly',
        Node: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // osls loads its ${file()} resolvers and plugins with require(): they are CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: IMPURE_MODULES }],
      'no-restricted-globals': ['error', { name: 'process', message: 'domain/ reads no environment: configuration is handed in.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'domain/ takes randomness it is handed (SeededRandom).' },
        { object: 'Date', property: 'now', message: 'domain/ takes the time from its Clock port.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain/ takes the time from its Clock port.' },
      ],
    },
  },
  // Layout is the formatter's (npm run format); ESLint keeps to what code means.
  prettier,
);
