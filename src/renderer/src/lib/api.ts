// The renderer's only door to main: `window.briefing` with each IpcResult failure turned into an
// ApiError carrying the stable error code. Derived from BriefingApi and the channel table, so a
// new channel needs no edit here. Components and state classes import this.

import { API_METHODS } from '../../../shared/api-methods'
import type { BriefingApi } from '../../../shared/briefing-api'
import type { IpcErrorCode, IpcResult } from '../../../shared/ipc-result'

export class ApiError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** A BriefingApi method answering with its value (or throwing ApiError) instead of an IpcResult. */
type Unwrapped<F> = F extends (...args: infer A) => Promise<IpcResult<infer T>>
  ? (...args: A) => Promise<T>
  : F

/** `window.briefing` as components use it: same methods and requests, plain answers. */
export type Api = { readonly [M in keyof BriefingApi]: Unwrapped<BriefingApi[M]> }

type Method = keyof typeof API_METHODS
type RawMethod = (request?: unknown) => Promise<IpcResult<unknown>>

function bridge(): BriefingApi {
  const api = (window as { briefing?: BriefingApi }).briefing
  if (!api) throw new ApiError('internal', 'The app bridge is missing: the preload did not run.')
  return api
}

async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message)
}

function createApi(): Api {
  const methods: Record<string, unknown> = {}
  // The bridge is looked up at each call, not here: unit tests import states without a preload.
  for (const method of Object.keys(API_METHODS) as Method[]) {
    methods[method] = (request?: unknown) => unwrap((bridge()[method] as RawMethod)(request))
  }
  const onMenuCommand: Api['onMenuCommand'] = (listener) => bridge().onMenuCommand(listener)
  methods['onMenuCommand'] = onMenuCommand
  return Object.freeze(methods) as unknown as Api
}

export const api: Api = createApi()
