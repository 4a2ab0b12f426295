// Builds note exports (Markdown per issue #4, W3C Web Annotation JSON) from the library and the
// stored annotations, and writes them where the analyst chose: atomically, never over an existing
// file without confirmation. Shared by the IPC handler and the CLI.

import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'

import type { ExportOptions, ExportResult } from '../../shared/annotation-requests'
import type { HighlightColor } from '../../shared/annotations'
import type { Briefing, Entity } from '../../shared/dataset'
import { nodeStoreFs } from '../fs/node-fs'
import { writeFileAtomically } from '../fs/atomic-write'
import type { AnnotationService } from '../annotations/annotation-service'
import type { Library } from '../library/library'
import { safeFileName } from './filenames'
import { exportBriefingMarkdown, exportBriefingsMarkdown } from './markdown-export'
import type { MarkdownExportInput } from './markdown-export'
import { exportW3CCollection } from './w3c-export'
import { AppError } from '../errors'

/** What an export reads. */
export interface ExportServices {
  readonly library: Library
  readonly annotations: AnnotationService
}

export interface ExportFile {
  /** File name (no folder), safe on every platform. */
  name: string
  content: string
}

export interface BuiltExport {
  files: ExportFile[]
  highlights: number
  notes: number
}

/** Where the analyst wants the export; the host (dialogs, CLI flags) answers. */
export interface ExportTarget {
  chooseFile(suggestedName: string, extension: 'md' | 'json'): Promise<string | null>
  chooseFolder(): Promise<string | null>
  /** Asked before any existing file is replaced; false cancels the whole export. */
  confirmOverwrite(fileNames: string[]): Promise<boolean>
}

/** A short hash of a briefing's text: which version of the dataset the highlights refer to. */
export function datasetHash(briefing: Briefing): string {
  const hash = createHash('sha256')
  for (const section of briefing.sections) hash.update(`${section.id}\n${section.text}\n`)
  return `sha256:${hash.digest('hex').slice(0, 12)}`
}

/** The export's files, built in memory (nothing is written). */
export async function buildExport(
  services: ExportServices,
  colorLabels: Record<HighlightColor, string>,
  options: ExportOptions,
  now: Date = new Date()
): Promise<BuiltExport> {
  const briefings = await briefingsWithNotes(services, options)
  const exportedAt = now.toISOString()
  const entities = [...services.library.entities.values()]
  let highlights = 0
  let notes = 0
  const documents: { briefing: Briefing; markdown: string }[] = []
  const inputs: MarkdownExportInput[] = []
  const annotated = []
  for (const briefing of briefings) {
    const view = await services.annotations.load(briefing.id)
    // Count what the file holds: Markdown may leave orphans out; W3C JSON always keeps them.
    const leftOut = options.format === 'md' && !options.includeOrphans
    highlights += view.highlights.filter((h) => !leftOut || h.status === 'anchored').length
    notes += view.notes.length
    annotated.push({ briefing, view })
    if (options.format === 'md') {
      const input: MarkdownExportInput = {
        briefing,
        entities: entitiesOf(briefing, entities),
        highlights: view.highlights,
        notes: view.notes,
        colorLabels,
        datasetHash: datasetHash(briefing),
        exportedAt
      }
      inputs.push(input)
      documents.push({ briefing, markdown: exportBriefingMarkdown(input, options) })
    }
  }
  if (options.format === 'w3c') {
    const content = exportW3CCollection(annotated, { exportedAt, colorLabels })
    const title =
      options.scope.kind === 'briefing' ? briefings[0]!.title : 'Briefing Reader annotations'
    return { files: [{ name: safeFileName(title, 'json', new Set()), content }], highlights, notes }
  }
  if (documents.length === 1) {
    const [only] = documents as [(typeof documents)[number]]
    const name = safeFileName(only.briefing.title, 'md', new Set())
    return { files: [{ name, content: only.markdown }], highlights, notes }
  }
  if (options.layout === 'single') {
    const title = 'Briefing notes'
    const content = exportBriefingsMarkdown(inputs, options, { title, exportedAt })
    return { files: [{ name: safeFileName(title, 'md', new Set()), content }], highlights, notes }
  }
  const taken = new Set<string>()
  const files = documents.map((d) => {
    const name = safeFileName(d.briefing.title, 'md', taken)
    taken.add(name.toLowerCase())
    return { name, content: d.markdown }
  })
  return { files, highlights, notes }
}

/** Builds the export, asks where it goes, and writes each file atomically. */
export async function runExport(
  services: ExportServices,
  colorLabels: Record<HighlightColor, string>,
  options: ExportOptions,
  target: ExportTarget
): Promise<ExportResult> {
  const built = await buildExport(services, colorLabels, options)
  let paths: string[]
  if (built.files.length === 1) {
    const file = built.files[0]!
    const chosen = await target.chooseFile(file.name, options.format === 'w3c' ? 'json' : 'md')
    if (!chosen) return { status: 'cancelled' }
    paths = [chosen]
  } else {
    const folder = await target.chooseFolder()
    if (!folder) return { status: 'cancelled' }
    paths = built.files.map((f) => join(folder, f.name))
    const existing = paths.filter((p) => existsSync(p)).map((p) => basename(p))
    if (existing.length > 0 && !(await target.confirmOverwrite(existing))) {
      return { status: 'cancelled' }
    }
  }
  for (const [i, path] of paths.entries()) {
    try {
      await writeFileAtomically(nodeStoreFs, path, built.files[i]!.content)
    } catch (error) {
      throw new AppError('internal', `Could not write ${path}: ${(error as Error).message}`)
    }
  }
  return { status: 'written', files: paths, highlights: built.highlights, notes: built.notes }
}

async function briefingsWithNotes(services: ExportServices, options: ExportOptions) {
  const { briefings } = services.library
  if (options.scope.kind !== 'library') {
    const ids =
      options.scope.kind === 'briefing' ? [options.scope.briefingId] : options.scope.briefingIds
    if (ids.length === 0) throw new AppError('invalid-request', 'Choose at least one briefing.')
    return ids.map((id) => {
      const briefing = briefings.find((b) => b.id === id)
      if (!briefing)
        throw new AppError('not-found', `No briefing with id "${id}" is in the library.`)
      return briefing
    })
  }
  const withNotes: Briefing[] = []
  for (const briefing of briefings) {
    const view = await services.annotations.load(briefing.id)
    if (view.highlights.length > 0 || view.notes.length > 0) withNotes.push(briefing)
  }
  if (withNotes.length === 0) {
    throw new AppError('not-found', 'There are no highlights or notes to export yet.')
  }
  return withNotes
}

function entitiesOf(briefing: Briefing, all: Entity[]): Entity[] {
  const ids = new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  return all.filter((e) => ids.has(e.id))
}
