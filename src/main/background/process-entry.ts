// Entry of the background processes. As the search index (after `init`) it runs the IndexEngine;
// as the import worker it parses files and proposes entities. In the app it is an Electron
// utility process (messages on process.parentPort), in the CLI and e2e a Node child process
// (process.send / 'message'). It imports no Electron module.

import { AppError } from '../ipc/app-error'
import { proposeEntities } from '../import/entity-tagging'
import { importFile } from '../import/import-file'
import { IndexEngine } from '../search/index-engine'
import { isHostMessage } from './rpc'
import type { BackgroundMethods, ImportRequest, ProcessMessage } from './rpc'
import type { Entity } from '../../shared/dataset'

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

function notStarted(): never {
  throw new AppError('not-ready', 'The search index has not been started in this process.')
}

const methods: BackgroundMethods = {
  sync: () => (engine ?? notStarted()).sync(),
  whenComplete: () => (engine ?? notStarted()).whenComplete(),
  status: async () => (engine ?? notStarted()).status(),
  search: async (query) => (engine ?? notStarted()).search(query),
  stats: async () => {
    const usage = process.memoryUsage()
    const base = engine
      ? await engine.stats()
      : { shards: 0, cacheBytes: 0, built: 0, fromCache: 0 }
    return {
      ...base,
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      maxRss: process.resourceUsage().maxRSS * 1024
    }
  },
  parseImport: async ({ name, bytes, options }: ImportRequest) => importFile(name, bytes, options),
  proposeEntities: async ({ text, known }: { text: string; known: Entity[] }) =>
    proposeEntities(text, known)
}

onMessage((message) => {
  if (!isHostMessage(message)) return
  if (message.type === 'init') {
    engine ??= new IndexEngine(message.options)
    // Starts loading at once; calls from the parent wait for it where they need to.
    void engine.sync().catch((error: unknown) => console.error('Search index:', error))
    return
  }
  const { id, method, params } = message
  const call = methods[method] as (params: unknown) => Promise<unknown>
  Promise.resolve()
    .then(() => call(params))
    .then(
      (value) => send({ type: 'reply', id, ok: true, value }),
      (error: unknown) =>
        send({
          type: 'reply',
          id,
          ok: false,
          error:
            error instanceof AppError
              ? { code: error.code, message: error.message }
              : {
                  code: 'internal',
                  message: error instanceof Error ? error.message : String(error)
                }
        })
    )
})
