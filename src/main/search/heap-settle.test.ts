import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const here = fileURLToPath(new URL('.', import.meta.url))

// A process started without --expose-gc, as the index process is if Electron's utilityProcess
// does not pass execArgv's V8 flags on: the collector must still be found and free garbage.
const probe = `
  import { collector } from './heap-settle.ts'
  const before = typeof globalThis.gc
  const collect = collector()
  let garbage = Array.from({ length: 2_000_000 }, (_, i) => ({ i }))
  const held = process.memoryUsage().heapUsed
  garbage = null
  collect?.()
  const after = process.memoryUsage().heapUsed
  console.log(JSON.stringify({ before, found: typeof collect, held, after }))
`

describe('heap settling', () => {
  it('finds V8 collector in a process started without --expose-gc, and it frees garbage', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', probe],
      { cwd: here, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
    )
    const { before, found, held, after } = JSON.parse(out.trim().split('\n').pop()!) as {
      before: string
      found: string
      held: number
      after: number
    }
    expect(before).toBe('undefined')
    expect(found).toBe('function')
    // Two million small objects are ~100 MB; a full collection leaves a fraction.
    expect(after).toBeLessThan(held / 4)
  })
})
