// Lint: TypeScript + Svelte rules, and the process boundaries as import restrictions
// (src/shared: no electron/node/DOM; renderer: no electron/node; preload: electron + shared only),
// and production code never importing src/test-support.

import js from '@eslint/js'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import ts from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'worker_threads'
]
const noHtmlSinks = [
  { object: 'document', property: 'write', message: 'Never write markup: render text.' },
  { property: 'innerHTML', message: 'Untrusted text is rendered as text: no innerHTML.' },
  { property: 'outerHTML', message: 'Untrusted text is rendered as text: no outerHTML.' },
  { property: 'insertAdjacentHTML', message: 'Untrusted text is rendered as text.' }
]

export default ts.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.corpus/**'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', ...noHtmlSinks]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The renderer has no Electron or Node: go through lib/api.ts.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', { name: 'require', message: 'No Node in the renderer.' }]
    }
  },
  {
    files: ['src/renderer/src/components/**', 'src/renderer/src/*.svelte'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='briefing']",
          message: 'Components reach main only through src/renderer/src/lib/api.ts.'
        }
      ]
    }
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins, '../main/*', '../renderer/*', '../preload/*'],
              message: 'src/shared is plain TypeScript: no Electron, Node or process code.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage']
    }
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./shared/)',
              message: 'The preload imports only electron and src/shared.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/**'],
    ignores: [
      'src/main/index.ts',
      'src/main/window.ts',
      'src/main/menu.ts',
      'src/main/ipc/electron-ipc.ts',
      'src/main/electron-process.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only index.ts, window.ts, menu.ts, ipc/electron-ipc.ts and electron-process.ts load Electron; keep logic in plain Node.',
              allowTypeImports: true
            }
          ],
          patterns: [
            {
              group: ['electron-store'],
              message: 'electron-store imports electron: load it only from the Electron entry.'
            }
          ]
        }
      ]
    }
  },
  {
    // A rule of its own (typescript-eslint's twin of no-restricted-imports), so it adds to the
    // per-folder boundary rules above instead of replacing their options.
    files: ['src/**'],
    ignores: ['src/**/*.test.ts', 'src/test-support/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)test-support(/|$)',
              message: 'src/test-support is for tests only: production code never imports it.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['e2e/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  }
)
