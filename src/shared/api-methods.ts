// Names of the preload API's methods, one per contract channel: intents, not transport.
// Kept apart from the contract so the preload bundle carries only these strings.

export const API_METHODS = {
  whenReady: 'app:ready',
  listBriefings: 'library:list',
  getBriefing: 'briefing:get',
  getBriefingPart: 'briefing:get-part',
  search: 'search:query',
  loadAnnotations: 'annotations:load',
  loadAnnotationsPart: 'annotations:load-part',
  changeAnnotation: 'annotations:change',
  undo: 'annotations:undo',
  redo: 'annotations:redo',
  saveStatus: 'annotations:status',
  getPreferences: 'prefs:get',
  setPreferences: 'prefs:set',
  openExternalLink: 'link:open',
  exportNotes: 'export:notes',
  importAnnotations: 'annotations:import',
  waitingAnnotations: 'annotations:waiting',
  exportBackup: 'export:backup',
  importFiles: 'library:import',
  importFromDialog: 'library:import-dialog',
  importOpenedFiles: 'library:import-opened',
  updateBriefingDetails: 'library:update-details',
  decideVersion: 'library:replace-version',
  listVersions: 'library:list-versions',
  restoreVersion: 'library:restore-version',
  pendingEntityReviews: 'entities:pending',
  reviewEntities: 'entities:review',
  applyEntityDecisions: 'entities:apply',
  getReadingPosition: 'reading:get',
  saveReadingPosition: 'reading:save',
  listNotebook: 'notebook:list',
  exportNotebook: 'notebook:export'
} as const

/**
 * The one event main sends to the renderer: a command chosen in the application menu, or
 * `import-opened` when the system opened files with the app (they wait in main to be taken).
 */
export const MENU_EVENT = 'menu:command'
export const MENU_COMMANDS = [
  'undo',
  'redo',
  'find',
  'export-notes',
  'import-briefings',
  'import-opened',
  'reading-settings',
  'text-bigger',
  'text-smaller',
  'text-reset',
  'notebook',
  'toggle-panel'
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}
