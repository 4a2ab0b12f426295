// Imports briefing files into the profile's library (issue #6): each file all or nothing, known
// entities tagged, identical content not imported twice, one dataset file written atomically per
// import, then the library and its search index are swapped in whole.

import { join } from 'node:path'

import type { Briefing, DatasetFile, Entity } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import type { ImportReport } from '../../shared/import-requests'
import { nodeStoreFs } from '../annotations/node-fs'
import { writeDurably } from '../annotations/snapshot'
import type { CoreServices } from '../core/app-core'
import { LIBRARY_DIR } from '../core/library-loader'
import { validateDataset } from '../dataset/load-dataset'
import { tagKnownEntities } from '../import/entity-tagging'
import { importFile } from '../import/import-file'
import { contentHash, kebabCase } from '../import/to-briefing'

export interface FileToImport {
  name: string
  bytes: Uint8Array
}

export async function importBriefings(
  services: CoreServices,
  userDataDir: string,
  files: FileToImport[],
  now: Date = new Date()
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], failed: [] }
  const entities = new Map(services.library.entities)
  const briefings = [...services.library.briefings]
  const imported = new Set(services.imported)
  const hashes = new Map(briefings.map((b) => [contentHash(b), b]))
  const dir = join(userDataDir, LIBRARY_DIR)

  for (const file of files) {
    const result = importFile(file.name, file.bytes, {
      id: 'import',
      importedAt: now.toISOString()
    })
    if ('error' in result) {
      report.failed.push({ file: file.name, message: result.error })
      continue
    }
    const candidates =
      result.format === 'dataset'
        ? result.dataset.briefings.map((b) => ({ briefing: b, extra: result.dataset.entities }))
        : [{ briefing: result.briefing, extra: [] as Entity[] }]
    for (const { briefing: parsed, extra } of candidates) {
      const duplicate = hashes.get(contentHash(parsed))
      if (duplicate) {
        report.duplicates.push({
          file: file.name,
          title: duplicate.title,
          briefingId: duplicate.id
        })
        continue
      }
      const clash = extra.find(
        (e) => entities.has(e.id) && JSON.stringify(entities.get(e.id)) !== JSON.stringify(e)
      )
      if (clash) {
        report.failed.push({
          file: file.name,
          message: `"${file.name}" defines entity "${clash.id}" differently from the library.`
        })
        continue
      }
      const known = [...entities.values(), ...extra.filter((e) => !entities.has(e.id))]
      const briefing = prepare(parsed, result.format === 'dataset', known, briefings)
      const used = usedEntities(briefing, known)
      const dataset: DatasetFile = {
        format: DATASET_FORMAT,
        version: DATASET_VERSION,
        entities: used,
        briefings: [briefing]
      }
      const problems = validateDataset(dataset, file.name)
      if (problems.length > 0) {
        report.failed.push({ file: file.name, message: `"${file.name}": ${problems[0]!.message}` })
        continue
      }
      try {
        await nodeStoreFs.mkdir(dir)
        await writeDurably(
          nodeStoreFs,
          join(dir, `${briefing.id}.json`),
          JSON.stringify(dataset, null, 2)
        )
      } catch (error) {
        report.failed.push({
          file: file.name,
          message: `"${file.name}" could not be saved in the library: ${(error as Error).message}`
        })
        continue
      }
      for (const entity of used) entities.set(entity.id, entity)
      briefings.push(briefing)
      imported.add(briefing.id)
      hashes.set(contentHash(briefing), briefing)
      const mentions = briefing.sections.reduce((n, s) => n + s.mentions.length, 0)
      report.imported.push({
        file: file.name,
        briefingId: briefing.id,
        title: briefing.title,
        sections: briefing.sections.length,
        mentions
      })
    }
  }
  if (report.imported.length > 0) await services.replaceLibrary({ entities, briefings }, imported)
  return report
}

/**
 * A unique id, and the library's known entities tagged in every section. A dataset file keeps
 * its own mentions (its authors annotated it); a text, Markdown or HTML import gets them here.
 */
function prepare(
  parsed: Briefing,
  keepMentions: boolean,
  known: Entity[],
  library: Briefing[]
): Briefing {
  const taken = new Set(library.map((b) => b.id))
  const base =
    keepMentions && !taken.has(parsed.id)
      ? parsed.id
      : kebabCase(parsed.title).slice(0, 60) || 'briefing'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return {
    ...parsed,
    id,
    sections: parsed.sections.map((section) => ({
      ...section,
      mentions: keepMentions ? section.mentions : tagKnownEntities(section.text, known)
    }))
  }
}

function usedEntities(briefing: Briefing, known: Entity[]): Entity[] {
  const ids = new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  return known.filter((e) => ids.has(e.id))
}
