// The renderer's only door to main: wraps `window.briefing` and turns IpcResult failures into
// ApiError exceptions carrying the stable error code. Components and state classes import this.

import type { BriefingApi } from '../../../shared/briefing-api'
import type {
  AppInfo,
  BriefingDetail,
  BriefingSummary,
  IpcErrorCode,
  IpcResult,
  SearchRequest,
  SearchResponse
} from '../../../shared/ipc-contract'

export class ApiError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

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

export const api = {
  whenReady: (): Promise<AppInfo> => unwrap(bridge().whenReady()),
  listBriefings: (): Promise<BriefingSummary[]> => unwrap(bridge().listBriefings()),
  getBriefing: (id: string): Promise<BriefingDetail> => unwrap(bridge().getBriefing({ id })),
  search: (request: SearchRequest): Promise<SearchResponse> => unwrap(bridge().search(request))
}
