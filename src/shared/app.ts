// The app's readiness answer (app:ready): counts of what was loaded and notices for the analyst.

export interface AppInfo {
  version: string
  briefingCount: number
  sectionCount: number
  entityCount: number
  /** Problems found at start that the analyst should know of (a quarantined file, a lock). */
  notices: string[]
  /** Files the system opened with the app, waiting to be imported (`library:import-opened`). */
  filesToOpen?: number
}
