// Imports a W3C Web Annotation file (issue #4): the backup and the way to move notes between
// laptops. Selectors are re-anchored on the current text, so a file made against an older
// version of a briefing lands with orphans reported, never lost; importing twice duplicates nothing;
// annotations for a briefing the library lacks wait in the profile until it is imported.

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'

import type { ImportAnnotationsResult, WaitingBriefing } from '../../shared/annotation-requests'
import { CONTEXT_LENGTH } from '../../shared/anchoring/describe'
import type { Highlight, Note, SectionTarget } from '../../shared/annotations'
import type { Library } from '../library/library'
import type { AnnotationService } from './annotation-service'
import { importedToTarget, parseW3CAnnotationsText } from './w3c/w3c-import'
import { AppError } from '../errors'
import { log } from '../log/log'
import {
  dropWaiting,
  keepWaiting,
  listWaiting,
  readWaiting,
  summarize
} from './waiting-annotations'

const MAX_BYTES = 50 * 1024 * 1024

/** What an annotation import reads and changes. */
export interface AnnotationImportServices {
  readonly library: Library
  readonly annotations: AnnotationService
  /** The profile: annotations for briefings it lacks wait in `<userDataDir>/waiting-annotations`. */
  readonly userDataDir: string
}

type Parsed = Pick<ReturnType<typeof parseW3CAnnotationsText>, 'highlights' | 'notes'> & {
  problems: { path: string; message: string }[]
}
type ImportedHighlight = Parsed['highlights'][number]
type ImportedNote = Parsed['notes'][number]

/** The records of one briefing to merge into its annotations. */
interface BriefingRecords {
  highlights: Highlight[]
  notes: Note[]
}

/** The records the file holds for this library, grouped by briefing, and what was refused. */
interface Grouped {
  byBriefing: Map<string, BriefingRecords>
  /** Records whose briefing this library lacks, as read: they wait for it. */
  missing: Map<string, { highlights: ImportedHighlight[]; notes: ImportedNote[] }>
  /** Records whose file gave no dates never replace a local record (see annotation-merge.ts). */
  undated: Set<string>
  problems: string[]
}

/** Read, parse, fit to this library, merge per briefing, keep the rest waiting, report. */
export async function importAnnotationsFile(
  services: AnnotationImportServices,
  file: string,
  now: Date = new Date()
): Promise<ImportAnnotationsResult> {
  const name = basename(file)
  return importAnnotationsText(services, name, await readAnnotationsFile(file, name), now)
}

/**
 * A W3C collection's text, imported as importAnnotationsFile does; `titles` names briefings
 * (a bundle knows them) so that what waits is listed by title.
 */
export async function importAnnotationsText(
  services: AnnotationImportServices,
  name: string,
  text: string,
  now: Date = new Date(),
  titles: ReadonlyMap<string, string> = new Map()
): Promise<ImportAnnotationsResult> {
  const parsed = parseW3CAnnotationsText(text)
  const grouped = groupForLibrary(services.library, parsed, now.toISOString())
  const merged = await mergeRecords(services.annotations, grouped)
  const problems = [...grouped.problems, ...merged.problems]
  problems.push(...(await closingProblems(services.annotations, merged)))
  const waiting: WaitingBriefing[] = []
  for (const [briefingId, records] of grouped.missing) {
    const title = titles.get(briefingId) ?? briefingId
    await keepWaiting(services.userDataDir, { briefingId, title, ...records })
    const kept = await readWaiting(services.userDataDir, briefingId)
    if (kept) waiting.push(summarize(kept))
  }
  return {
    status: 'imported',
    file: name,
    ...merged.result,
    problems,
    ...(waiting.length > 0 ? { waiting } : {})
  }
}

/**
 * Attaches what waits for briefings the library now has (after an import of briefings, or at
 * start), through the same merge as an import, and forgets it once merged. Returns the count.
 */
export async function attachWaiting(
  services: AnnotationImportServices,
  now: Date = new Date()
): Promise<number> {
  const ids = new Set(services.library.briefings.map((b) => b.id))
  let attached = 0
  for (const records of await listWaiting(services.userDataDir)) {
    if (!ids.has(records.briefingId)) continue
    const parsed = { highlights: records.highlights, notes: records.notes, problems: [] }
    const grouped = groupForLibrary(services.library, parsed, now.toISOString())
    const merged = await mergeRecords(services.annotations, grouped)
    if (!merged.saved) continue // kept waiting until the store can write again
    // As an import would, records that do not fit the briefing (a section it lacks) are left
    // out; counted in the log, which never carries note or briefing text.
    const refused = grouped.problems.length + merged.problems.length
    if (refused > 0) log.warn(`waiting annotations: ${refused} could not be attached`)
    attached += merged.result.added + merged.result.updated + merged.result.unchanged
    await dropWaiting(services.userDataDir, records.briefingId)
  }
  if (attached > 0) log.info(`attached ${attached} annotations that waited for their briefing`)
  return attached
}

/** The file's text; refused above 50 MB, and named in the error when it cannot be read. */
export async function readAnnotationsFile(file: string, name: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_BYTES) {
      throw new AppError('invalid-request', `"${name}" is larger than 50 MB.`)
    }
    return await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('not-found', `"${name}" could not be read: ${(error as Error).message}`)
  }
}

/** Keeps the highlights and notes whose briefing (and section) this library has. */
function groupForLibrary(library: Library, parsed: Parsed, at: string): Grouped {
  const grouped: Grouped = {
    byBriefing: new Map(),
    missing: new Map(),
    undated: new Set(),
    problems: parsed.problems.map((p) => `${p.path}: ${p.message}`)
  }
  const known = new Set(library.briefings.map((b) => b.id))
  const wait = (id: string) => {
    if (!grouped.missing.has(id)) grouped.missing.set(id, { highlights: [], notes: [] })
    return grouped.missing.get(id)!
  }
  const slot = (id: string): BriefingRecords => {
    if (!grouped.byBriefing.has(id)) grouped.byBriefing.set(id, { highlights: [], notes: [] })
    return grouped.byBriefing.get(id)!
  }
  for (const h of parsed.highlights) {
    if (!known.has(h.briefingId)) {
      wait(h.briefingId).highlights.push(h)
      continue
    }
    const highlight = highlightFor(library, h, at, grouped)
    if (highlight) slot(h.briefingId).highlights.push(highlight)
  }
  for (const n of parsed.notes) {
    if (!known.has(n.briefingId)) {
      wait(n.briefingId).notes.push(n)
      continue
    }
    const note = noteFor(library, n, at, grouped)
    if (note) slot(n.briefingId).notes.push(note)
  }
  return grouped
}

function highlightFor(
  library: Library,
  h: ImportedHighlight,
  at: string,
  { problems, undated }: Grouped
): Highlight | undefined {
  const briefing = library.briefings.find((b) => b.id === h.briefingId)
  if (!briefing) return undefined // groupForLibrary keeps it waiting
  const section = briefing.sections.find((s) => s.id === h.sectionId)
  if (!section) {
    problems.push(
      `highlight ${h.annotationId}: section "${h.sectionId}" is not in "${briefing.title}"`
    )
    return undefined
  }
  // Against the current text; where the text changed, anchoring on load finds it or orphans it.
  const target = boundedTarget(importedToTarget(h, section.text))
  if (!target) {
    problems.push(`highlight ${h.annotationId}: no quote, or a quote longer than 50,000 characters`)
    return undefined
  }
  if (!h.createdAt && !h.updatedAt) undated.add(h.id)
  const createdAt = h.createdAt ?? at
  return {
    id: h.id,
    target,
    color: h.color,
    tags: h.tags,
    note: h.note,
    createdAt,
    updatedAt: h.updatedAt ?? createdAt
  }
}

function noteFor(
  library: Library,
  n: ImportedNote,
  at: string,
  { problems, undated }: Grouped
): Note | undefined {
  const briefing = library.briefings.find((b) => b.id === n.briefingId)
  if (!briefing) return undefined // groupForLibrary keeps it waiting
  const target = n.target
  if (target.kind === 'section' && !briefing.sections.some((s) => s.id === target.sectionId)) {
    problems.push(`note ${n.annotationId}: its section is not in "${briefing.title}"`)
    return undefined
  }
  if (!n.createdAt && !n.updatedAt) undated.add(n.id)
  const createdAt = n.createdAt ?? at
  return {
    id: n.id,
    briefingId: n.briefingId,
    target: n.target,
    body: n.body,
    tags: n.tags,
    createdAt,
    updatedAt: n.updatedAt ?? createdAt
  }
}

/** Merges each briefing's records into its annotations and counts what happened. */
async function mergeRecords(annotations: AnnotationService, grouped: Grouped) {
  const result = { added: 0, updated: 0, unchanged: 0, orphaned: 0 }
  const problems: string[] = []
  let keptLocal = 0
  let saved = true
  for (const [briefingId, records] of grouped.byBriefing) {
    const counts = await annotations.importRecords(
      briefingId,
      records.highlights,
      records.notes,
      grouped.undated
    )
    result.added += counts.added
    result.updated += counts.updated
    result.unchanged += counts.unchanged
    keptLocal += counts.keptLocal
    saved &&= counts.saved
    problems.push(...counts.problems)
    const ids = new Set(records.highlights.map((h) => h.id))
    const view = await annotations.load(briefingId)
    result.orphaned += view.highlights.filter(
      (h) => ids.has(h.id) && h.status === 'orphaned'
    ).length
  }
  return { result, problems, keptLocal, saved }
}

/** Local edits that won, and changes not yet on disk, said once for the whole file. */
async function closingProblems(
  annotations: AnnotationService,
  { keptLocal, saved }: { keptLocal: number; saved: boolean }
): Promise<string[]> {
  const problems: string[] = []
  if (keptLocal > 0) {
    problems.push(
      `${keptLocal} annotations were edited here as late or later: your versions were kept`
    )
  }
  if (!saved) {
    const status = await annotations.saveStatus()
    problems.push(
      `Not saved yet: ${status.pending} changes are kept in memory and retried (${status.error ?? 'write failed'})`
    )
  }
  return problems
}

/** The target with its context cut to the selector sizes the app writes; null when unusable. */
function boundedTarget(target: SectionTarget): SectionTarget | null {
  const { exact, prefix, suffix } = target.quote
  if (exact === '' || exact.length > 50_000) return null
  return {
    ...target,
    quote: {
      ...target.quote,
      prefix: prefix.slice(-CONTEXT_LENGTH),
      suffix: suffix.slice(0, CONTEXT_LENGTH)
    }
  }
}
