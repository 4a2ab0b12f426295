// Annotations imported for a briefing this profile does not have (yet): kept in the profile, one
// file per briefing, instead of being dropped, and attached when a briefing with that id arrives
// (moving to another laptop loses nothing, issue #13).

import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

import type { WaitingBriefing } from '../../shared/annotation-requests'
import { writeFileAtomically } from '../fs/atomic-write'
import { nodeStoreFs } from '../fs/node-fs'
import type { ImportedHighlight, ImportedNote } from './w3c/w3c-model'

/** The folder, under the profile, of the annotations that wait for their briefing. */
export const WAITING_DIR = 'waiting-annotations'

/** One briefing's waiting records, as parsed from the W3C file they came in. */
export interface WaitingRecords {
  briefingId: string
  /** The briefing's title when the file said it (a bundle does), else its id. */
  title: string
  highlights: ImportedHighlight[]
  notes: ImportedNote[]
}

interface WaitingFile extends WaitingRecords {
  format: 'briefing-reader/waiting-annotations'
  version: 1
}

/** File names are the percent-encoded id, so any briefing id is one safe name. */
function fileFor(userDataDir: string, briefingId: string): string {
  return join(userDataDir, WAITING_DIR, `${encodeURIComponent(briefingId)}.json`)
}

/** Adds `records` to what already waits for that briefing (same id: the newer record wins). */
export async function keepWaiting(userDataDir: string, records: WaitingRecords): Promise<void> {
  const known = await readWaiting(userDataDir, records.briefingId)
  const byId = <T extends { id: string }>(old: T[], add: T[]): T[] => {
    const map = new Map(old.map((r) => [r.id, r]))
    for (const r of add) map.set(r.id, r)
    return [...map.values()]
  }
  const file: WaitingFile = {
    format: 'briefing-reader/waiting-annotations',
    version: 1,
    briefingId: records.briefingId,
    title: records.title !== records.briefingId ? records.title : (known?.title ?? records.title),
    highlights: byId(known?.highlights ?? [], records.highlights),
    notes: byId(known?.notes ?? [], records.notes)
  }
  await mkdir(join(userDataDir, WAITING_DIR), { recursive: true })
  await writeFileAtomically(
    nodeStoreFs,
    fileFor(userDataDir, records.briefingId),
    `${JSON.stringify(file, null, 2)}\n`
  )
}

/** What waits for one briefing; undefined when nothing does (or the file is not ours). */
export async function readWaiting(
  userDataDir: string,
  briefingId: string
): Promise<WaitingRecords | undefined> {
  let text: string
  try {
    text = await readFile(fileFor(userDataDir, briefingId), 'utf8')
  } catch {
    return undefined
  }
  try {
    const file = JSON.parse(text) as Partial<WaitingFile>
    if (file.format !== 'briefing-reader/waiting-annotations' || file.version !== 1)
      return undefined
    if (!Array.isArray(file.highlights) || !Array.isArray(file.notes)) return undefined
    return {
      briefingId,
      title: typeof file.title === 'string' ? file.title : briefingId,
      highlights: file.highlights,
      notes: file.notes
    }
  } catch {
    return undefined
  }
}

/** Every briefing something waits for, with its records. */
export async function listWaiting(userDataDir: string): Promise<WaitingRecords[]> {
  let names: string[]
  try {
    names = (await readdir(join(userDataDir, WAITING_DIR))).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  const out: WaitingRecords[] = []
  for (const name of names.sort()) {
    let id: string
    try {
      id = decodeURIComponent(name.slice(0, -'.json'.length))
    } catch {
      continue
    }
    const records = await readWaiting(userDataDir, id)
    if (records) out.push(records)
  }
  return out
}

/** The summary the analyst sees: which briefing, by title, and how many annotations wait. */
export function summarize(records: WaitingRecords): WaitingBriefing {
  return {
    briefingId: records.briefingId,
    title: records.title,
    count: records.highlights.length + records.notes.length
  }
}

/** Every briefing annotations wait for, by title with counts. */
export async function waitingBriefings(services: {
  readonly userDataDir: string
}): Promise<WaitingBriefing[]> {
  return (await listWaiting(services.userDataDir)).map(summarize)
}

/** Forgets what waited for a briefing, once it is attached. */
export async function dropWaiting(userDataDir: string, briefingId: string): Promise<void> {
  await rm(fileFor(userDataDir, briefingId), { force: true })
}
