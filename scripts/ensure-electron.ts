// Runs before `npm start` / `npm run dev`: makes sure electron-vite will find an Electron binary.
// electron-vite 6 reads only ELECTRON_EXEC_PATH or node_modules/electron/path.txt, which exists only
// once Electron's own installer has run; nothing else runs it. Offline, one plain message, exit 1.

import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What is on disk and in the environment, as far as finding Electron goes. */
export interface ElectronFacts {
  /** ELECTRON_EXEC_PATH, when set. */
  execPath?: string
  execPathExists: boolean
  /** The executable named by node_modules/electron/path.txt, when that file exists. */
  installedPath?: string
  installedPathExists: boolean
}

export type Decision =
  { kind: 'ready'; path: string } | { kind: 'install' } | { kind: 'fail'; message: string }

/** Whether Electron can start as things are, must be installed first, or cannot be used. */
export function decide(facts: ElectronFacts): Decision {
  if (facts.execPath) {
    if (facts.execPathExists) return { kind: 'ready', path: facts.execPath }
    return {
      kind: 'fail',
      message:
        `ELECTRON_EXEC_PATH is set to ${facts.execPath}, but there is no file there.\n` +
        'Point it at the Electron executable itself (electron, electron.exe or ' +
        'Electron.app/Contents/MacOS/Electron), or unset it to install Electron with npm.'
    }
  }
  if (facts.installedPath && facts.installedPathExists) {
    return { kind: 'ready', path: facts.installedPath }
  }
  return { kind: 'install' }
}

const NETWORK_ERRORS =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network/i

/** The message for an installer that exited without installing, from what it wrote to stderr. */
export function installFailure(stderr: string, version: string): string {
  const firstLine =
    stderr
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('at ')) ?? 'no message'
  const offline = NETWORK_ERRORS.test(stderr)
  const what = offline
    ? `Electron ${version} is not installed, and its installer could not download it: ` +
      `there is no network (${firstLine}).`
    : `Electron ${version} is not installed, and its installer failed: ${firstLine}`
  return [
    what,
    'The CLI (npm run cli -- --help) and the tests (npm test) do not need Electron and still work.',
    `To use an Electron ${version.split('.')[0]} already on this machine, point ELECTRON_EXEC_PATH at its executable:`,
    '  ELECTRON_EXEC_PATH=/path/to/electron npm start',
    offline
      ? 'Or, once there is a network, run npm start again (or npx install-electron).'
      : 'Or delete node_modules/electron, run npm install, then npx install-electron.'
  ].join('\n')
}

/** Reads the facts from the electron package folder and the environment. */
export function readFacts(electronDir: string, env: NodeJS.ProcessEnv): ElectronFacts {
  const execPath = env.ELECTRON_EXEC_PATH || undefined
  const pathFile = join(electronDir, 'path.txt')
  const installedPath = existsSync(pathFile)
    ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    : undefined
  return {
    execPath,
    execPathExists: execPath !== undefined && existsSync(execPath),
    installedPath,
    installedPathExists: installedPath !== undefined && existsSync(installedPath)
  }
}

/** Decides, runs Electron's installer when needed, and returns the exit code for npm. */
export function ensureElectron(electronDir: string, env: NodeJS.ProcessEnv): number {
  const version = (
    JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }
  ).version
  const first = decide(readFacts(electronDir, env))
  if (first.kind === 'ready') return 0
  if (first.kind === 'fail') {
    console.error(first.message)
    return 1
  }
  console.error(`Installing Electron ${version} (first start on this machine)…`)
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env
  })
  const after = decide(readFacts(electronDir, env))
  if (run.status === 0 && after.kind === 'ready') return 0
  console.error(installFailure(`${run.stderr ?? ''}${run.error?.message ?? ''}`, version))
  return 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The folder can be given (tests use a stand-in package); npm scripts pass none.
  const electronDir =
    process.argv[2] ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  process.exitCode = ensureElectron(electronDir, process.env)
}
