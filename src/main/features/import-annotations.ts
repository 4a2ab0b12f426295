// Imports a W3C Web Annotation file (issue #4): the backup and the way to move notes between
// laptops. Selectors are re-anchored on the current text, so a file made against an older
// version of a briefing lands with orphans reported, never lost; importing twice duplicates nothing.

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'

import type { ImportAnnotationsResult } from '../../shared/annotation-requests'
import type { Highlight, Note } from '../../shared/annotations'
import type { CoreServices } from '../core/app-core'
import { importedToTarget, parseW3CAnnotationsText } from '../export/w3c-import'
import { AppError } from '../ipc/app-error'

const MAX_BYTES = 50 * 1024 * 1024

export async function importAnnotationsFile(
  services: CoreServices,
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
  for (const h of parsed.highlights) {
    const briefing = services.library.briefings.find((b) => b.id === h.briefingId)
    if (!briefing) {
      problems.push(
        `highlight ${h.annotationId}: briefing "${h.briefingId}" is not in this library`
      )
      continue
    }
    const section = briefing.sections.find((s) => s.id === h.sectionId)
    const createdAt = h.createdAt ?? at
    slot(h.briefingId).highlights.push({
      id: h.id,
      // Against the current text; where the text changed, anchoring on load finds it or orphans it.
      target: importedToTarget(h, section?.text ?? ''),
      color: h.color,
      tags: h.tags,
      note: h.note,
      createdAt,
      updatedAt: h.updatedAt ?? createdAt
    })
  }
  for (const n of parsed.notes) {
    if (!services.library.briefings.some((b) => b.id === n.briefingId)) {
      problems.push(`note ${n.annotationId}: briefing "${n.briefingId}" is not in this library`)
      continue
    }
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
  for (const [briefingId, records] of byBriefing) {
    const counts = await services.annotations.importRecords(
      briefingId,
      records.highlights,
      records.notes
    )
    result.added += counts.added
    result.updated += counts.updated
    result.unchanged += counts.unchanged
    if (counts.trashed > 0)
      problems.push(`${counts.trashed} annotations are in the trash and were left there`)
    const ids = new Set(records.highlights.map((h) => h.id))
    const view = await services.annotations.load(briefingId)
    result.orphaned += view.highlights.filter(
      (h) => ids.has(h.id) && h.status === 'orphaned'
    ).length
  }
  return { status: 'imported', file: name, ...result, problems }
}
