// The library backup ("bundle", issue #13): one JSON file with the profile's imported briefings,
// as their dataset files, and every highlight and note, so that another laptop's empty profile
// gets the same library and the same notes back. Format documented in export/README.md.

import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'

import type { ExportResult } from '../../shared/annotation-requests'
import type { HighlightColor } from '../../shared/annotations'
import { AppError } from '../errors'
import { nodeExclusiveFs, TargetTakenError, writeFileExclusively } from '../fs/exclusive-write'
import { listWaiting } from '../annotations/waiting-annotations'
import type { WaitingRecords } from '../annotations/waiting-annotations'
import { LIBRARY_DIR } from '../library/library-loader'
import type { ExportServices, ExportTarget } from './export-service'
import { exportW3CAnnotations } from './w3c-export'
import type { BriefingAnnotations } from './w3c-export'

export const BUNDLE_FORMAT = 'briefing-reader/library-bundle'
export const BUNDLE_VERSION = 1
/** The name the save dialog suggests. */
export const BUNDLE_FILE_NAME = 'Briefing Reader library backup.json'

/** The file as written (and read back by import/import-bundle.ts). */
export interface LibraryBundle {
  format: typeof BUNDLE_FORMAT
  version: typeof BUNDLE_VERSION
  exportedAt: string
  /** Each dataset file of `<profile>/library`, by name, with its text as it is on disk. */
  briefings: { file: string; content: string }[]
  /** Title of every briefing the annotations name, so what cannot attach waits under its title. */
  titles: Record<string, string>
  /** Every highlight and note, on bundled and imported briefings: W3C JSON-LD as `--format w3c`. */
  annotations: ReturnType<typeof exportW3CAnnotations>
  /** Annotations this profile still keeps for briefings it lacks. */
  waiting: WaitingRecords[]
}

/** What a bundle export reads: the library, the annotations, and the profile's files. */
export interface BundleServices extends ExportServices {
  readonly userDataDir: string
}

/** The bundle's text and what it holds. */
export async function buildBundle(
  services: BundleServices,
  colorLabels: Record<HighlightColor, string>,
  now: Date = new Date()
): Promise<{ content: string; briefings: number; highlights: number; notes: number }> {
  const annotated: BriefingAnnotations[] = []
  const titles: Record<string, string> = {}
  for (const briefing of services.library.briefings) {
    const view = await services.annotations.load(briefing.id)
    if (view.highlights.length === 0 && view.notes.length === 0) continue
    annotated.push({ briefing, view })
    titles[briefing.id] = briefing.title
  }
  const waiting = await listWaiting(services.userDataDir)
  for (const w of waiting) titles[w.briefingId] ??= w.title
  const exportedAt = now.toISOString()
  const bundle: LibraryBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    briefings: await libraryFiles(services.userDataDir),
    titles,
    annotations: exportW3CAnnotations({
      briefings: annotated.map((a) => a.briefing),
      highlights: annotated.flatMap((a) => a.view.highlights),
      notes: annotated.flatMap((a) => a.view.notes),
      exportedAt,
      label: 'Briefing Reader library backup',
      colorLabels
    }),
    waiting
  }
  return {
    content: `${JSON.stringify(bundle, null, 2)}\n`,
    briefings: bundle.briefings.length,
    highlights: annotated.reduce((n, a) => n + a.view.highlights.length, 0),
    notes: annotated.reduce((n, a) => n + a.view.notes.length, 0)
  }
}

/** Builds the bundle and writes it, atomically, where the analyst chose (the save dialog). */
export async function writeBundle(
  services: BundleServices,
  colorLabels: Record<HighlightColor, string>,
  target: ExportTarget
): Promise<ExportResult> {
  const built = await buildBundle(services, colorLabels)
  const path = await target.chooseFile(BUNDLE_FILE_NAME, 'json')
  if (!path) return { status: 'cancelled' }
  // As every export: never replaces a file without asking, never writes through a link.
  const kind = await nodeExclusiveFs.kindOf(path)
  const replace = kind === 'file' && (await target.confirmOverwrite([basename(path)]))
  if (kind === 'file' && !replace) return { status: 'cancelled' }
  try {
    await writeFileExclusively(nodeExclusiveFs, path, built.content, { replace })
  } catch (error) {
    if (error instanceof TargetTakenError)
      throw new AppError('invalid-request', `Backup not written: ${error.message}.`)
    throw new AppError('internal', `Could not write ${path}: ${(error as Error).message}`)
  }
  return { status: 'written', files: [path], highlights: built.highlights, notes: built.notes }
}

/** The imported briefings' dataset files, in the order the library loads them. */
async function libraryFiles(userDataDir: string): Promise<LibraryBundle['briefings']> {
  const dir = join(userDataDir, LIBRARY_DIR)
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()
  } catch {
    return [] // nothing imported yet
  }
  const files: LibraryBundle['briefings'] = []
  for (const file of names) files.push({ file, content: await readFile(join(dir, file), 'utf8') })
  return files
}
