// Unit tests run in Node, beside the code they test (src/**/*.test.ts). The Svelte plugin compiles
// runes in `.svelte.ts` state classes, so those classes are tested as they run in the app.
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: [
      'src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'e2e/**/*.unit.test.ts'
    ],
    environment: 'node',
    setupFiles: ['src/test-support/fast-check-seed.ts'],
    // Time limits catch hangs, not slowness: vitest's 5 s default failed property tests of ~3 s
    // when the machine was loaded (load average 18), which says nothing about the app.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Loaded through Vite so that ipc-listeners.test.ts's stand-in for `electron` reaches it.
    server: { deps: { inline: ['electron-store'] } }
  }
})
