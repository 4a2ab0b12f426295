// The API the preload exposes as `window.briefing`: one named method per contract channel.
// Built by one factory from an `invoke` transport, so Electron's preload and the e2e bridge agree.

import { API_METHODS, isMenuCommand, MENU_EVENT } from './api-methods'
import type { MenuCommand } from './api-methods'
import type { Channel, RequestOf, ResponseOf } from './ipc-contract'
import type { IpcResult } from './ipc-result'

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>
/** Subscribes to an event from main; returns the function that unsubscribes. */
export type Subscribe = (
  event: typeof MENU_EVENT,
  listener: (payload: unknown) => void
) => () => void

type Methods = typeof API_METHODS
type MethodFor<C extends Channel> =
  RequestOf<C> extends void
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>

/** `window.briefing`: results arrive as `IpcResult` values (plain data survives contextBridge). */
export type BriefingApi = { readonly [M in keyof Methods]: MethodFor<Methods[M]> } & {
  /** Calls `listener` with each application-menu command; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
}

export function createBriefingApi(invoke: Invoke, subscribe: Subscribe): BriefingApi {
  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = (request?: unknown) => invoke(channel, request)
  }
  api['onMenuCommand'] = (listener: (command: MenuCommand) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function')
    // Only known commands reach the page, whatever arrives on the channel.
    return subscribe(MENU_EVENT, (payload) => {
      if (isMenuCommand(payload)) listener(payload)
    })
  }
  return Object.freeze(api) as unknown as BriefingApi
}
