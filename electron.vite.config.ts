// Build of the three Electron bundles (entries by electron-vite convention: src/main/index.ts,
// src/preload/index.ts, src/renderer/index.html). The preload must be a single CommonJS file that
// requires only `electron`, because sandboxed preloads cannot load ES modules or other files.

import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Vite's dev server injects CSS as <style> elements, which `style-src 'self'` blocks: in `npm run
 * dev` only, allow inline styles. The built page keeps the strict policy (pinned by tests).
 */
function devInlineStyles(): Plugin {
  return {
    name: 'briefing-dev-inline-styles',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  }
}

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
    plugins: [svelte(), devInlineStyles()]
  }
})
