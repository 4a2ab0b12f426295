// The API the preload exposes as `window.briefing`: one named method per contract channel.
// Built by one factory from an `invoke` transport, so Electron's preload and the e2e bridge agree.

import { API_METHODS } from './api-methods'
import type { Channel, IpcResult, RequestOf, ResponseOf } from './ipc-contract'

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>

type Methods = typeof API_METHODS
type MethodFor<C extends Channel> =
  RequestOf<C> extends void
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>

/** `window.briefing`: results arrive as `IpcResult` values (plain data survives contextBridge). */
export type BriefingApi = { readonly [M in keyof Methods]: MethodFor<Methods[M]> }

export function createBriefingApi(invoke: Invoke): BriefingApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {}
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = (request?: unknown) => invoke(channel, request)
  }
  return Object.freeze(api) as unknown as BriefingApi
}
