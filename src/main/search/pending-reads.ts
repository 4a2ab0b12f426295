// What the index has still to read of the library: the files (or the folder) the last sync could
// not read, or all of it after a sync that failed. Read again a little later: a file locked for a
// moment (a virus scanner, a backup) must not stay out of search until the next import.

import { log } from '../log/log'

/** Waits before each read again of the same files; then they wait for the next sync. */
export const RETRY_MS: readonly number[] = [1000, 4000, 15_000, 60_000]

export class PendingReads {
  readonly #dir: string
  readonly #delays: readonly number[]
  readonly #readAgain: () => void
  #failed = false
  #unreadable: readonly string[] = []
  #attempt = 0
  /** What the tries counted in #attempt are for. */
  #trying = new Set<string>()
  #timer: ReturnType<typeof setTimeout> | undefined
  #stopped = false

  /** `readAgain` queues a sync of what `pending()` says when its turn comes. */
  constructor(libraryDir: string, delays: readonly number[], readAgain: () => void) {
    this.#dir = libraryDir
    this.#delays = delays
    this.#readAgain = readAgain
  }

  /** After a sync that read what it could: `unreadable`, the files it left out. */
  read(unreadable: readonly string[]): void {
    this.#failed = false
    this.#unreadable = unreadable
    this.#schedule(unreadable)
  }

  /** After a sync that failed: the view may be behind what it read, so all is read next. */
  failed(): void {
    this.#failed = true
    this.#schedule([this.#dir])
  }

  /**
   * The files a sync by difference reads: `changed` and those the last sync left out; undefined
   * (the whole library) after a failed sync, or when the folder itself could not be listed.
   */
  withUnread(changed: ReadonlySet<string>): ReadonlySet<string> | undefined {
    const dir = this.#dir
    if (this.#failed || this.#unreadable.includes(dir)) return undefined
    if (this.#unreadable.length === 0) return changed
    return new Set([...changed, ...this.#unreadable.map((file) => file.slice(dir.length + 1))])
  }

  /**
   * What a read again reads, asked when its turn comes (a sync queued meanwhile may have read the
   * files, or left out others): null when nothing is left.
   */
  pending(): ReadonlySet<string> | undefined | null {
    return this.#failed || this.#unreadable.length > 0 ? this.withUnread(new Set()) : null
  }

  /** No more reads again (the engine is closing). */
  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
  }

  #schedule(unread: readonly string[]): void {
    clearTimeout(this.#timer)
    // A file not among those tried is a failure of its own, with tries of its own; files that
    // were read again (fewer left) go on counting, so alternating answers cannot retry forever.
    if (unread.length === 0 || unread.some((file) => !this.#trying.has(file))) this.#attempt = 0
    this.#trying = new Set(unread)
    if (unread.length === 0 || this.#stopped) return
    const delay = this.#delays[this.#attempt]
    if (delay === undefined) {
      log.warn(`search index: ${unread.join(', ')} still left out; the next sync reads it again`)
      return
    }
    this.#attempt += 1
    this.#timer = setTimeout(this.#readAgain, delay)
    // Never what keeps a process (or a test run) alive.
    this.#timer.unref?.()
  }
}
