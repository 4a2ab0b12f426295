// Playwright: e2e specs drive the built renderer in Chromium through e2e/harness.ts (which
// launches the browser itself); e2e/electron/ specs need a real Electron binary and skip without.

import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Waits on app state end as soon as the state is there; the limits only say when to give up,
  // and a loaded CI machine (2 cores, load average 16 seen) needs room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: true
})
