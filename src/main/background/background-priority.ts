// Runs the search index's process a little below normal CPU priority. Its build is background
// work, and while it held both cores of a two-core machine, main's garbage collector waited for a
// core and paused main's event loop (44.8-102.8 ms at 50,000 tagged sections; bench/results.md).

import { readdirSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'

import { describeError } from '../errors'

/**
 * Nice 5: with it main's delay met its 50 ms in 7 of 7 bench runs, without it in 1 of 8, while a
 * query at nice 10 took ~5× as long beside two busy processes (at nice 5 ~1.3×). An unprivileged
 * process can never take a priority back, so the queries pay it too.
 */
export const BACKGROUND_PRIORITY = 5

/**
 * Lowers every thread of this process to BACKGROUND_PRIORITY; answers what the system refused, and
 * those threads run as they were. On Linux a priority belongs to a thread, and V8's and Node's
 * threads are made before any JavaScript runs: each is lowered by its id (`/proc/self/task`), and
 * threads made later take the priority of the thread making them. On macOS the process's priority
 * covers its threads. Windows is left alone: there nice 5 is the normal class, and a below-normal
 * thread runs only when no normal one is ready, so a busy machine could hold search for seconds.
 */
export function lowerOwnPriority(
  tasksDir = '/proc/self/task',
  platform: NodeJS.Platform = process.platform
): string | undefined {
  if (platform === 'win32') return undefined
  let threads = [0]
  const problems: string[] = []
  if (platform === 'linux') {
    try {
      threads = readdirSync(tasksDir).map(Number)
    } catch (error) {
      problems.push(
        `its threads could not be listed, only its own was lowered: ${describeError(error)}`
      )
    }
  }
  let kept = 0
  for (const thread of threads) {
    try {
      // Started at a lower priority still (`nice -n 15`): raising it is refused, and not wanted.
      if (getPriority(thread) < BACKGROUND_PRIORITY) setPriority(thread, BACKGROUND_PRIORITY)
    } catch (error) {
      if ((error as { info?: { code?: string } }).info?.code === 'ESRCH') continue // It ended.
      if (kept++ === 0) problems.push(describeError(error))
    }
  }
  if (kept > 0) problems.unshift(`${kept} of ${threads.length} threads kept their priority`)
  return problems.length > 0 ? problems.join('; ') : undefined
}
