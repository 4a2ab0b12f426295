// The installed log: silent until an entry installs one; a background process writes its own file
// in the folder main names, else warnings and errors to stderr.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { installLogger, installProcessLogger, log } from './log'
import { silentLogger } from './logger'

afterEach(() => installLogger(silentLogger))

describe('log', () => {
  it('goes to the logger an entry installed', () => {
    const lines: string[] = []
    installLogger({ ...silentLogger, warn: (m) => lines.push(m) })
    log.warn('save retried')
    expect(lines).toEqual(['save retried'])
  })

  it('gives a background process its own file in the folder main names, at the level asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proc-log-'))
    try {
      installProcessLogger('index', { BRIEFING_LOG_DIR: dir, BRIEFING_LOG_LEVEL: 'debug' })
      log.debug('shard 1 built')
      expect(readFileSync(join(dir, 'index.log'), 'utf8')).toMatch(/DEBUG \[index\] shard 1 built/)
      installProcessLogger('import', { BRIEFING_LOG_DIR: dir })
      log.debug('not at info')
      expect(existsSync(join(dir, 'import.log'))).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
