import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { describe, expect, it, vi } from 'vitest'

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

// Main after its load: the young generation the load grew, given back by collectLoadGarbage (V8's
// "last resort"; one ordinary full collection keeps it on Node 24's V8).
const youngProbe = `
  import { getHeapSpaceStatistics } from 'node:v8'
  import { collectLoadGarbage } from './heap-settle.ts'
  const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size
  const start = young()
  const held = []
  for (let i = 0; i < 3_000_000; i++) held.push({ i })
  const grown = young()
  collectLoadGarbage()
  console.log(JSON.stringify({ start, grown, after: young(), held: held.length }))
`

function run(probe: string): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', probe],
    { cwd: here, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
  )
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>
}

const NODE_MAJOR = Number(process.versions.node.split('.')[0])

describe('heap settling', () => {
  it('finds V8 collector in a process started without --expose-gc, and it frees garbage', () => {
    const { before, found, held, after } = run(probe) as {
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

  // Node 24's V8 (13.6) takes `flavor`, as Electron 45's later V8 is expected to; Node 20's
  // takes no `flavor` and makes an ordinary collection, which keeps the young generation.
  it.skipIf(NODE_MAJOR < 24)("gives back the young generation main's load grew", () => {
    const { start, grown, after, held } = run(youngProbe) as {
      start: number
      grown: number
      after: number
      held: number
    }
    expect(held).toBe(3_000_000) // What the load keeps is kept.
    expect(grown).toBeGreaterThan(start * 4)
    // Back to its size before the load (or smaller: tsx's own start had grown it a little).
    expect(after).toBeLessThanOrEqual(start)
  })

  it('goes on when the collector throws: the start must not fail for it', async () => {
    // collector() takes an exposed `gc` first; a V8 that refuses the options throws from it.
    const global = globalThis as { gc?: unknown }
    const exposed = global.gc
    global.gc = () => {
      throw new Error('refused')
    }
    try {
      vi.resetModules()
      const { log } = await import('../log/log')
      const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined)
      const { collectLoadGarbage } = await import('./heap-settle')
      expect(() => collectLoadGarbage()).not.toThrow()
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused'))
    } finally {
      global.gc = exposed
      vi.restoreAllMocks()
    }
  })

  // Main quiets V8's memory reducer from its start until the index's first build is complete and
  // puts the default back after (quietMemoryReducer). V8 takes an unknown flag with only a line on
  // stderr, so a renamed flag or another default would pass unseen: this V8 must list the flag,
  // with the default put back. Node 20's V8 has no such flag; Electron 45's V8 was not read here.
  it.skipIf(NODE_MAJOR < 24)(
    "sets a memory reducer flag V8 knows, and puts back V8's default",
    async () => {
      const { MEMORY_REDUCER_FLAG, MEMORY_REDUCER_GCS } = await import('./heap-settle')
      const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })
      const flag = options
        .split('\n  --')
        .find((entry) => entry.startsWith(`${MEMORY_REDUCER_FLAG} `))
      expect(flag).toMatch(/type: int\s+default: /)
      expect(flag).toContain(`default: --${MEMORY_REDUCER_FLAG}=${MEMORY_REDUCER_GCS}`)
    }
  )

  it('quiets the reducer only early in the life of the process, and puts its default back once', async () => {
    const { MEMORY_REDUCER_FLAG, MEMORY_REDUCER_GCS, QUIET_BEFORE_MS, quietMemoryReducer } =
      await import('./heap-settle')
    const set: string[] = []
    const restore = quietMemoryReducer(100, (flags) => void set.push(flags))
    expect(set).toEqual([`--${MEMORY_REDUCER_FLAG}=0`])
    restore()
    restore()
    expect(set).toEqual([
      `--${MEMORY_REDUCER_FLAG}=0`,
      `--${MEMORY_REDUCER_FLAG}=${MEMORY_REDUCER_GCS}`
    ])
    // Later a cycle of the reducer's may run, and lowering the flag then would abort V8.
    const late: string[] = []
    quietMemoryReducer(QUIET_BEFORE_MS, (flags) => void late.push(flags))()
    expect(late).toEqual([])
    expect(QUIET_BEFORE_MS).toBeLessThan(8000)
  })
})
