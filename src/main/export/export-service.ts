// Builds note exports (Markdown per issue #4, W3C Web Annotation JSON) from the library and the
// stored annotations, and writes them where the analyst chose: whole, never over an existing file
// without confirmation, never through a symbolic link. Shared by the IPC handler and the CLI.

import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'

import type { ExportOptions, ExportResult } from '../../shared/annotation-requests'
import type { HighlightColor } from '../../shared/annotations'
import type { Briefing, Entity } from '../../shared/dataset'
import { TargetTakenError, nodeExclusiveFs, writeFileExclusively } from '../fs/exclusive-write'
import type { ExclusiveFs } from '../fs/exclusive-write'
import type { AnnotationService } from '../annotations/annotation-service'
import type { Library } from '../library/library'
import { safeFileName } from './filenames'
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
  /**
   * A file that exists at the returned path counts as confirmed for replacing: save dialogs ask
   * before returning it (the CLI returns no such path).
   */
  chooseFile(suggestedName: string, extension: 'md' | 'json'): Promise<string | null>
  chooseFolder(): Promise<string | null>
  /**
   * Asked before any existing file is replaced, and again for a file that appears while the
   * export is written; false cancels the rest of the export.
   */
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
  // Loaded by the first Markdown export, not at main's start (its Markdown and YAML libraries).
  const markdown = options.format === 'md' ? await import('./markdown-export') : undefined
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
      documents.push({ briefing, markdown: markdown!.exportBriefingMarkdown(input, options) })
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
    const content = markdown!.exportBriefingsMarkdown(inputs, options, { title, exportedAt })
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

/** Builds the export, asks where it goes, and writes each file whole, replacing only with consent. */
export async function runExport(
  services: ExportServices,
  colorLabels: Record<HighlightColor, string>,
  options: ExportOptions,
  target: ExportTarget,
  fs: ExclusiveFs = nodeExclusiveFs
): Promise<ExportResult> {
  const built = await buildExport(services, colorLabels, options)
  let paths: string[]
  const confirmed = new Set<string>()
  if (built.files.length === 1) {
    const file = built.files[0]!
    const chosen = await target.chooseFile(file.name, options.format === 'w3c' ? 'json' : 'md')
    if (!chosen) return { status: 'cancelled' }
    paths = [chosen]
    for (const path of await existingFiles(fs, paths)) confirmed.add(path)
  } else {
    const folder = await target.chooseFolder()
    if (!folder) return { status: 'cancelled' }
    paths = built.files.map((f) => join(folder, f.name))
    const existing = await existingFiles(fs, paths)
    if (existing.length > 0 && !(await target.confirmOverwrite(existing.map((p) => basename(p))))) {
      return { status: 'cancelled' }
    }
    for (const path of existing) confirmed.add(path)
  }
  const written: string[] = []
  for (const [i, path] of paths.entries()) {
    const content = built.files[i]!.content
    const status = await writeOne(fs, path, content, confirmed.has(path), target, written)
    if (status === 'cancelled') return { status: 'cancelled' }
    written.push(path)
  }
  return { status: 'written', files: paths, highlights: built.highlights, notes: built.notes }
}

/** The paths where a file already is; a symbolic link or folder at any of them stops the export. */
async function existingFiles(fs: ExclusiveFs, paths: string[]): Promise<string[]> {
  const existing: string[] = []
  for (const path of paths) {
    const kind = await fs.kindOf(path)
    if (kind === 'file') existing.push(path)
    else if (kind !== 'missing') {
      throw new AppError(
        'invalid-request',
        `Export stopped: ${new TargetTakenError(path, kind).message}.`
      )
    }
  }
  return existing
}

/**
 * Writes one export file. A file that appeared since the analyst was asked is replaced only if
 * they agree when asked again; a symbolic link or folder there stops the export.
 */
async function writeOne(
  fs: ExclusiveFs,
  path: string,
  content: string,
  replace: boolean,
  target: ExportTarget,
  written: readonly string[]
): Promise<'written' | 'cancelled'> {
  try {
    await writeFileExclusively(fs, path, content, { replace })
    return 'written'
  } catch (error) {
    if (!(error instanceof TargetTakenError)) {
      throw new AppError('internal', `Could not write ${path}: ${(error as Error).message}`)
    }
    if (error.found === 'file' && !replace && (await target.confirmOverwrite([basename(path)]))) {
      return writeOne(fs, path, content, true, target, written)
    }
    if (error.found === 'file' && written.length === 0) return 'cancelled'
    const done = written.length > 0 ? ` Already written: ${written.join(', ')}.` : ''
    throw new AppError('invalid-request', `Export stopped: ${error.message}.${done}`)
  }
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
