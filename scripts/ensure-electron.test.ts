// `npm start`'s first step: Electron is used when present, installed when missing, and an offline
// machine gets one plain message (no stack trace, exit 1). The installer here is a stand-in.

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { decide, installFailure } from './ensure-electron'

const SCRIPT = join(import.meta.dirname, 'ensure-electron.ts')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A stand-in electron package whose install.js runs `installer` (CommonJS source). */
function electronPackage(installer: string, installed = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }))
  writeFileSync(join(dir, 'install.js'), installer)
  if (installed) {
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'electron'), '')
    writeFileSync(join(dir, 'path.txt'), 'electron')
  }
  return dir
}

function start(dir: string, env: Record<string, string> = {}) {
  const inherited = { ...process.env }
  delete inherited.ELECTRON_EXEC_PATH
  return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, dir], {
    encoding: 'utf8',
    env: { ...inherited, ...env }
  })
}

const OFFLINE_INSTALLER = `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///x.js:46:30)'); process.exit(1)`

describe('ensure-electron (npm start)', () => {
  it('starts at once when Electron is installed, without running the installer', () => {
    const dir = electronPackage(`require('fs').writeFileSync(__dirname + '/ran', '')`, true)
    const run = start(dir)
    expect(run.status).toBe(0)
    expect(run.stderr).not.toContain('Installing')
  })

  it('runs Electron’s installer when path.txt is missing, and goes on once it has installed', () => {
    const dir = electronPackage(
      `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron')`
    )
    const run = start(dir)
    expect(run.stderr).toContain('Installing Electron 45.5.0')
    expect(run.status).toBe(0)
  })

  it('offline: one plain message saying what failed, what still works and how to use an Electron on disk', () => {
    const run = start(electronPackage(OFFLINE_INSTALLER))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      'could not download it: there is no network (TypeError: fetch failed)'
    )
    expect(run.stderr).toContain('The CLI (npm run cli -- --help) and the tests (npm test)')
    expect(run.stderr).toContain('ELECTRON_EXEC_PATH=/path/to/electron npm start')
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })

  it('uses ELECTRON_EXEC_PATH when it names a file, and names it when it does not', () => {
    const dir = electronPackage(OFFLINE_INSTALLER)
    const binary = join(dir, 'my-electron')
    writeFileSync(binary, '')
    expect(start(dir, { ELECTRON_EXEC_PATH: binary }).status).toBe(0)
    const missing = start(dir, { ELECTRON_EXEC_PATH: join(dir, 'nowhere') })
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain(
      `ELECTRON_EXEC_PATH is set to ${join(dir, 'nowhere')}, but there is no file there`
    )
  })

  it('decides from the facts alone', () => {
    const none = { execPathExists: false, installedPathExists: false }
    expect(decide(none)).toEqual({ kind: 'install' })
    expect(decide({ ...none, installedPath: '/e/dist/electron' })).toEqual({ kind: 'install' })
    expect(decide({ ...none, installedPath: '/e', installedPathExists: true })).toEqual({
      kind: 'ready',
      path: '/e'
    })
    expect(
      decide({
        ...none,
        execPath: '/x',
        execPathExists: true,
        installedPath: '/e',
        installedPathExists: true
      })
    ).toEqual({ kind: 'ready', path: '/x' })
  })

  it('tells a failed installer apart from a missing network', () => {
    expect(
      installFailure('Error: EACCES: permission denied, mkdir dist\n    at x', '45.5.0')
    ).toContain('its installer failed: Error: EACCES: permission denied, mkdir dist')
    expect(installFailure('RequestError: getaddrinfo ENOTFOUND github.com', '45.5.0')).toContain(
      'there is no network'
    )
  })
})
