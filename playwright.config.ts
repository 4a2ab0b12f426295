// Playwright: e2e specs drive the built renderer in Chromium through e2e/harness.ts (which
// launches the browser itself); e2e/electron/ specs need a real Electron binary and skip without.

import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  forbidOnly: true
})
