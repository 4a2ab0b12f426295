// The messages between main (or the CLI) and the index process: requests by id, replies with a
// value or an error as { code, message }. Transport-free: Electron's utility-process port and
// Node's child-process channel both carry them.

import type { IndexStatus } from '../../shared/ipc-contract'
import type { EngineOptions, TextQuery, TextResponse } from './index-engine'

/** What the index process reports about itself (bytes). */
export interface IndexStats {
  shards: number
  cacheBytes: number
  rss: number
  /** Peak resident set size of the index process so far. */
  maxRss: number
  heapUsed: number
}

export interface IndexMethods {
  sync(): Promise<void>
  whenComplete(): Promise<void>
  status(): Promise<IndexStatus>
  search(query: TextQuery): Promise<TextResponse>
  stats(): Promise<IndexStats>
}

export type IndexMethod = keyof IndexMethods

export type HostMessage =
  | { type: 'init'; options: EngineOptions }
  | { type: 'call'; id: number; method: IndexMethod; params?: unknown }

export type ProcessMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { code: string; message: string } }

/** Either end of the channel, whatever carries it. */
export interface IndexPort {
  post(message: HostMessage): void
  onMessage(listener: (message: ProcessMessage) => void): void
  /** Called once if the process exits; `reason` says how. */
  onExit(listener: (reason: string) => void): void
  kill(): void
  /** Keeps this process alive while calls are waiting for replies (Node child processes only). */
  hold?(waiting: boolean): void
}

const METHODS: readonly IndexMethod[] = ['sync', 'whenComplete', 'status', 'search', 'stats']

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Record<string, unknown>
  if (message['type'] === 'init') return typeof message['options'] === 'object'
  return (
    message['type'] === 'call' &&
    typeof message['id'] === 'number' &&
    METHODS.includes(message['method'] as IndexMethod)
  )
}
