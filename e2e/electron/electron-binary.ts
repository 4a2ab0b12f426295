// The Electron binary for the Electron-only specs, found without triggering Electron's download:
// ELECTRON_EXEC_PATH (as for npm start), else the one Electron's installer put in node_modules.

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export function electronBinary(): string | undefined {
  const fromEnv = process.env['ELECTRON_EXEC_PATH']
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return undefined
  const bin = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : undefined
}

export const SKIP_REASON =
  'no Electron binary is installed (node_modules/electron/path.txt is missing, Electron cannot be ' +
  'downloaded offline, and ELECTRON_EXEC_PATH is not set)'
