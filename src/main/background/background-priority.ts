// Runs the search index's process below normal CPU priority. Its build is background work, and
// while it held both cores of a two-core machine, main's garbage collector waited for a core and
// paused main's event loop for 35-130 ms at 50,000 sections (bench/results.md, "Search").

import { readdirSync } from 'node:fs'
import { constants, setPriority } from 'node:os'

/** Nice 10 on Linux and macOS; the below-normal priority class on Windows. */
export const BACKGROUND_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL

/**
 * Lowers every thread of this process to BACKGROUND_PRIORITY; answers why not, if the system
 * refused (a sandbox, say), and the process then runs as it was. On Linux a priority belongs to
 * a thread, and V8's and Node's threads are made before any JavaScript runs: each is lowered by
 * its id (`/proc/self/task`), and threads made later take the priority of the thread making them.
 * On macOS and Windows the process's priority covers its threads.
 */
export function lowerOwnPriority(tasksDir = '/proc/self/task'): string | undefined {
  try {
    const threads = process.platform === 'linux' ? readdirSync(tasksDir).map(Number) : [0]
    for (const thread of threads) setPriority(thread, BACKGROUND_PRIORITY)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}
