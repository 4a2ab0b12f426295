// Build of the three Electron bundles (entries by electron-vite convention: src/main/index.ts,
// src/preload/index.ts, src/renderer/index.html). The preload must be a single CommonJS file that
// requires only `electron`, because sandboxed preloads cannot load ES modules or other files.

import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {},
  preload: {
    build: {
      rollupOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    plugins: [svelte()]
  }
})
