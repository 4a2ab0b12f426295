// The one IPC contract between renderer and main: channel names, request/response types and one
// validator per channel. The preload API type and main's handler signatures are derived from it.

import { API_METHODS } from './api-methods'
import type {
  AnnotationChange,
  AnnotationChangeResult,
  BriefingAnnotations,
  ExportOptions,
  ExportResult,
  ImportAnnotationsResult,
  Preferences,
  PreferencesUpdate,
  SaveStatus
} from './annotation-requests'
import {
  validateBriefingIdRequest,
  validateChangeRequest,
  validateExportOptions,
  validateExternalLink,
  validatePreferencesUpdate
} from './annotation-requests'
import type { HighlightColor } from './annotations'
import type { Briefing, Entity } from './dataset'
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
import type { Validator } from './ipc-validators'

/** How every error crosses IPC. `code` is stable and machine-readable; `message` is for people. */
export interface IpcError {
  code: IpcErrorCode
  message: string
}
export type IpcErrorCode =
  | 'forbidden'
  | 'invalid-request'
  | 'unknown-channel'
  | 'not-found'
  | 'not-ready'
  | 'query-syntax'
  | 'read-only'
  | 'internal'

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface AppInfo {
  version: string
  briefingCount: number
  sectionCount: number
  entityCount: number
  /** Problems found at start that the analyst should know of (a quarantined file, a lock). */
  notices: string[]
}

export interface BriefingSummary {
  id: string
  title: string
  source: string
  published: string
  tags: string[]
  summary?: string
  sectionCount: number
  entityCount: number
  /** Imported by the analyst into this profile (the bundled briefings are not). */
  imported: boolean
}

/** A briefing with the entity records its mentions refer to. */
export interface BriefingDetail extends Briefing {
  entities: Entity[]
}

/** Facet values a search is narrowed to; a hit must match every filter given. */
export interface SearchFilters {
  briefingId?: string
  entityId?: string
  tag?: string
  /** A highlight colour: only highlights (and their notes) of that colour match. */
  color?: HighlightColor
}

export interface SearchRequest {
  query: string
  /** Maximum number of hits to return (1–200, default 20). */
  limit?: number
  /** Hits to skip, for "load more" (0–10,000, default 0). */
  offset?: number
  filters?: SearchFilters
}

/** A piece of snippet text; `mark` is true for a matched term. Rendered as text, never markup. */
export interface SnippetPart {
  text: string
  mark: boolean
}

export interface SearchHit {
  /** What matched: the briefing text, one of the analyst's highlights, or a note. */
  kind: 'text' | 'highlight' | 'note'
  /** The highlight or note that matched (kind 'highlight' or 'note'). */
  annotationId?: string
  briefingId: string
  briefingTitle: string
  sectionId: string
  heading: string
  score: number
  /** Fields the query matched in: body, heading, briefing, person, org, place, programme, tag. */
  fields: string[]
  snippet: SnippetPart[]
  /** [start, end) UTF-16 ranges of matched terms in the section text, for marking in the reader. */
  matches: [number, number][]
}

/** One facet value and how many hits (of all, not just this page) carry it. */
export interface FacetCount {
  /** What a filter names: a briefing id, entity id, tag or colour. */
  value: string
  /** What the analyst reads: a briefing title, entity name, tag or colour. */
  label: string
  count: number
}

export interface SearchFacets {
  briefing: FacetCount[]
  entity: FacetCount[]
  tag: FacetCount[]
  color: FacetCount[]
}

/** How much of the library the search index covers; searches answer from what is ready. */
export interface IndexStatus {
  /** Sections searchable now. */
  indexedSections: number
  /** Sections in the library. */
  totalSections: number
  /** Briefings whose sections are still being indexed (0 when the index is complete). */
  pendingBriefings: number
}

export interface SearchResponse {
  query: string
  /** Hits in all (after filters), of which `hits` is the page from `offset`. */
  total: number
  offset: number
  hits: SearchHit[]
  /** Counts over all hits, with the request's filters applied. */
  facets: SearchFacets
  indexing: IndexStatus
}

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
  'search:query': channel<SearchRequest, SearchResponse>(validateSearchRequest),
  'annotations:load': channel<{ briefingId: string }, BriefingAnnotations>(
    validateBriefingIdRequest
  ),
  'annotations:change': channel<
    { briefingId: string; change: AnnotationChange },
    AnnotationChangeResult
  >(validateChangeRequest),
  'annotations:undo': channel<{ briefingId: string }, BriefingAnnotations>(
    validateBriefingIdRequest
  ),
  'annotations:redo': channel<{ briefingId: string }, BriefingAnnotations>(
    validateBriefingIdRequest
  ),
  /** Retries unsaved changes and reports whether everything acknowledged is on disk. */
  'annotations:status': channel<void, SaveStatus>(validateNoRequest),
  'prefs:get': channel<void, Preferences>(validateNoRequest),
  'prefs:set': channel<PreferencesUpdate, Preferences>(validatePreferencesUpdate),
  /** Exports notes: main asks where to save (the renderer never names a path) and writes. */
  'export:notes': channel<ExportOptions, ExportResult>(validateExportOptions),
  /** Imports a W3C Web Annotation file the analyst picks in main's open dialog. */
  'annotations:import': channel<void, ImportAnnotationsResult>(validateNoRequest),
  /** Imports dropped files (name + bytes); all or nothing per file. */
  'library:import': channel<{ files: DroppedFile[] }, ImportReport>(validateDroppedFiles),
  /** Changes an imported briefing's title, source or date (the form shown after an import). */
  'library:update-details': channel<BriefingDetailsUpdate, BriefingSummary>(validateDetailsUpdate),
  /** Imports files the analyst picks in main's open dialog. */
  'library:import-dialog': channel<void, ImportDialogResult>(validateNoRequest),
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
  'entities:apply': channel<EntityDecisions, EntityDecisionsResult>(validateEntityDecisions)
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
