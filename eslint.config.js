// ESLint (flat config): typescript-eslint's recommended rules plus the layers of docs/architecture.md, enforced with
// eslint-plugin-boundaries. A layer imports only from the layers below it:
//   common ← node base (config, store, log, inference, models = the pack store) ← hub ← features (capabilities/*,
//   plugins) ← app root (node/app) ← server, cli ← electron;   renderer ← common only;   preload ← nothing of ours.
// test/unit/lint/layers.test.ts shows the rule failing on a hub → feature import.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** The layers, most specific pattern first (the first match classifies a file). */
const elements = [
  { type: 'common', pattern: 'main/common/**', partialMatch: false },
  { type: 'base', pattern: 'main/node/{config,store,log,inference,models}/**', partialMatch: false },
  { type: 'hub', pattern: 'main/node/hub/**', partialMatch: false },
  { type: 'feature', pattern: 'main/node/{capabilities,plugins}/**', partialMatch: false },
  { type: 'app', pattern: 'main/node/app/**', partialMatch: false },
  { type: 'door', pattern: 'main/node/{server,cli}/**', partialMatch: false },
  { type: 'electron', pattern: 'main/electron/**', partialMatch: false },
  { type: 'preload', pattern: 'main/preload/**', partialMatch: false },
  { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
];

const LAYERS = ['common', 'base', 'hub', 'feature', 'app', 'door', 'electron', 'preload', 'renderer'];
/** What each layer may import (of ours); everything not listed is refused. */
const MAY_IMPORT = {
  common: ['common'],
  base: ['common', 'base'],
  hub: ['common', 'base', 'hub'],
  feature: ['common', 'base', 'hub', 'feature'],
  app: ['common', 'base', 'hub', 'feature', 'app'],
  door: ['common', 'base', 'hub', 'feature', 'app', 'door'],
  electron: ['common', 'base', 'hub', 'feature', 'app', 'door', 'electron', 'preload'],
  // The preload requires nothing but electron at run time (it runs sandboxed; test/unit/electron/preload.test.ts
  // checks it); it imports the contract's types only, which compile away.
  preload: ['common', 'preload'],
  renderer: ['common', 'renderer'],
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'models/**', 'native/**', 'coverage/**', 'test/fixtures/lint/**', '**/*.d.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
      },
    },
    rules: {
      // Validators and PDF/tar/zip guards match control characters on purpose (to refuse or strip them).
      'no-control-regex': 'off',
      // Unused names are errors, except deliberately ignored ones (_name) and rest siblings used to omit a key.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and scripts poke at JSON outputs and fakes; `any` there is a shortcut, not an API.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/**/*.{ts,tsx,cts,mts}', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['main/**', 'renderer/**'],
      'import/resolver': { './scripts/lint/ts-resolver.cjs': {}, node: { extensions: ['.js', '.mjs', '.cjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: LAYERS.map((layer) => ({
            from: { element: { type: layer } },
            disallow: { to: { element: { types: { anyOf: LAYERS.filter((l) => !MAY_IMPORT[layer].includes(l)) } } } },
          })).filter((p) => p.disallow.to.element.types.anyOf.length),
          message: 'A layer imports only from the layers below it (docs/architecture.md): {{from.type}} may not import {{to.type}}.',
        },
      ],
    },
  },
);
