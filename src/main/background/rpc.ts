// The messages between main (or the CLI) and a background process: requests by id, replies with a
// value or an error as { code, message }. Transport-free: Electron's utility-process port and
// Node's child-process channel both carry them. One entry serves two roles: the search index
// (after `init`) and the import worker (parsing files, proposing entities).

import type { Entity } from '../../shared/dataset'
import type { IndexStatus } from '../../shared/search'
import type { ProposedEntity } from '../import/entity-tagging'
import type { ImportedFile, ImportOptions } from '../import/parse/import-file'
import type { ImportFailure } from '../import/parse/types'
import type { EngineOptions, TextQuery, TextResponse } from '../search/index-engine'

/** What a background process reports about itself (bytes). */
export interface IndexStats {
  shards: number
  cacheBytes: number
  built: number
  fromCache: number
  queryTime: { queries: number; scoringMs: number; totalMs: number }
  rss: number
  /** Peak resident set size of the process so far. */
  maxRss: number
  heapUsed: number
  /** Memory of ArrayBuffers (the index's typed arrays), outside the JavaScript heap. */
  arrayBuffers: number
}

export interface IndexMethods {
  sync(): Promise<void>
  whenComplete(): Promise<void>
  status(): Promise<IndexStatus>
  search(query: TextQuery): Promise<TextResponse>
  stats(): Promise<IndexStats>
}

export interface ImportRequest {
  name: string
  bytes: Uint8Array
  options: ImportOptions
}

export interface ImportMethods {
  parseImport(request: ImportRequest): Promise<ImportedFile | ImportFailure>
  proposeEntities(request: { text: string; known: Entity[] }): Promise<ProposedEntity[]>
}

export type BackgroundMethods = IndexMethods & ImportMethods
export type BackgroundMethod = keyof BackgroundMethods

export type HostMessage =
  | { type: 'init'; options: EngineOptions }
  | { type: 'call'; id: number; method: BackgroundMethod; params?: unknown }

export type ProcessMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { code: string; message: string } }

/** The parent's end of the channel to a background process, whatever carries it. */
export interface BackgroundPort {
  post(message: HostMessage): void
  onMessage(listener: (message: ProcessMessage) => void): void
  /** Called once if the process exits; `reason` says how. */
  onExit(listener: (reason: string) => void): void
  kill(): void
  /** Keeps this process alive while calls are waiting for replies (Node child processes only). */
  hold?(waiting: boolean): void
}

const METHODS: readonly BackgroundMethod[] = [
  'sync',
  'whenComplete',
  'status',
  'search',
  'stats',
  'parseImport',
  'proposeEntities'
]

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Record<string, unknown>
  if (message['type'] === 'init') return typeof message['options'] === 'object'
  return (
    message['type'] === 'call' &&
    typeof message['id'] === 'number' &&
    METHODS.includes(message['method'] as BackgroundMethod)
  )
}
