// Transport-free IPC router: checks the sender, validates the argument with the contract's
// validator, runs the handler and returns an IpcResult. Electron's ipcMain and the e2e bridge
// both call dispatch(), so the checks exercised in tests are the ones the app runs.

import { contract, isChannel } from '../../shared/ipc-contract'
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc-contract'
import type { IpcResult } from '../../shared/ipc-result'
import { AppError } from '../errors'

/** What main knows about the frame that sent a message. */
export interface SenderInfo {
  /** URL of the sending frame. */
  url: string
  /** True when the sender is the top frame of one of our windows. */
  isMainFrame: boolean
}

export type Handler<C extends Channel> = (
  request: RequestOf<C>
) => Promise<ResponseOf<C>> | ResponseOf<C>

export interface IpcRouter {
  handle<C extends Channel>(channel: C, handler: Handler<C>): void
  dispatch(sender: SenderInfo, channel: unknown, request: unknown): Promise<IpcResult<unknown>>
  /** Channels with a registered handler. */
  channels(): Channel[]
}

export interface RouterOptions {
  isTrustedSender(sender: SenderInfo): boolean
  /** Called with unexpected (non-AppError) failures; they reach the renderer as `internal`. */
  onInternalError?(channel: Channel, error: unknown): void
}

export function createIpcRouter(options: RouterOptions): IpcRouter {
  const handlers = new Map<Channel, Handler<Channel>>()

  return {
    handle(channel, handler) {
      if (handlers.has(channel)) throw new Error(`a handler for ${channel} is already registered`)
      handlers.set(channel, handler as unknown as Handler<Channel>)
    },
    channels: () => [...handlers.keys()],
    async dispatch(sender, channel, request) {
      if (!options.isTrustedSender(sender)) {
        return failure('forbidden', 'request refused: it did not come from the app window')
      }
      if (!isChannel(channel) || !handlers.has(channel)) {
        return failure('unknown-channel', `no such request: ${String(channel).slice(0, 80)}`)
      }
      const checked = contract[channel].validate(request)
      if (!checked.ok) return failure('invalid-request', `${channel}: ${checked.message}`)
      try {
        const handler = handlers.get(channel) as Handler<Channel>
        return { ok: true, value: await handler(checked.value as never) }
      } catch (error) {
        if (error instanceof AppError) return failure(error.code, error.message)
        options.onInternalError?.(channel, error)
        return failure('internal', `${channel} failed unexpectedly; details are in the app log`)
      }
    }
  }
}

function failure(code: AppError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}
