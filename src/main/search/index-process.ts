// Entry of the index process: runs the IndexEngine and answers calls from its parent. In the app
// it is an Electron utility process (messages on process.parentPort), in the CLI and tests a Node
// child process (process.send / 'message'). It imports no Electron module.

import { AppError } from '../ipc/app-error'
import { IndexEngine } from './index-engine'
import type { TextQuery } from './index-engine'
import { isHostMessage } from './index-rpc'
import type { IndexMethods, ProcessMessage } from './index-rpc'

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort

function send(message: ProcessMessage): void {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

function onMessage(listener: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data))
  else process.on('message', listener)
}

let engine: IndexEngine | undefined

function methodsOf(current: IndexEngine): IndexMethods {
  return {
    sync: () => current.sync(),
    whenComplete: () => current.whenComplete(),
    status: async () => current.status(),
    search: async (query: TextQuery) => current.search(query),
    stats: async () => {
      const usage = process.memoryUsage()
      return {
        ...(await current.stats()),
        rss: usage.rss,
        heapUsed: usage.heapUsed,
        maxRss: process.resourceUsage().maxRSS * 1024
      }
    }
  }
}

onMessage((message) => {
  if (!isHostMessage(message)) return
  if (message.type === 'init') {
    engine ??= new IndexEngine(message.options)
    // Starts loading at once; the first sync call from the parent waits for it.
    void engine.sync().catch((error: unknown) => console.error('Search index:', error))
    return
  }
  const { id, method, params } = message
  const current = engine
  if (!current) {
    send({ type: 'reply', id, ok: false, error: { code: 'not-ready', message: 'not started' } })
    return
  }
  const call = methodsOf(current)[method] as (params: unknown) => Promise<unknown>
  call(params).then(
    (value) => send({ type: 'reply', id, ok: true, value }),
    (error: unknown) =>
      send({
        type: 'reply',
        id,
        ok: false,
        error:
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: error instanceof Error ? error.message : String(error) }
      })
  )
})
