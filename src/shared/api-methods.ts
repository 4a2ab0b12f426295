// Names of the preload API's methods, one per contract channel: intents, not transport.
// Kept apart from the contract so the preload bundle carries only these strings.

export const API_METHODS = {
  whenReady: 'app:ready',
  listBriefings: 'library:list',
  getBriefing: 'briefing:get',
  search: 'search:query',
  loadAnnotations: 'annotations:load',
  changeAnnotation: 'annotations:change',
  undo: 'annotations:undo',
  redo: 'annotations:redo',
  saveStatus: 'annotations:status',
  getPreferences: 'prefs:get',
  setPreferences: 'prefs:set',
  openExternalLink: 'link:open'
} as const
