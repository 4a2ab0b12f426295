// Starts the index process as a Node child process, for the CLI, the e2e harness and tests (the
// desktop app uses an Electron utility process instead). The entry is TypeScript, run with tsx.

import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { IndexPort, ProcessMessage } from './index-rpc'

const ENTRY = fileURLToPath(new URL('./index-process.ts', import.meta.url))

export function forkNodeIndexProcess(): IndexPort {
  const child = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  // The parent may exit while the index still builds: it must not be kept alive by it.
  child.unref()
  child.channel?.unref()
  return {
    post: (message) => {
      if (child.connected) child.send(message)
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as ProcessMessage)),
    onExit: (listener) =>
      child.once('exit', (code, signal) => listener(signal ? `signal ${signal}` : `exit ${code}`)),
    kill: () => {
      child.kill()
    },
    hold: (waiting) => {
      if (waiting) child.ref()
      else child.unref()
    }
  }
}
