// The renderer's view of what the preload exposes, derived from the shared contract.

import type { BriefingApi } from '../shared/briefing-api'

declare global {
  interface Window {
    briefing: BriefingApi
  }
}

export {}
