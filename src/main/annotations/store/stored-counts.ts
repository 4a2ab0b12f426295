// Highlights and notes per briefing for the library's cards without reading every store: a
// briefing open in this process is counted from memory; any other from the counts file when its
// files' stamp still matches, else from disk (and the file brought up to date in the background).

import { join } from 'node:path'

import { describeError } from '../../errors'
import type { AnnotationCounts } from '../../library/profile-summaries'
import { writeFileAtomically } from '../../fs/atomic-write'
import { errorCode } from '../../fs/node-fs'
import type { StoreFs } from '../../fs/types'
import { log } from '../../log/log'
import { COUNTS_FILE, parseCounts, serializeCounts } from './counts-file'
import type { CountsEntry } from './counts-file'
import { briefingDir, JOURNAL, SNAPSHOT } from './layout'
import { loadBriefing } from './load'
import type { LoadedAnnotations } from './types'

/** A highlight carrying a note counts as a highlight and as a note: the analyst wrote both. */
export function countsOf(
  loaded: Pick<LoadedAnnotations, 'highlights' | 'notes'>
): AnnotationCounts {
  return {
    highlights: loaded.highlights.length,
    notes: loaded.notes.length + loaded.highlights.filter((h) => h.note.trim() !== '').length
  }
}

/**
 * Which version of a briefing's files is on disk: inode, size and modification time of the
 * snapshot and the journal. Every write changes one of them (an append grows the journal, a
 * compaction renames new files in), so an entry whose stamp matches was counted from these very
 * files; undefined when the files cannot be stat'ed (then nothing is trusted or recorded).
 */
export async function stampOf(fs: StoreFs, dir: string): Promise<string | undefined> {
  const stat = fs.stat
  if (!stat) return undefined
  try {
    const parts = await Promise.all(
      [SNAPSHOT, JOURNAL].map(async (name) => {
        try {
          const s = await stat(join(dir, name))
          return `${s.ino}:${s.size}:${s.mtimeMs}`
        } catch (error) {
          if (errorCode(error) === 'ENOENT') return '-'
          throw error
        }
      })
    )
    return parts.join('|')
  } catch {
    return undefined
  }
}

export interface CountsContext {
  root: string
  fs: StoreFs
  now: () => Date
  historyLimit: number
  readOnly: () => string | undefined
  /** Throws when the profile cannot be written now (its writer lock). */
  beforeWrite: () => Promise<void>
  /** The state of a briefing open in this process (its memory is what the analyst sees). */
  openView: (briefingId: string) => Promise<LoadedAnnotations> | undefined
}

export class StoredCounts {
  private entries?: Promise<Map<string, CountsEntry>>
  /** Set when the file was written by a newer app: it is left as it is. */
  private keepFile = false
  private saving: Promise<void> = Promise.resolve()
  private closed = false

  constructor(private readonly ctx: CountsContext) {}

  /** Counts of each of `briefingIds`; a briefing whose annotations cannot be read is left out. */
  async of(briefingIds: readonly string[]): Promise<Map<string, AnnotationCounts>> {
    const entries = await this.read()
    let recorded = false
    const counted = await Promise.all(
      briefingIds.map(async (id) => {
        const open = this.ctx.openView(id)
        if (open) {
          const view = await open.catch(() => undefined)
          return view && ([id, countsOf(view)] as const)
        }
        const entry = await this.fromDisk(id, entries.get(id))
        if (!entry) return undefined
        if (entry.stamp !== '' && entries.get(id) !== entry) {
          entries.set(id, entry)
          recorded = true
        }
        return [id, { highlights: entry.highlights, notes: entry.notes }] as const
      })
    )
    if (recorded) this.save(entries)
    return new Map(counted.filter((entry) => entry !== undefined))
  }

  /**
   * A briefing a session has just read (`stamp` taken before the read): the file is corrected
   * where it holds another count for these same files. Bit rot inside a journal keeps the files' size and time, so
   * the stamp still matched and listings went on showing the count from before the damage.
   */
  async loaded(id: string, stamp: string | undefined, counts: AnnotationCounts): Promise<void> {
    if (stamp === undefined) return
    const entries = await this.read()
    const known = entries.get(id)
    // Another stamp is recounted by the next listing anyway: no write on every open.
    if (known?.stamp !== stamp) return
    if (known.highlights === counts.highlights && known.notes === counts.notes) return
    log.warn('annotation counts file corrected: a briefing loaded with another count than stamped')
    entries.set(id, { stamp, ...counts })
    this.save(entries)
  }

  /** Waits for a write of the file under way; none starts after this. */
  async close(): Promise<void> {
    this.closed = true
    await this.saving
  }

  /**
   * `known` if the files are still those it was counted from; else counted from disk without
   * opening the briefing (no rename, no session). The stamp is taken before the read, so a write
   * in between leaves an entry that mismatches next time (recounted), never one that lies.
   */
  private async fromDisk(id: string, known?: CountsEntry): Promise<CountsEntry | undefined> {
    let dir: string
    try {
      dir = briefingDir(this.ctx.root, id)
    } catch {
      return undefined
    }
    const stamp = await stampOf(this.ctx.fs, dir)
    if (stamp !== undefined && known?.stamp === stamp) return known
    const loaded = await loadBriefing(this.ctx.fs, dir, id, {
      mayWrite: false,
      now: this.ctx.now,
      historyLimit: this.ctx.historyLimit
    }).catch(() => undefined)
    if (!loaded) return undefined
    return { stamp: stamp ?? '', ...countsOf(loaded.model.contents()) }
  }

  private read(): Promise<Map<string, CountsEntry>> {
    this.entries ??= (async () => {
      const bytes = await this.ctx.fs
        .readFile(join(this.ctx.root, COUNTS_FILE))
        .catch(() => undefined)
      const read = parseCounts(bytes)
      if (read.kind === 'ok') return read.entries
      if (read.kind === 'damaged')
        log.warn('annotation counts file damaged: counting from the stores and writing it anew')
      if (read.kind === 'newer') this.keepFile = true
      return new Map<string, CountsEntry>()
    })()
    return this.entries
  }

  private save(entries: ReadonlyMap<string, CountsEntry>): void {
    if (this.closed || this.keepFile || this.ctx.readOnly() !== undefined) return
    this.saving = this.saving.then(async () => {
      try {
        await this.ctx.beforeWrite()
        await this.ctx.fs.mkdir(this.ctx.root)
        await writeFileAtomically(
          this.ctx.fs,
          join(this.ctx.root, COUNTS_FILE),
          serializeCounts(entries)
        )
      } catch (error) {
        // Only a cache: the next listing counts from the stores again.
        log.warn(`annotation counts file not written: ${describeError(error)}`)
      }
    })
  }
}
