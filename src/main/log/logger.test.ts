// The log file: lines with time, level and scope, filtered by level, rotated by size with a few
// old files kept, and never a failure for the code that logs.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { createFileLogger, createStreamLogger, parseLevel } from './logger'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'log-'))
  dirs.push(dir)
  return dir
}
const at = () => new Date('2026-12-03T10:00:00.000Z')

describe('createFileLogger', () => {
  it('writes time, level, scope and message, and an error’s stack under it', () => {
    const dir = join(tempDir(), 'logs')
    const log = createFileLogger({ dir, name: 'main', level: 'info', scope: 'ipc', now: at })
    log.info('annotations:change took 4 ms')
    log.error('search:query failed', new Error('index gone'))
    const text = readFileSync(join(dir, 'main.log'), 'utf8')
    expect(text).toMatch(/^2026-12-03T10:00:00.000Z INFO {2}\[ipc\] annotations:change took 4 ms\n/)
    expect(text).toContain('ERROR [ipc] search:query failed\n  Error: index gone\n      at ')
  })

  it('keeps only what the level asks for', () => {
    const dir = tempDir()
    const log = createFileLogger({ dir, name: 'main', level: 'warn', now: at })
    log.debug('d')
    log.info('i')
    log.warn('w')
    log.error('e')
    const levels = readFileSync(join(dir, 'main.log'), 'utf8').match(/ (DEBUG|INFO|WARN|ERROR) /g)
    expect(levels).toEqual([' WARN ', ' ERROR '])
  })

  it('rotates past the size cap and keeps a few old files, newest first', () => {
    const dir = tempDir()
    const log = createFileLogger({
      dir,
      name: 'index',
      level: 'info',
      maxBytes: 200,
      keep: 2,
      now: at
    })
    for (let i = 0; i < 40; i++) log.info(`rebuild ${String(i).padStart(2, '0')}`)
    expect(readdirSync(dir).sort()).toEqual(['index.1.log', 'index.2.log', 'index.log'])
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(200)
    }
    expect(readFileSync(join(dir, 'index.log'), 'utf8')).toContain('rebuild 39')
    const older = readFileSync(join(dir, 'index.1.log'), 'utf8')
    expect(older).not.toContain('rebuild 39')
    expect(older).toContain('rebuild 3')
  })

  it('continues a file left by an earlier run, and rotates it by its size on disk', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'main.log'), 'x'.repeat(190) + '\n')
    createFileLogger({ dir, name: 'main', level: 'info', maxBytes: 200, now: at }).info('started')
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('x'.repeat(190) + '\n')
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('started')
  })

  it('never throws when the folder cannot be written', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), '')
    const log = createFileLogger({ dir: join(dir, 'file', 'logs'), name: 'main', level: 'info' })
    expect(() => log.error('disk full', new Error('ENOSPC'))).not.toThrow()
  })
})

describe('levels and the CLI', () => {
  it('reads BRIEFING_LOG_LEVEL, defaulting to info', () => {
    expect(parseLevel('DEBUG')).toBe('debug')
    expect(parseLevel(' warn ')).toBe('warn')
    expect(parseLevel(undefined)).toBe('info')
    expect(parseLevel('verbose')).toBe('info')
  })

  it('writes the same lines to a stream', () => {
    const lines: string[] = []
    createStreamLogger({ write: (t: string) => lines.push(t) }, 'info', 'cli', at).warn('slow')
    expect(lines).toEqual(['2026-12-03T10:00:00.000Z WARN  [cli] slow\n'])
  })
})
