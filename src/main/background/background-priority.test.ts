// The search index's process runs below normal priority, every thread of it: a build holding the
// cores must leave main's collector one (bench/results.md, "Search", item 1).

import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { BACKGROUND_PRIORITY, lowerOwnPriority } from './background-priority'
import { forkNodeProcess } from './node-process'
import type { ProcessMessage } from './rpc'

/** Each thread's nice value, from /proc (field 19 of stat; the name before it may hold spaces). */
function threadNices(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
  })
}

/** This process's children (each thread lists those it started; one may end meanwhile). */
function children(): Set<number> {
  const pids = readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return readFileSync(`/proc/self/task/${tid}/children`, 'utf8').split(' ').filter(Boolean)
    } catch {
      return []
    }
  })
  return new Set(pids.map(Number))
}

const MODULE = fileURLToPath(new URL('./background-priority.ts', import.meta.url))
// A process started lower still keeps its priority, and a child inherits it: nothing to see.
const testable = process.platform === 'linux' && getPriority() < BACKGROUND_PRIORITY

describe('the search index process', () => {
  it.skipIf(!testable)('runs every one of its threads below normal priority (Linux)', async () => {
    const before = children()
    const port = forkNodeProcess('index')
    try {
      // Any reply (here: "not started yet") means its entry has run.
      const replied = new Promise<ProcessMessage>((resolve) => port.onMessage(resolve))
      port.post({ type: 'call', id: 1, method: 'status', args: [] })
      await replied
      const started = [...children()].filter((pid) => !before.has(pid))
      expect(started).toHaveLength(1)
      const nices = threadNices(started[0]!)
      // Node's own threads (V8's platform workers, the inspector's, libuv's) are there already.
      expect(nices.length).toBeGreaterThan(4)
      expect(new Set(nices)).toEqual(new Set([BACKGROUND_PRIORITY]))
    } finally {
      port.kill()
    }
  })

  it.skipIf(!testable)(
    'lowers its own thread, and says so, when its threads cannot be listed',
    () => {
      // In a process of its own: the test's worker must keep its priority.
      const script = [
        `import { lowerOwnPriority } from ${JSON.stringify(MODULE)}`,
        `import { getPriority } from 'node:os'`,
        `console.log(JSON.stringify([lowerOwnPriority('/nonexistent/task'), getPriority()]))`
      ].join('\n')
      const out = execFileSync(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script
      ])
      const [said, priority] = JSON.parse(out.toString()) as [string, number]
      expect(said).toMatch(/^its threads could not be listed, only its own was lowered: ENOENT/)
      expect(priority).toBe(BACKGROUND_PRIORITY)
    }
  )

  it('leaves a Windows process as it is, and says nothing', () => {
    const before = getPriority()
    expect(lowerOwnPriority('/nonexistent/task', 'win32')).toBeUndefined()
    expect(getPriority()).toBe(before)
  })
})
