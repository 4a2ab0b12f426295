// The packaged app (electron-builder --dir against the installed Electron), started as an analyst
// starts it: it reaches ready and says so in its log, and refuses switches that would hand control
// of it to another program. Needs an Electron binary; skipped with the reason printed otherwise.
// (Playwright's _electron cannot drive a packaged build: it passes --remote-debugging-port.)

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { expect, test } from '@playwright/test'

import { ROOT, SKIP_REASON, electronBinary } from './electron-binary'

const binary = electronBinary()
if (!binary) console.log(`[e2e/electron/packaged] skipped: ${SKIP_REASON}`)

/** The folder electron-builder takes as `electronDist`: the one holding the binary (or Electron.app). */
function electronDist(bin: string): string {
  const app = bin.indexOf('Electron.app')
  return app >= 0 ? bin.slice(0, app - 1) : dirname(bin)
}

function packagedExecutable(out: string): string {
  if (process.platform === 'win32') return join(out, 'win-unpacked', 'Briefing Reader.exe')
  if (process.platform === 'darwin') {
    const folder = process.arch === 'arm64' ? 'mac-arm64' : 'mac'
    return join(out, folder, 'Briefing Reader.app', 'Contents', 'MacOS', 'Briefing Reader')
  }
  return join(out, 'linux-unpacked', 'briefing-reader')
}

test.describe('packaged app', () => {
  test.skip(!binary, SKIP_REASON)
  test.describe.configure({ mode: 'serial', timeout: 180_000 })

  let work: string
  let executable: string

  test.beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'briefing-packaged-'))
    const built = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--publish',
        'never',
        `-c.electronDist=${electronDist(binary!)}`,
        `-c.directories.output=${join(work, 'out')}`
      ],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(built.status, built.stderr).toBe(0)
    executable = packagedExecutable(join(work, 'out'))
    expect(existsSync(executable), executable).toBe(true)
  })

  test.afterAll(() => rmSync(work, { recursive: true, force: true }))

  test('starts from app.asar, loads the bundled briefing and logs it', async () => {
    const profile = join(work, 'profile')
    const app = spawn(executable, [`--user-data-dir=${profile}`], { stdio: 'ignore' })
    try {
      const log = join(profile, 'logs', 'main.log')
      await expect
        .poll(() => (existsSync(log) ? readFileSync(log, 'utf8') : ''), { timeout: 60_000 })
        .toMatch(/library and index ready \d+ ms after start/)
      expect(readFileSync(log, 'utf8')).not.toMatch(/ ERROR /)
    } finally {
      app.kill()
    }
  })

  test('imports a .briefing file given on its command line', async () => {
    const profile = join(work, 'profile-open')
    const file = join(work, 'pier.briefing')
    writeFileSync(
      file,
      JSON.stringify({
        format: 'briefing-reader/dataset',
        version: 1,
        entities: [],
        briefings: [
          {
            id: 'pier-repairs',
            title: 'Pier repairs',
            source: 'Field office',
            published: '2024-05-02',
            tags: [],
            sections: [
              {
                id: 'lead',
                heading: 'Memo',
                text: 'The pier needs repairs.',
                tags: [],
                mentions: []
              }
            ]
          }
        ]
      })
    )
    const app = spawn(executable, [`--user-data-dir=${profile}`, file], { stdio: 'ignore' })
    try {
      await expect
        .poll(() => existsSync(join(profile, 'library', 'pier-repairs.json')), { timeout: 60_000 })
        .toBe(true)
    } finally {
      app.kill()
    }
  })

  test('refuses to start with --inspect or a remote-debugging port, saying why', () => {
    for (const flag of ['--inspect', '--remote-debugging-port=9222']) {
      const run = spawnSync(executable, [flag, `--user-data-dir=${join(work, 'refused')}`], {
        encoding: 'utf8',
        timeout: 30_000
      })
      expect(run.status, flag).toBe(1)
      expect(run.stderr).toContain(`Briefing Reader does not start with ${flag}`)
    }
  })
})
