// The import process starts with a heap cap: the flag is one Node (and so Electron's utility
// process) takes, and it sets the limit V8 reports.
import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { IMPORT_HEAP_LIMIT_MB, ROLE_EXEC_ARGV } from './process-limits'

describe('background process limits', () => {
  it('caps the import process heap near IMPORT_HEAP_LIMIT_MB', () => {
    const limit = Number(
      execFileSync(process.execPath, [
        ...ROLE_EXEC_ARGV.import,
        '-p',
        "require('node:v8').getHeapStatistics().heap_size_limit"
      ]).toString()
    )
    const mb = limit / 2 ** 20
    expect(mb).toBeGreaterThanOrEqual(IMPORT_HEAP_LIMIT_MB)
    // V8 adds its young generation to the old-space size it is given.
    expect(mb).toBeLessThan(IMPORT_HEAP_LIMIT_MB + 256)
  })
})
