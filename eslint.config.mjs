// Lint config: TypeScript-aware recommended rules; formatting is prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map(([regex, message]) => ({ regex, message: `Layering: ${message}` })) },
    ],
  },
});

// A file in two zones takes the later zone's list (flat config replaces a rule's options): each list is whole.
const noDesigner = ['(^|/)designer/', 'nothing imports from the web app (designer/)'];
const noWorkers = ['(^|/)engine-worker/', 'the server does not import the job workers'];
const noHttp = [
  '^(\\.\\./)+(http|routes)(/|$)',
  'domain, models and schemas do not import the HTTP layer (server/http, routes)',
];
const noApiProcess = [
  '^(\\.\\./)+(main|app)$',
  'domain, models and schemas do not import the API process (server/main, app)',
];
const layerRules = [
  layer(['server/**/*.ts'], [noDesigner, noWorkers]),
  layer(
    ['server/{domain,models,statistics,slips,auth,engine,seed,config,errors,api-schemas,dev}/**/*.ts'],
    [noDesigner, noWorkers, noHttp, noApiProcess],
  ),
  layer(
    ['server/{routes,http}/**/*.ts'],
    [
      noDesigner,
      noWorkers,
      [
        '^(\\.\\./)+models(/|$)',
        'routes and the HTTP layer read and write through server/domain, not the models',
      ],
    ],
  ),
  layer(
    ['server/models/**/*.ts'],
    [
      noDesigner,
      noWorkers,
      noHttp,
      noApiProcess,
      [
        '^(\\.\\./)+domain(/|$)',
        'models are the bottom layer: vocabularies they need live in processes/ (or the slip registry)',
      ],
    ],
  ),
  layer(
    ['engine-worker/**/*.ts'],
    [
      noDesigner,
      [
        '^(\\.\\./)+server/(http|routes|main|app)(/|$)',
        "workers use the server's domain and models, not its HTTP layer or process (store: server/models/connect-store)",
      ],
    ],
  ),
  // The web app reaches the server over HTTP only and shares processes/ and forms/; of server/ it may import the
  // API's request and response types, type-only (erased from the bundle), from server/api-schemas.
  {
    files: ['designer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(server(?!/api-schemas/)|engine-worker|embedded)(/|$)',
              message:
                'Layering: the web app reaches the server over HTTP only, and shares only processes/ and forms/',
            },
            {
              regex: '^(\\.\\./)+server/api-schemas/',
              allowTypeImports: true,
              message:
                'Layering: the web app imports the API schemas type-only (`import type`): no server code in the bundle',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['embedded/**/*.ts'],
    [
      [
        '^(\\.\\./)+(server|engine-worker|designer|processes|forms)(/|$)',
        'embedded/ imports nothing of the app',
      ],
    ],
  ),
  layer(
    ['processes/**/*.ts', 'forms/**/*.{ts,tsx}'],
    [
      [
        '^(\\.\\./)+(server|engine-worker|designer|embedded)(/|$)',
        'processes/ and forms/ are shared by server, workers and web app, and import none of them',
      ],
    ],
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', '**/dist/', 'data/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The layers of ARCHITECTURE.md ("Layout"), enforced: designer → (HTTP) → server → models; engine-worker →
  // server's domain and models; nothing imports from designer; embedded/ imports nothing of the app;
  // processes/ and forms/ are shared by all and import none of them.
  ...layerRules,
  {
    // CommonJS by nature (Jest loads its transform with require).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
