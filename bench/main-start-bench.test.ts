// The start benchmark loads the built main bundle with its stand-in for Electron: main must get
// as far as the single-instance lock (a failure to load throws), and both rows are reported.

import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runMainStartBenchmark } from './main-start-bench'

const BUILT = existsSync(join(import.meta.dirname, '../out/main/index.js'))

describe('main start benchmark', () => {
  it.skipIf(!BUILT)('loads the built main bundle now and as before, and reports both', () => {
    const rows = runMainStartBenchmark(1)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(
      /^\| main bundle loaded.*\| \d[\d.]* ms \|.*: \d[\d.]* ms \| [\d.]+× \|$/
    )
    expect(rows[1]).toMatch(
      /^\| main's heap then.*\| [\d.]+ MB \| as before: [\d.]+ MB \| [\d.]+× \|$/
    )
  })
})
