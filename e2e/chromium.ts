// Where the e2e tests find Chromium: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
// Playwright's own browser (undefined lets Playwright look for its download).

import { existsSync } from 'node:fs'

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist`)
    return fromEnv
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined
}

/** Flags for a headless Chromium that makes no background network requests. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]
