// The one IPC contract between renderer and main: the table of channels, each with its request
// and response types (defined in their domain files) and its validator. The preload API type and
// main's handler signatures are derived from it.

import { API_METHODS } from './api-methods'
import type { AppInfo } from './app'
import type { AnnotationChangeResult, AnnotationsDelta } from './annotation-delta'
import type {
  AnnotationChange,
  BriefingAnnotations,
  ExportOptions,
  ExportResult,
  ImportAnnotationsResult,
  Preferences,
  PreferencesUpdate,
  SaveStatus,
  WaitingBriefing
} from './annotation-requests'
import {
  validateBriefingIdRequest,
  validateChangeRequest,
  validateExportOptions,
  validateExternalLink,
  validatePreferencesUpdate
} from './annotation-requests'
import type {
  EntityDecisions,
  EntityDecisionsResult,
  EntityReview,
  PendingReview
} from './entity-review'
import { validateBriefingReview, validateEntityDecisions } from './entity-review'
import type {
  BriefingDetailsUpdate,
  DroppedFile,
  ImportDialogResult,
  ImportReport
} from './import-requests'
import { validateDetailsUpdate, validateDroppedFiles } from './import-requests'
import { validateBriefingRequest, validateNoRequest, validateSearchRequest } from './ipc-validators'
import type { BriefingDetail, BriefingSummary } from './library'
import type {
  AnnotationsPart,
  AnnotationsPartRequest,
  BriefingPart,
  BriefingPartRequest
} from './briefing-parts'
import { validateAnnotationsPartRequest, validateBriefingPartRequest } from './briefing-parts'
import type { ReadingPosition, SavedPosition } from './reading'
import { validateReadingPosition, validateReadingRequest } from './reading'
import type { NotebookExportRequest, NotebookPage, NotebookRequest } from './notebook'
import { validateNotebookExport, validateNotebookRequest } from './notebook'
import type { Validator } from './schema'
import type { SearchRequest, SearchResponse } from './search'
import type {
  ReanchorReport,
  ReplaceVersionRequest,
  ReplaceVersionResult,
  RestoreVersionRequest,
  VersionList
} from './version-requests'
import {
  validateReplaceVersion,
  validateRestoreVersion,
  validateVersionsRequest
} from './version-requests'

export interface ChannelSpec<Req, Res> {
  validate: Validator<Req>
  /** Phantom field carrying the response type; never set at run time. */
  response?: Res
}

function channel<Req, Res>(validate: Validator<Req>): ChannelSpec<Req, Res> {
  return { validate }
}

export const contract = {
  /** Resolves once the dataset and search index are loaded: the renderer's "app is ready". */
  'app:ready': channel<void, AppInfo>(validateNoRequest),
  'library:list': channel<void, BriefingSummary[]>(validateNoRequest),
  'briefing:get': channel<{ id: string }, BriefingDetail>(validateBriefingRequest),
  /** One part of a briefing (the reader opens big ones in parts: no single long answer). */
  'briefing:get-part': channel<BriefingPartRequest, BriefingPart>(validateBriefingPartRequest),
  'search:query': channel<SearchRequest, SearchResponse>(validateSearchRequest),
  'annotations:load': channel<{ briefingId: string }, BriefingAnnotations>(
    validateBriefingIdRequest
  ),
  /** One part of a briefing's annotations (its highlights in parts, the rest with the first). */
  'annotations:load-part': channel<AnnotationsPartRequest, AnnotationsPart>(
    validateAnnotationsPartRequest
  ),
  /** Edits answer with what changed (a delta), not the whole set: see annotation-delta.ts. */
  'annotations:change': channel<
    { briefingId: string; change: AnnotationChange },
    AnnotationChangeResult
  >(validateChangeRequest),
  'annotations:undo': channel<{ briefingId: string }, AnnotationsDelta>(validateBriefingIdRequest),
  'annotations:redo': channel<{ briefingId: string }, AnnotationsDelta>(validateBriefingIdRequest),
  /** Retries unsaved changes and reports whether everything acknowledged is on disk. */
  'annotations:status': channel<void, SaveStatus>(validateNoRequest),
  'prefs:get': channel<void, Preferences>(validateNoRequest),
  'prefs:set': channel<PreferencesUpdate, Preferences>(validatePreferencesUpdate),
  /** Exports notes: main asks where to save (the renderer never names a path) and writes. */
  'export:notes': channel<ExportOptions, ExportResult>(validateExportOptions),
  /** Imports a W3C Web Annotation file the analyst picks in main's open dialog. */
  'annotations:import': channel<void, ImportAnnotationsResult>(validateNoRequest),
  /** Briefings that annotations imported earlier wait for (attached when they are imported). */
  'annotations:waiting': channel<void, WaitingBriefing[]>(validateNoRequest),
  /** Writes the library backup (imported briefings and every annotation) where main's dialog says. */
  'export:backup': channel<void, ExportResult>(validateNoRequest),
  /** Imports dropped files (name + bytes); all or nothing per file. */
  'library:import': channel<{ files: DroppedFile[] }, ImportReport>(validateDroppedFiles),
  /** Changes an imported briefing's title, source or date (the form shown after an import). */
  'library:update-details': channel<BriefingDetailsUpdate, BriefingSummary>(validateDetailsUpdate),
  /** Imports files the analyst picks in main's open dialog. */
  'library:import-dialog': channel<void, ImportDialogResult>(validateNoRequest),
  /** Imports the files the system opened with the app (command line, second start, Finder). */
  'library:import-opened': channel<void, ImportDialogResult>(validateNoRequest),
  /** Decides on an import offered as a new version (by its token): replace, separate or skip. */
  'library:replace-version': channel<ReplaceVersionRequest, ReplaceVersionResult>(
    validateReplaceVersion
  ),
  /** The kept previous versions of an imported briefing. */
  'library:list-versions': channel<{ briefingId: string }, VersionList>(validateVersionsRequest),
  /** Makes a kept version current again (the current text is kept in turn). */
  'library:restore-version': channel<RestoreVersionRequest, ReanchorReport>(validateRestoreVersion),
  /** Opens a link from a note in the system browser, after the analyst confirms (https only). */
  'link:open': channel<{ url: string }, { opened: boolean }>(validateExternalLink),
  /** Imported briefings with proposed entities still to review, and how many. */
  'entities:pending': channel<void, PendingReview[]>(validateNoRequest),
  /** The proposed entities of one imported briefing, and the library's entities to merge with. */
  'entities:review': channel<{ briefingId: string }, EntityReview>(validateBriefingReview),
  /** Accepts, renames, merges or rejects proposed entities; all or nothing. */
  'entities:apply': channel<EntityDecisions, EntityDecisionsResult>(validateEntityDecisions),
  /** Where the analyst stopped reading a briefing; null when never opened. */
  'reading:get': channel<{ briefingId: string }, SavedPosition | null>(validateReadingRequest),
  /** Saves the reading position (the renderer debounces: not on every scroll event). */
  'reading:save': channel<ReadingPosition, { saved: boolean }>(validateReadingPosition),
  /** One page of the library's highlights and notes, filtered, grouped and sorted (the notebook). */
  'notebook:list': channel<NotebookRequest, NotebookPage>(validateNotebookRequest),
  /** The Markdown export of what the notebook's filter keeps; main's dialog picks the file. */
  'notebook:export': channel<NotebookExportRequest, ExportResult>(validateNotebookExport)
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> =
  Contract[C] extends ChannelSpec<infer Req, unknown> ? Req : never
export type ResponseOf<C extends Channel> =
  Contract[C] extends ChannelSpec<unknown, infer Res> ? Res : never

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

// Every API method must name a channel of the contract (checked by the compiler).
const methodsNameChannels: Record<string, Channel> = API_METHODS
void methodsNameChannels
