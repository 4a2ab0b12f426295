// The serving side of a background process: reads calls from the parent (Electron's
// process.parentPort in a utility process, process.send / 'message' in a Node child process),
// runs them and replies with the value or the error as { code, message }.

import { AppError } from '../errors'
import type { EngineOptions } from '../search/index-engine'
import { isHostMessage } from './rpc'
import type { BackgroundMethods, ProcessMessage } from './rpc'

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

/** Answers the parent's calls with `methods`; `init` (the index's options) goes to `onInit`. */
export function serve(
  methods: Partial<BackgroundMethods>,
  onInit: (options: EngineOptions) => void = () => undefined
): void {
  onMessage((message) => {
    if (!isHostMessage(message)) return
    if (message.type === 'init') {
      onInit(message.options)
      return
    }
    const { id, method, params } = message
    const call = methods[method] as ((params: unknown) => Promise<unknown>) | undefined
    Promise.resolve()
      .then(() => {
        if (!call) throw new AppError('not-ready', `This process does not answer "${method}".`)
        return call(params)
      })
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
}
