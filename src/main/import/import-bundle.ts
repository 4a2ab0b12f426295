// Restores a library backup (export/bundle-export.ts) into this profile: its briefings through the
// normal import (ids kept, duplicates skipped), then its annotations through the normal annotation
// import; what finds no briefing waits for it. An empty profile gets the same library back.

import { basename } from 'node:path'

import type { ImportAnnotationsResult } from '../../shared/annotation-requests'
import type { ImportReport } from '../../shared/import-requests'
import type { AnnotationImportServices } from '../annotations/import-annotations'
import {
  attachWaiting,
  importAnnotationsText,
  readAnnotationsFile
} from '../annotations/import-annotations'
import { keepWaiting, waitingBriefings } from '../annotations/waiting-annotations'
import type { WaitingRecords } from '../annotations/waiting-annotations'
import { AppError } from '../errors'
import { importBriefings } from './import-service'
import type { ImportServices } from './import-services'

/** The `format` of a library bundle (the same value export/bundle-export.ts writes). */
const BUNDLE_FORMAT = 'briefing-reader/library-bundle'

/** What a bundle import reads and changes. */
export type BundleImportServices = ImportServices & AnnotationImportServices

export interface BundleImportResult {
  briefings: ImportReport
  annotations: Extract<ImportAnnotationsResult, { status: 'imported' }>
}

interface ParsedBundle {
  briefings: { file: string; content: string }[]
  titles: Map<string, string>
  annotations: unknown
  waiting: WaitingRecords[]
}

/** True when `text` is a library bundle rather than a plain W3C annotation file. */
export function isBundleText(text: string): boolean {
  // Cheap: a bundle's first key is its format, as bundle-export.ts writes it.
  const start = text.slice(0, 200)
  return start.includes(`"format"`) && start.includes(`"${BUNDLE_FORMAT}"`)
}

/** Briefings first (so their annotations attach), then annotations, then what waited. */
export async function importBundleText(
  services: BundleImportServices,
  name: string,
  text: string,
  now: Date = new Date()
): Promise<BundleImportResult> {
  const bundle = parseBundle(name, text)
  const files = bundle.briefings.map((b) => ({
    name: b.file,
    bytes: new TextEncoder().encode(b.content)
  }))
  const briefings =
    files.length === 0
      ? { imported: [], duplicates: [], versions: [], failed: [] }
      : await importBriefings(services, services.userDataDir, files, now)
  const result = await importAnnotationsText(
    services,
    name,
    JSON.stringify(bundle.annotations),
    now,
    bundle.titles
  )
  if (result.status !== 'imported') throw new AppError('internal', 'annotation import cancelled')
  for (const records of bundle.waiting) await keepWaiting(services.userDataDir, records)
  if (bundle.waiting.length > 0) await attachWaiting(services, now)
  // What waits now, of this bundle's briefings, is reported with the annotations.
  const ids = new Set([
    ...bundle.waiting.map((w) => w.briefingId),
    ...(result.waiting ?? []).map((w) => w.briefingId)
  ])
  const waiting = (await waitingBriefings(services)).filter((w) => ids.has(w.briefingId))
  const annotations = { ...result }
  delete annotations.waiting
  if (waiting.length > 0) annotations.waiting = waiting
  return { briefings, annotations }
}

function parseBundle(name: string, text: string): ParsedBundle {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new AppError('invalid-request', `"${name}" is not JSON: ${(error as Error).message}`)
  }
  const bundle = json as Record<string, unknown>
  if (bundle?.format !== BUNDLE_FORMAT) {
    throw new AppError('invalid-request', `"${name}" is not a Briefing Reader library backup.`)
  }
  if (bundle.version !== 1) {
    throw new AppError(
      'invalid-request',
      `"${name}" is a library backup of version ${String(bundle.version)}; this app reads version 1.`
    )
  }
  const briefings = Array.isArray(bundle.briefings) ? bundle.briefings : []
  const files = briefings.filter(
    (b): b is { file: string; content: string } =>
      typeof b?.file === 'string' && typeof b?.content === 'string'
  )
  if (files.length !== briefings.length) {
    throw new AppError('invalid-request', `"${name}": a briefing entry has no file or content.`)
  }
  const titles = new Map<string, string>()
  const given = bundle.titles
  if (given && typeof given === 'object') {
    for (const [id, title] of Object.entries(given)) {
      if (typeof title === 'string') titles.set(id, title)
    }
  }
  const waiting = (Array.isArray(bundle.waiting) ? bundle.waiting : []).filter(
    (w): w is WaitingRecords =>
      typeof w?.briefingId === 'string' &&
      typeof w?.title === 'string' &&
      Array.isArray(w?.highlights) &&
      Array.isArray(w?.notes)
  )
  return { briefings: files, titles, annotations: bundle.annotations ?? {}, waiting }
}

/**
 * The app's "Import annotations…": a W3C file as before, or a library backup whose briefings are
 * restored too; what was not restored is listed with the problems.
 */
export async function importAnnotationsOrBundle(
  services: BundleImportServices,
  file: string,
  now: Date = new Date()
): Promise<ImportAnnotationsResult> {
  const name = basename(file)
  const text = await readAnnotationsFile(file, name)
  if (!isBundleText(text)) return importAnnotationsText(services, name, text, now)
  const { briefings, annotations } = await importBundleText(services, name, text, now)
  const notRestored = [
    ...briefings.failed.map((f) => f.message),
    ...briefings.versions.map(
      (v) => `"${v.title}" was not restored: it matches "${v.briefingTitle}" by title and source`
    )
  ]
  return {
    ...annotations,
    problems: [...notRestored, ...annotations.problems],
    restored: briefings.imported.length
  }
}
