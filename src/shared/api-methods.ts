// Names of the preload API's methods, one per contract channel: intents, not transport.
// Kept apart from the contract so the preload bundle carries only these strings.

export const API_METHODS = {
  whenReady: 'app:ready',
  listBriefings: 'library:list',
  getBriefing: 'briefing:get',
  search: 'search:query'
} as const
