// Imports a W3C Web Annotation file (issue #4): the backup and the way to move notes between
// laptops. Selectors are re-anchored on the current text, so a file made against an older
// version of a briefing lands with orphans reported, never lost; importing twice duplicates nothing.

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'

import type { ImportAnnotationsResult } from '../../shared/annotation-requests'
import { CONTEXT_LENGTH } from '../../shared/anchoring/describe'
import type { Highlight, Note, SectionTarget } from '../../shared/annotations'
import type { Library } from '../library/library'
import type { AnnotationService } from './annotation-service'
import { importedToTarget, parseW3CAnnotationsText } from './w3c/w3c-import'
import { AppError } from '../errors'

const MAX_BYTES = 50 * 1024 * 1024

/** What an annotation import reads and changes. */
export interface AnnotationImportServices {
  readonly library: Library
  readonly annotations: AnnotationService
}

export async function importAnnotationsFile(
  services: AnnotationImportServices,
  file: string,
  now: Date = new Date()
): Promise<ImportAnnotationsResult> {
  const name = basename(file)
  let text: string
  try {
    if ((await stat(file)).size > MAX_BYTES) {
      throw new AppError('invalid-request', `"${name}" is larger than 50 MB.`)
    }
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('not-found', `"${name}" could not be read: ${(error as Error).message}`)
  }
  const parsed = parseW3CAnnotationsText(text)
  const problems = parsed.problems.map((p) => `${p.path}: ${p.message}`)
  const at = now.toISOString()
  const byBriefing = new Map<string, { highlights: Highlight[]; notes: Note[] }>()
  const slot = (id: string) => {
    if (!byBriefing.has(id)) byBriefing.set(id, { highlights: [], notes: [] })
    return byBriefing.get(id)!
  }
  // Records whose file gave no dates never replace a local record (see annotation-merge.ts).
  const undated = new Set<string>()
  for (const h of parsed.highlights) {
    const briefing = services.library.briefings.find((b) => b.id === h.briefingId)
    if (!briefing) {
      problems.push(
        `highlight ${h.annotationId}: briefing "${h.briefingId}" is not in this library`
      )
      continue
    }
    const section = briefing.sections.find((s) => s.id === h.sectionId)
    if (!section) {
      problems.push(
        `highlight ${h.annotationId}: section "${h.sectionId}" is not in "${briefing.title}"`
      )
      continue
    }
    // Against the current text; where the text changed, anchoring on load finds it or orphans it.
    const target = boundedTarget(importedToTarget(h, section.text))
    if (!target) {
      problems.push(
        `highlight ${h.annotationId}: no quote, or a quote longer than 50,000 characters`
      )
      continue
    }
    if (!h.createdAt && !h.updatedAt) undated.add(h.id)
    const createdAt = h.createdAt ?? at
    slot(h.briefingId).highlights.push({
      id: h.id,
      target,
      color: h.color,
      tags: h.tags,
      note: h.note,
      createdAt,
      updatedAt: h.updatedAt ?? createdAt
    })
  }
  for (const n of parsed.notes) {
    const briefing = services.library.briefings.find((b) => b.id === n.briefingId)
    if (!briefing) {
      problems.push(`note ${n.annotationId}: briefing "${n.briefingId}" is not in this library`)
      continue
    }
    const target = n.target
    if (target.kind === 'section' && !briefing.sections.some((s) => s.id === target.sectionId)) {
      problems.push(`note ${n.annotationId}: its section is not in "${briefing.title}"`)
      continue
    }
    if (!n.createdAt && !n.updatedAt) undated.add(n.id)
    const createdAt = n.createdAt ?? at
    slot(n.briefingId).notes.push({
      id: n.id,
      briefingId: n.briefingId,
      target: n.target,
      body: n.body,
      tags: n.tags,
      createdAt,
      updatedAt: n.updatedAt ?? createdAt
    })
  }
  const result = { added: 0, updated: 0, unchanged: 0, orphaned: 0 }
  let keptLocal = 0
  let saved = true
  for (const [briefingId, records] of byBriefing) {
    const counts = await services.annotations.importRecords(
      briefingId,
      records.highlights,
      records.notes,
      undated
    )
    result.added += counts.added
    result.updated += counts.updated
    result.unchanged += counts.unchanged
    keptLocal += counts.keptLocal
    saved &&= counts.saved
    problems.push(...counts.problems)
    const ids = new Set(records.highlights.map((h) => h.id))
    const view = await services.annotations.load(briefingId)
    result.orphaned += view.highlights.filter(
      (h) => ids.has(h.id) && h.status === 'orphaned'
    ).length
  }
  if (keptLocal > 0) {
    problems.push(
      `${keptLocal} annotations were edited here as late or later: your versions were kept`
    )
  }
  if (!saved) {
    const status = await services.annotations.saveStatus()
    problems.push(
      `Not saved yet: ${status.pending} changes are kept in memory and retried (${status.error ?? 'write failed'})`
    )
  }
  return { status: 'imported', file: name, ...result, problems }
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
