// Loading one briefing from disk: the base snapshot, then every journal record newer than it,
// validated and replayed into a BriefingModel. Never throws on bad data: it reports it.

import { join } from 'node:path'

import { describeError } from '../../errors'
import { ANNOTATION_SCHEMA_VERSION } from '../../../shared/annotations'
import { changeOf, parseJournal } from './journal'
import type { ParsedJournal } from './journal'
import { JOURNAL, JOURNAL_PREV } from './layout'
import { BriefingModel } from './model'
import { errorCode } from '../../fs/node-fs'
import { readBaseSnapshot } from './snapshot'
import type { StoreFs } from '../../fs/types'

/** A briefing as read from disk, with what the session needs to keep appending. */
export interface LoadedBriefing {
  model: BriefingModel
  /** Highest sequence number on disk (new records continue after it). */
  lastSeq: number
  /** Sequence number of the snapshot the state started from (0 if none). */
  snapshotSeq: number
  /** `tail`: bytes past `goodLength` at load (a torn line), which the next append may cut. */
  journal: { exists: boolean; goodLength: number; lineCount: number; tail?: Uint8Array }
  /** Raw journal lines that could not be used, to be preserved at the next compaction. */
  rejected: string[]
  warnings: string[]
  readOnly?: string
}

/** Reads a briefing's snapshot and journal(s). `mayWrite` false: never rename anything. */
export async function loadBriefing(
  fs: StoreFs,
  dir: string,
  briefingId: string,
  options: { mayWrite: boolean; now: () => Date; historyLimit: number }
): Promise<LoadedBriefing> {
  const base = await readBaseSnapshot(fs, dir, briefingId, options.mayWrite, options.now)
  const model = base.snapshot
    ? BriefingModel.fromSnapshot(base.snapshot, options.historyLimit)
    : new BriefingModel(briefingId, options.historyLimit)
  const snapshotSeq = base.snapshot?.seq ?? 0
  const loaded: LoadedBriefing = {
    model,
    lastSeq: snapshotSeq,
    snapshotSeq,
    journal: { exists: false, goodLength: 0, lineCount: 0 },
    rejected: [],
    warnings: [...base.warnings],
    readOnly: base.readOnly
  }
  // The previous journal holds the changes between snapshot.prev.json and snapshot.json: needed
  // only when snapshot.json itself could not be used.
  const names = base.fellBack ? [JOURNAL_PREV, JOURNAL] : [JOURNAL]
  for (const name of names) {
    const read = await readJournal(fs, join(dir, name), name, loaded)
    if (!read) continue
    const { parsed, bytes } = read
    if (name === JOURNAL) {
      loaded.journal = {
        exists: true,
        goodLength: parsed.goodLength,
        lineCount: parsed.lineCount,
        tail: bytes.subarray(parsed.goodLength)
      }
      loaded.rejected = parsed.rejected
    }
    replay(parsed, name, loaded)
  }
  return loaded
}

async function readJournal(
  fs: StoreFs,
  path: string,
  name: string,
  loaded: LoadedBriefing
): Promise<{ parsed: ParsedJournal; bytes: Uint8Array } | undefined> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    // Appending or compacting without knowing what is there could lose it: refuse writes.
    loaded.readOnly ??= `${name} could not be read: ${describeError(error)}`
    loaded.warnings.push(`${name} could not be read: ${describeError(error)}`)
    return undefined
  }
  const parsed = parseJournal(bytes, name)
  loaded.warnings.push(...parsed.warnings)
  if (parsed.newestVersion > ANNOTATION_SCHEMA_VERSION) {
    const version = parsed.newestVersion
    loaded.readOnly ??= `${name} has changes from a newer version of the app (schema ${version})`
  }
  return { parsed, bytes }
}

function replay(parsed: ParsedJournal, name: string, loaded: LoadedBriefing): void {
  for (const { line, record } of parsed.records) {
    if (record.seq <= loaded.lastSeq) {
      // At or below the snapshot: already included. Above it: out of order, which we never write.
      if (record.seq > loaded.snapshotSeq) {
        loaded.warnings.push(`${name} line ${line}: change ${record.seq} is out of order; skipped`)
      }
      continue
    }
    if (record.seq > loaded.lastSeq + 1) {
      const missing =
        record.seq === loaded.lastSeq + 2
          ? `change ${loaded.lastSeq + 1} is`
          : `changes ${loaded.lastSeq + 1}–${record.seq - 1} are`
      loaded.warnings.push(`${name} line ${line}: ${missing} missing before this one`)
    }
    loaded.lastSeq = record.seq
    const change = changeOf(record)
    const problem = loaded.model.replay(change, record.at)
    if (problem !== undefined) {
      loaded.warnings.push(`${name} line ${line}: cannot apply ${change.op} (${problem}); skipped`)
    }
  }
}
