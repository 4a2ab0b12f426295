// Runs the search index's process below normal CPU priority. Its build is background work, and
// while it held both cores of a two-core machine, main's garbage collector waited for a core and
// paused main's event loop for 35-130 ms at 50,000 sections (bench/results.md, "Search").

import { readdirSync } from 'node:fs'
import { constants, setPriority } from 'node:os'

/** Nice 10 on Linux and macOS; the below-normal priority class on Windows. */
export const BACKGROUND_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL

/**
 * Lowers every thread of this process to BACKGROUND_PRIORITY; answers what the system refused (a
 * sandbox may allow a process only its own main thread), and those threads run as they were. On
 * Linux a priority belongs to a thread, and V8's and Node's threads are made before any
 * JavaScript runs: each is lowered by its id (`/proc/self/task`), and threads made later take the
 * priority of the thread making them. On macOS and Windows the process's priority covers them.
 */
export function lowerOwnPriority(tasksDir = '/proc/self/task'): string | undefined {
  let threads = [0]
  const refused: string[] = []
  if (process.platform === 'linux') {
    try {
      threads = readdirSync(tasksDir).map(Number)
    } catch (error) {
      refused.push(`its threads could not be listed: ${(error as Error).message}`)
    }
  }
  let kept = 0
  for (const thread of threads) {
    try {
      setPriority(thread, BACKGROUND_PRIORITY)
    } catch (error) {
      if (kept++ === 0) refused.push((error as Error).message)
    }
  }
  if (kept > 0) refused.unshift(`${kept} of ${threads.length} threads kept their priority`)
  return refused.length > 0 ? refused.join('; ') : undefined
}
