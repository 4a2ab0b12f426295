// Lint: TypeScript + Svelte rules, and the process boundaries as import restrictions
// (src/shared: no electron/node/DOM; renderer: no electron/node; preload: electron + shared only),
// src/main's folders as layers, and production code never importing src/test-support.

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

// src/main's folders are layers (docs/architecture.md): a folder imports only folders below it,
// never the entry files at the root that wire everything. One no-restricted-imports per folder,
// which also carries the rule that only the Electron shell files load Electron.
const ELECTRON_FILES = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/menu.ts',
  'src/main/ipc/electron-ipc.ts',
  'src/main/electron-process.ts'
]
const WIRING = ['app-core', 'app-router', 'index', 'electron-process', 'window', 'menu']
const DOMAINS = [
  'library',
  'search',
  'annotations',
  'import',
  'export',
  'notebook',
  'preferences',
  'shell'
]
/** Folder → the src/main folders it must not import (besides the wiring files and cli/). */
const LAYERS = {
  fs: [...DOMAINS, 'background', 'ipc', 'security', 'log'],
  log: [...DOMAINS, 'background', 'ipc', 'security', 'fs'],
  ipc: [...DOMAINS, 'background', 'security', 'fs'],
  background: [...DOMAINS, 'ipc', 'security'],
  security: [...DOMAINS, 'background'],
  library: DOMAINS.filter((d) => d !== 'library'),
  search: ['annotations', 'import', 'export', 'notebook', 'preferences', 'shell'],
  annotations: ['import', 'export', 'notebook', 'preferences', 'shell'],
  import: ['export', 'notebook', 'preferences', 'shell'],
  export: ['import', 'notebook', 'preferences', 'shell'],
  notebook: ['import', 'preferences', 'shell'],
  preferences: DOMAINS.filter((d) => d !== 'preferences'),
  shell: DOMAINS.filter((d) => d !== 'shell')
}
const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only index.ts, window.ts, menu.ts, ipc/electron-ipc.ts and electron-process.ts load Electron; keep logic in plain Node.',
  allowTypeImports: true
}
const noElectronStore = {
  group: ['electron-store'],
  message: 'electron-store imports electron: load it only from the Electron entry.'
}

function mainLayers() {
  const folderRule = (folder, forbidden) => ({
    files: [`src/main/${folder}/**`],
    // Tests may drive the whole app (app-core) from any folder.
    ignores: [...ELECTRON_FILES, 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            noElectronStore,
            {
              regex: `^(\\.\\./)+(${[...forbidden, 'cli'].join('|')})(/|$)`,
              message: `src/main/${folder}/ is a lower layer: it does not import ${forbidden.join(', ')} or cli (see docs/architecture.md).`
            },
            {
              regex: `^(\\.\\./)+(${WIRING.join('|')})(\\.ts)?$`,
              message: 'The entry files wire the folders; no folder imports them.'
            }
          ]
        }
      ]
    }
  })
  return [
    {
      files: ['src/main/**'],
      ignores: ELECTRON_FILES,
      rules: {
        'no-restricted-imports': [
          'error',
          { paths: [electronOnlyInShell], patterns: [noElectronStore] }
        ]
      }
    },
    ...Object.entries(LAYERS).map(([folder, forbidden]) => folderRule(folder, forbidden))
  ]
}

export default ts.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.corpus/**',
      // Machine-written by scripts/gen-dataset-validator.ts (ajv standalone code, one long line);
      // a unit test pins it to the generator's output, which is what gets reviewed.
      'src/**/*.generated.js'
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
  ...mainLayers(),
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
