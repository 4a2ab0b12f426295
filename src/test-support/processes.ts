// Processes for lock tests: one that stays alive until stopped (a live holder) and the pid of one
// that has exited (a stale claim).

import { spawn } from 'node:child_process'

/** Runs a child process that stays alive until killed; returns its pid and a stopper. */
export function liveProcess(): { pid: number; stop: () => void } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') }
}

/** The pid of a process that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid!
}
