// Starts a background process ahead of its first use, so that its own start (a Node or Chromium
// process, its modules) overlaps the caller's work; what it says before anyone listens is kept.

import type { BackgroundPort, HostMessage, ProcessMessage } from './rpc'

export interface StartedAhead {
  /** The process started ahead the first time (a later call starts another: a restart). */
  take(): BackgroundPort
  /** Stops the process started ahead if it was never taken (the caller's start failed). */
  discard(): void
}

export function startAhead(spawn: () => BackgroundPort): StartedAhead {
  let early: BackgroundPort | undefined = kept(spawn())
  return {
    take() {
      const port = early ?? spawn()
      early = undefined
      return port
    },
    discard() {
      early?.kill()
      early = undefined
    }
  }
}

/** `port`, its messages and exit kept until a listener comes (a process may exit early). */
function kept(port: BackgroundPort): BackgroundPort {
  const messages: ProcessMessage[] = []
  const messageListeners: ((message: ProcessMessage) => void)[] = []
  const exitListeners: ((reason: string) => void)[] = []
  let exit: string | undefined
  port.onMessage((message) => {
    if (messageListeners.length === 0) messages.push(message)
    for (const listener of messageListeners) listener(message)
  })
  port.onExit((reason) => {
    exit = reason
    for (const listener of exitListeners) listener(reason)
  })
  const hold = port.hold?.bind(port)
  return {
    post: (message: HostMessage) => port.post(message),
    onMessage(listener) {
      messageListeners.push(listener)
      for (const message of messages.splice(0)) listener(message)
    },
    onExit(listener) {
      exitListeners.push(listener)
      if (exit !== undefined) listener(exit)
    },
    kill: () => port.kill(),
    ...(hold ? { hold } : {})
  }
}
