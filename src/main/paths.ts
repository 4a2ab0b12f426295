// Where things live on disk, computed without Electron so the CLI agrees with the desktop app.

import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Electron's app.getName(): package.json productName. */
export const APP_NAME = 'Briefing Reader'
/** electron-builder.yml's appId (Windows AppUserModelID, MSI upgrade codes); never changes. */
export const APP_ID = 'org.briefingreader.app'

/** The folder Electron's app.getPath('userData') returns for this app on each platform. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): string {
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), APP_NAME)
}

/** The bundled dataset folder in a source checkout (the CLI and tests run from source). */
export function sourceDatasetDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/dataset')
}
