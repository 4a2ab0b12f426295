// Starts a background process (search index or import worker) as an Electron utility process: its own V8 heap (Electron caps each
// process's JavaScript heap at 4 GB, and worker threads would share main's) and no Electron APIs.
// electron-vite builds the entry as a separate bundle and `?modulePath` gives its path.

import { app, utilityProcess } from 'electron'
import type { UtilityProcess } from 'electron'

import importEntryPath from './import/import-entry?modulePath'
import indexEntryPath from './search/index-entry?modulePath'
import type { BackgroundPort, HostMessage, ProcessMessage } from './background/rpc'
import { utilityProcessArgv } from './background/process-limits'
import { LOG_DIR_ENV } from './log/log'

const ROLES = {
  index: { entry: indexEntryPath, serviceName: 'Briefing Reader search index' },
  import: { entry: importEntryPath, serviceName: 'Briefing Reader import' }
}

/** The port at once; the process itself after `ready` (utilityProcess.fork needs it), fed in order. */
/** `logsDir`: where the process writes its own log (`<role>.log`). */
export function forkElectronProcess(role: keyof typeof ROLES, logsDir: string): BackgroundPort {
  const { entry, serviceName } = ROLES[role]
  let child: UtilityProcess | undefined
  let killed = false
  const queued: HostMessage[] = []
  const onMessage: ((message: ProcessMessage) => void)[] = []
  const onExit: ((reason: string) => void)[] = []
  void app.whenReady().then(() => {
    if (killed) return
    const started = utilityProcess.fork(entry, [], {
      serviceName,
      // A heap cap: a file too large for it fails alone (the process restarts for the next).
      execArgv: utilityProcessArgv(role),
      stdio: 'inherit',
      env: { ...process.env, [LOG_DIR_ENV]: logsDir }
    })
    started.on('message', (message) => onMessage.forEach((l) => l(message as ProcessMessage)))
    started.once('exit', (code) => onExit.forEach((l) => l(`exit ${code}`)))
    for (const message of queued.splice(0)) started.postMessage(message)
    child = started
  })
  return {
    post: (message) => (child ? child.postMessage(message) : queued.push(message)),
    onMessage: (listener) => onMessage.push(listener),
    onExit: (listener) => onExit.push(listener),
    kill: () => {
      killed = true
      if (child) child.kill()
      else onExit.forEach((listener) => listener('stopped before it started'))
    }
  }
}
