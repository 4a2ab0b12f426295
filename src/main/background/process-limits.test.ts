// The import process starts with a heap cap: the flag is one Node (and so Electron's utility
// process) takes, and it sets the limit V8 reports.
import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { IMPORT_HEAP_LIMIT_MB, ROLE_EXEC_ARGV, utilityProcessArgv } from './process-limits'

/** The heap limit (MB) of a Node process started with `flags`. */
function heapLimitWith(flags: readonly string[]): number {
  const limit = Number(
    execFileSync(process.execPath, [
      ...flags,
      '-p',
      "require('node:v8').getHeapStatistics().heap_size_limit"
    ]).toString()
  )
  return limit / 2 ** 20
}

describe('background process limits', () => {
  it('caps the import process heap near IMPORT_HEAP_LIMIT_MB', () => {
    const mb = heapLimitWith(ROLE_EXEC_ARGV.import)
    expect(mb).toBeGreaterThanOrEqual(IMPORT_HEAP_LIMIT_MB)
    // V8 adds its young generation to the old-space size it is given.
    expect(mb).toBeLessThan(IMPORT_HEAP_LIMIT_MB + 256)
  })

  it("gives Electron's utility processes the V8 flags in --js-flags too, where V8 reads them", () => {
    for (const role of ['index', 'import'] as const) {
      const argv = utilityProcessArgv(role)
      const jsFlags = argv.filter((arg) => arg.startsWith('--js-flags='))
      expect(jsFlags).toHaveLength(1)
      expect(jsFlags[0]!.slice('--js-flags='.length).split(' ')).toEqual(ROLE_EXEC_ARGV[role])
    }
    // The value is V8 flags as V8 takes them: the import cap takes effect when given alone.
    const value = utilityProcessArgv('import').at(-1)!.slice('--js-flags='.length)
    const mb = heapLimitWith(value.split(' '))
    expect(mb).toBeGreaterThanOrEqual(IMPORT_HEAP_LIMIT_MB)
    expect(mb).toBeLessThan(IMPORT_HEAP_LIMIT_MB + 256)
  })
})
