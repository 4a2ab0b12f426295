// Unit tests of the export dialog's logic: the options sent to main and the result sentences.

import { describe, expect, it } from 'vitest'

import {
  baseName,
  DEFAULT_EXPORT_FORM,
  exportSummary,
  importSummary,
  listedFiles,
  orphanSummary,
  waitingSummary,
  toExportOptions
} from './export-options'
import type { ImportedAnnotations, WrittenExport } from './export-options'

describe('toExportOptions', () => {
  it('exports the open briefing', () => {
    expect(toExportOptions(DEFAULT_EXPORT_FORM, 'b1')).toEqual({
      scope: { kind: 'briefing', briefingId: 'b1' },
      format: 'md',
      groupBy: 'section',
      includeSectionNotes: true,
      includeEntities: false,
      includeOrphans: true,
      layout: 'single'
    })
  })

  it('falls back to the library when no briefing is open', () => {
    expect(toExportOptions(DEFAULT_EXPORT_FORM, null).scope).toEqual({ kind: 'library' })
  })

  it('writes one file per briefing only for Markdown of the library', () => {
    const perBriefing = { ...DEFAULT_EXPORT_FORM, layout: 'per-briefing' as const }
    expect(toExportOptions({ ...perBriefing, scope: 'library' }, 'b1').layout).toBe('per-briefing')
    expect(toExportOptions(perBriefing, 'b1').layout).toBe('single')
    expect(
      toExportOptions({ ...perBriefing, scope: 'library', format: 'w3c' }, 'b1')
    ).toMatchObject({ format: 'w3c', layout: 'single', scope: { kind: 'library' } })
  })
})

describe('baseName', () => {
  it('keeps the last part of POSIX and Windows paths', () => {
    expect(baseName('/home/a/notes.md')).toBe('notes.md')
    expect(baseName('C:\\Users\\a\\notes.md')).toBe('notes.md')
    expect(baseName('/tmp/out/')).toBe('out')
    expect(baseName('notes.md')).toBe('notes.md')
  })
})

describe('exportSummary and listedFiles', () => {
  it('names the one file written', () => {
    const result: WrittenExport = {
      status: 'written',
      files: ['/x/QUAD.md'],
      highlights: 12,
      notes: 1
    }
    expect(exportSummary(result)).toBe('Exported 12 highlights and 1 note to QUAD.md')
  })

  it('counts several files, listed apart', () => {
    const files = ['/x/a.md', '/x/b.md']
    const result: WrittenExport = { status: 'written', files, highlights: 1, notes: 0 }
    expect(exportSummary(result)).toBe('Exported 1 highlight and 0 notes to 2 files:')
    expect(listedFiles(files)).toEqual({ names: ['a.md', 'b.md'], more: 0 })
  })

  it('shortens long lists', () => {
    const files = Array.from({ length: 20 }, (_, i) => `/x/${i}.md`)
    const listed = listedFiles(files, 8)
    expect(listed.names).toHaveLength(7)
    expect(listed.more).toBe(13)
    expect(listedFiles(files.slice(0, 8), 8)).toMatchObject({ more: 0 })
  })
})

describe('importSummary and orphanSummary', () => {
  const base: ImportedAnnotations = {
    status: 'imported',
    file: 'C:\\backup\\notes.json',
    added: 3,
    unchanged: 2,
    updated: 0,
    orphaned: 0,
    problems: []
  }

  it('gives the counts that are not zero', () => {
    expect(importSummary(base)).toBe('Imported notes.json: 3 added, 2 already here.')
    expect(importSummary({ ...base, added: 0, unchanged: 0 })).toBe(
      'notes.json holds no annotations.'
    )
  })

  it('mentions orphans only when there are some', () => {
    expect(orphanSummary(base)).toBe('')
    expect(orphanSummary({ ...base, orphaned: 1 })).toMatch(/^1 highlight no longer matches/)
    expect(orphanSummary({ ...base, orphaned: 2 })).toMatch(/^2 highlights no longer match /)
  })
})

describe('waitingSummary', () => {
  const base: ImportedAnnotations = {
    status: 'imported',
    file: 'backup.json',
    added: 0,
    unchanged: 0,
    updated: 0,
    orphaned: 0,
    problems: []
  }

  it('names each briefing annotations wait for, with counts, and briefings a backup restored', () => {
    expect(waitingSummary(base)).toBe('')
    const waiting = [
      { briefingId: 'port-visit', title: 'Port visit', count: 2 },
      { briefingId: 'x', title: 'x', count: 1 }
    ]
    expect(waitingSummary({ ...base, waiting })).toBe(
      '3 annotations wait for "Port visit" (2), "x" (1): they join it when it is imported.'
    )
    expect(waitingSummary({ ...base, restored: 2 })).toBe('Restored 2 briefings.')
  })
})
