// The renderer's only door to main: wraps `window.briefing` and turns IpcResult failures into
// ApiError exceptions carrying the stable error code. Components and state classes import this.

import type { MenuCommand } from '../../../shared/api-methods'
import type { BriefingApi } from '../../../shared/briefing-api'
import type {
  AnnotationChange,
  BriefingAnnotations,
  ExportOptions,
  ExportResult,
  ImportAnnotationsResult,
  Preferences,
  PreferencesUpdate,
  SaveStatus
} from '../../../shared/annotation-requests'
import type {
  EntityDecisions,
  EntityDecisionsResult,
  EntityReview,
  PendingReview
} from '../../../shared/entity-review'
import type {
  BriefingDetailsUpdate,
  DroppedFile,
  ImportDialogResult,
  ImportReport
} from '../../../shared/import-requests'
import type { AppInfo } from '../../../shared/app'
import type { IpcErrorCode, IpcResult } from '../../../shared/ipc-result'
import type { BriefingDetail, BriefingSummary } from '../../../shared/library'
import type { SearchRequest, SearchResponse } from '../../../shared/search'
import type {
  ReanchorReport,
  ReplaceVersionRequest,
  ReplaceVersionResult,
  VersionList
} from '../../../shared/version-requests'

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
  search: (request: SearchRequest): Promise<SearchResponse> => unwrap(bridge().search(request)),
  loadAnnotations: (briefingId: string): Promise<BriefingAnnotations> =>
    unwrap(bridge().loadAnnotations({ briefingId })),
  changeAnnotation: (briefingId: string, change: AnnotationChange): Promise<BriefingAnnotations> =>
    unwrap(bridge().changeAnnotation({ briefingId, change })),
  undo: (briefingId: string): Promise<BriefingAnnotations> => unwrap(bridge().undo({ briefingId })),
  redo: (briefingId: string): Promise<BriefingAnnotations> => unwrap(bridge().redo({ briefingId })),
  saveStatus: (): Promise<SaveStatus> => unwrap(bridge().saveStatus()),
  getPreferences: (): Promise<Preferences> => unwrap(bridge().getPreferences()),
  setPreferences: (update: PreferencesUpdate): Promise<Preferences> =>
    unwrap(bridge().setPreferences(update)),
  /** Exports notes; main asks the analyst where to save. */
  exportNotes: (options: ExportOptions): Promise<ExportResult> =>
    unwrap(bridge().exportNotes(options)),
  /** Imports a W3C Web Annotation file the analyst picks in main's open dialog. */
  importAnnotations: (): Promise<ImportAnnotationsResult> => unwrap(bridge().importAnnotations()),
  /** Imports briefing files dropped on the window (their names and base64 bytes). */
  importFiles: (files: DroppedFile[]): Promise<ImportReport> =>
    unwrap(bridge().importFiles({ files })),
  /** Imports briefing files the analyst picks in main's open dialog (File → Import). */
  importFromDialog: (): Promise<ImportDialogResult> => unwrap(bridge().importFromDialog()),
  /** Changes an imported briefing's title, source or date; returns its updated summary. */
  updateBriefingDetails: (update: BriefingDetailsUpdate): Promise<BriefingSummary> =>
    unwrap(bridge().updateBriefingDetails(update)),
  /** Replaces a briefing with an import offered as its new version, imports it apart, or skips. */
  decideVersion: (request: ReplaceVersionRequest): Promise<ReplaceVersionResult> =>
    unwrap(bridge().decideVersion(request)),
  /** The kept previous versions of an imported briefing, newest first. */
  listVersions: (briefingId: string): Promise<VersionList> =>
    unwrap(bridge().listVersions({ briefingId })),
  /** Makes kept version `version` the current text again; reports how highlights re-anchored. */
  restoreVersion: (briefingId: string, version: number): Promise<ReanchorReport> =>
    unwrap(bridge().restoreVersion({ briefingId, version })),
  /** Imported briefings with proposed entities still to review. */
  pendingEntityReviews: (): Promise<PendingReview[]> => unwrap(bridge().pendingEntityReviews()),
  /** The proposed entities of an imported briefing, and the library's entities to merge with. */
  reviewEntities: (briefingId: string): Promise<EntityReview> =>
    unwrap(bridge().reviewEntities({ briefingId })),
  /** Applies the analyst's decisions on proposed entities (all or nothing). */
  applyEntityDecisions: (request: EntityDecisions): Promise<EntityDecisionsResult> =>
    unwrap(bridge().applyEntityDecisions(request)),
  /** Listens for application-menu commands; returns the function that stops listening. */
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) =>
    bridge().onMenuCommand(listener),
  /** Asks main to open an https link from a note; main confirms with the analyst first. */
  openExternalLink: (url: string): Promise<{ opened: boolean }> =>
    unwrap(bridge().openExternalLink({ url }))
}
