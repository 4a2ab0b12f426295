// Starts a background process (search index or import worker) as a Node child process, for the
// CLI, the e2e harness and tests (the desktop app uses Electron utility processes instead). The
// entry is the TypeScript source, run with tsx, unless the built bundle is named (benchmarks).

import { fork } from 'node:child_process'

import { NODE_ENTRIES } from './node-entries'
import { ROLE_EXEC_ARGV } from './process-limits'
import type { ProcessRole } from './node-entries'
import type { BackgroundPort, ProcessMessage } from './rpc'

/**
 * `entry` replaces the role's TypeScript source with a built bundle (benchmarks); `execArgv`
 * adds Node options (tests that give the process the shape of Electron's utility process).
 */
export function forkNodeProcess(
  role: ProcessRole,
  entry = NODE_ENTRIES[role],
  execArgv: readonly string[] = []
): BackgroundPort {
  const child = fork(entry, [], {
    execArgv: [
      ...ROLE_EXEC_ARGV[role],
      ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      ...execArgv
    ],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  // The parent may exit while the process still works: it must not be kept alive by it.
  child.unref()
  child.channel?.unref()
  // A process that dies between our `connected` check and the write fails the write (EPIPE).
  // Its exit is what fails the waiting calls, with a message; the write error itself says nothing
  // more and, unheard, would crash the caller.
  child.on('error', () => undefined)
  return {
    post: (message) => {
      if (child.connected) child.send(message, () => undefined)
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as ProcessMessage)),
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(signal ? `signal ${signal}` : `exit ${code}`))
      // A process that never started has no exit to wait for.
      child.once('error', (error) => {
        if (child.pid === undefined) listener(`could not start: ${error.message}`)
      })
    },
    kill: () => {
      child.kill()
    },
    hold: (waiting) => {
      if (waiting) child.ref()
      else child.unref()
    }
  }
}
