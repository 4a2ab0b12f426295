// Test helpers for the export modules: the bundled briefing, highlights placed on phrases of its
// text (as the reader would make them), notes, and a small synthetic briefing for property tests.

import { readFileSync } from 'node:fs'

import { DEFAULT_COLOR_LABELS } from '../shared/annotations'
import type { AnchoredHighlight, HighlightColor, Note, NoteTarget } from '../shared/annotations'
import { describeRange } from '../shared/anchoring/describe'
import type { Briefing, DatasetFile } from '../shared/dataset'
import type { MarkdownExportInput } from '../main/export/markdown-export'

/** The bundled dataset (resources/dataset/india-japan-quad.json). */
export function bundledDataset(): DatasetFile {
  const url = new URL('../../resources/dataset/india-japan-quad.json', import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as DatasetFile
}

const T0 = Date.parse('2026-03-02T09:00:00.000Z')

/** An ISO time `minutes` after a fixed start. */
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString()

/** An anchored highlight on the first occurrence of `phrase` in the section. */
export function highlightOn(
  briefing: Briefing,
  sectionId: string,
  phrase: string,
  fields: { id: string; color?: HighlightColor; tags?: string[]; note?: string; minute?: number }
): AnchoredHighlight {
  const section = briefing.sections.find((s) => s.id === sectionId)
  if (!section) throw new Error(`no section ${sectionId}`)
  const start = section.text.indexOf(phrase)
  if (start === -1) throw new Error(`"${phrase}" not in ${sectionId}`)
  const target = describeRange(section.text, start, start + phrase.length, {
    briefingId: briefing.id,
    sectionId
  })
  if (!target) throw new Error('empty selection')
  return {
    id: fields.id,
    target,
    color: fields.color ?? 'yellow',
    tags: fields.tags ?? [],
    note: fields.note ?? '',
    createdAt: at(fields.minute ?? 0),
    updatedAt: at(fields.minute ?? 0),
    status: 'anchored',
    range: { start: target.position.start, end: target.position.end }
  }
}

/** A note on the briefing (`sectionId` undefined) or on a section. */
export function noteOn(
  briefingId: string,
  sectionId: string | undefined,
  fields: { id: string; body: string; tags?: string[]; minute?: number }
): Note {
  const target: NoteTarget = sectionId ? { kind: 'section', sectionId } : { kind: 'briefing' }
  return {
    id: fields.id,
    briefingId,
    target,
    body: fields.body,
    tags: fields.tags ?? [],
    createdAt: at(fields.minute ?? 0),
    updatedAt: at(fields.minute ?? 0)
  }
}

/** A briefing with `headings.length` sections, each text a few plain sentences. */
export function syntheticBriefing(title: string, headings: string[]): Briefing {
  return {
    id: 'synthetic',
    title,
    source: 'Test source',
    published: '2024-01-01',
    tags: ['test'],
    sections: headings.map((heading, i) => ({
      id: `s${i}`,
      heading,
      text: `Section ${i} opens here. It has two sentences.`,
      tags: [],
      mentions: []
    }))
  }
}

/** An export input around `briefing` with no entities and the default labels. */
export function exportInput(
  briefing: Briefing,
  highlights: AnchoredHighlight[],
  notes: Note[]
): MarkdownExportInput {
  return {
    briefing,
    entities: [],
    highlights,
    notes,
    colorLabels: { ...DEFAULT_COLOR_LABELS },
    datasetHash: 'sha256-0123abcd',
    exportedAt: at(600)
  }
}
