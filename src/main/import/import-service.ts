// Imports briefing files into the profile's library (issue #6): each file all or nothing, known
// entities tagged, identical content not imported twice; every file's briefings staged and the
// whole import committed in one step (issue #13), then the library and its search index swapped.

import { dirname } from 'node:path'

import type { DatasetFile } from '../../shared/dataset'
import type { ImportReport } from '../../shared/import-requests'
import { writeFileAtomically } from '../fs/atomic-write'
import { nodeStoreFs } from '../fs/node-fs'
import { checkFile } from './import-candidates'
import type { FileToImport, ImportRun, ReadyBriefing, VersionPolicy } from './import-candidates'
import type { ImportServices } from './import-services'
import { log } from '../log/log'
import { missingDetails } from './missing-details'
import type { ImportedFile } from './parse/import-file'
import type { ImportFailure } from './parse/types'
import { contentHash } from './parse/to-briefing'
import { ImportStaging } from './import-staging'
import { withProposalFiles } from './proposal-files'
import { describeError } from '../errors'

/** Imports `files` in the profile's import queue, after any import or version change before it. */
export function importBriefings(
  services: ImportServices,
  userDataDir: string,
  files: FileToImport[],
  now: Date = new Date(),
  versions: VersionPolicy = 'offer'
): Promise<ImportReport> {
  return services.importState.queue(async () => {
    const started = performance.now()
    const report = await importNow(services, userDataDir, files, now, versions)
    logReport(report, files.length, performance.now() - started)
    return report
  })
}

/** Counts, timing and each refusal (its message names the file, never quotes its text). */
function logReport(report: ImportReport, files: number, ms: number): void {
  log.info(
    `import: ${files} file(s) in ${Math.round(ms)} ms: ${report.imported.length} imported, ` +
      `${report.duplicates.length} already in the library, ${report.versions.length} offered as ` +
      `new versions, ${report.failed.length} refused`
  )
  for (const failure of report.failed) log.warn(`import refused: ${failure.message}`)
}

/** Parse, check (dedupe, version offer, entity clash, validate, propose), write, report; then swap. */
async function importNow(
  services: ImportServices,
  userDataDir: string,
  files: FileToImport[],
  now: Date,
  versions: VersionPolicy
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], versions: [], failed: [] }
  let staging: ImportStaging
  try {
    staging = await ImportStaging.open(userDataDir)
  } catch (error) {
    const why = describeError(error)
    for (const file of files)
      report.failed.push({ file: file.name, message: `"${file.name}" could not be saved: ${why}` })
    return report
  }
  const run = startRun(services, userDataDir, versions, staging)
  try {
    for (const file of files) {
      const result = await parseFile(services, file, now)
      if ('error' in result) {
        report.failed.push({ file: file.name, message: result.error })
        continue
      }
      const failure = await importFile(run, file, result, report)
      if (failure !== undefined) report.failed.push({ file: file.name, message: failure })
      // An e-mail imported without one of its attachments: say which and why.
      if (failure === undefined && result.format !== 'dataset') {
        for (const refused of result.refusedAttachments ?? [])
          report.failed.push({ file: `${file.name} › ${refused.file}`, message: refused.message })
      }
    }
  } catch (error) {
    await run.staging.abandon()
    throw error
  }
  if (!(await commit(run, report))) return report
  if (report.imported.length > 0) {
    await services.replaceLibrary(
      { entities: run.entities, briefings: run.briefings },
      run.imported
    )
  }
  return report
}

/**
 * Commits the import in one step (or, with nothing to import, drops its staging). When the commit
 * cannot be written nothing was imported: every file meant to be is reported failed.
 */
async function commit(run: ImportRun, report: ImportReport): Promise<boolean> {
  if (report.imported.length === 0) {
    await run.staging.abandon()
    return true
  }
  try {
    await run.staging.commit()
    return true
  } catch (error) {
    const files = new Set(report.imported.map((i) => i.file))
    report.imported = []
    const why = describeError(error)
    for (const file of files)
      report.failed.push({ file, message: `"${file}" could not be saved in the library: ${why}` })
    return false
  }
}

/** One parsed file, all or nothing: checked, staged (with rollback), reported. Returns the error. */
async function importFile(
  run: ImportRun,
  file: FileToImport,
  result: ImportedFile,
  report: ImportReport
): Promise<string | undefined> {
  const mark = run.staging.claimCount
  const failure = await checkAndStage(run, file, result, report)
  if (failure !== undefined) await run.staging.releaseSince(mark)
  return failure
}

async function checkAndStage(
  run: ImportRun,
  file: FileToImport,
  result: ImportedFile,
  report: ImportReport
): Promise<string | undefined> {
  let checked
  try {
    checked = await checkFile(run, file, result, report)
  } catch (error) {
    return `"${file.name}" could not be saved in the library: ${(error as Error).message}`
  }
  if ('failure' in checked) return checked.failure
  const failure = await writeWithRollback(run, checked.ready, file)
  if (failure !== undefined) return failure
  run.staging.keep(
    checked.ready.map((r) => ({ id: r.briefing.id, proposals: r.proposals?.proposals.length }))
  )
  report.versions.push(...checked.offers)
  addToRun(run, checked.ready)
  reportImported(report, file, result, checked.ready)
  return undefined
}

/** Working copies of the library for this import. */
function startRun(
  services: ImportServices,
  userDataDir: string,
  versions: VersionPolicy,
  staging: ImportStaging
): ImportRun {
  const briefings = [...services.library.briefings]
  return {
    services,
    userDataDir,
    versions,
    staging,
    entities: new Map(services.library.entities),
    briefings,
    imported: new Set(services.imported),
    hashes: new Map(briefings.map((b) => [contentHash(b), b]))
  }
}

/**
 * Parsed in the import process: a large page must not stall main's event loop. Should that
 * process die on a file (out of memory, say), the file fails and the next starts it afresh.
 */
function parseFile(
  services: ImportServices,
  file: FileToImport,
  now: Date
): Promise<ImportedFile | ImportFailure> {
  return services.importWorker
    .parseImport({
      name: file.name,
      bytes: file.bytes,
      options: { id: 'import', importedAt: now.toISOString() }
    })
    .catch((error: unknown) => ({
      error: `"${file.name}" could not be read: ${describeError(error)}`
    }))
}

/**
 * Stages the file's briefings and proposals (the staging folder laid out like the profile); a
 * failed write removes those already staged.
 */
function writeWithRollback(
  run: ImportRun,
  ready: ReadyBriefing[],
  file: FileToImport
): Promise<string | undefined> {
  const proposals = ready.flatMap((r) => r.proposals ?? [])
  return withProposalFiles(run.staging.folder, proposals, file.name, () =>
    writeAll(
      run.staging,
      ready.map((r) => r.dataset),
      file.name
    )
  )
}

/** Stages each dataset file atomically; on a failure removes those staged. Returns the error. */
async function writeAll(
  staging: ImportStaging,
  datasets: DatasetFile[],
  fileName: string
): Promise<string | undefined> {
  const written: string[] = []
  try {
    for (const dataset of datasets) {
      const path = staging.briefingPath(dataset.briefings[0]!.id)
      await nodeStoreFs.mkdir(dirname(path))
      await writeFileAtomically(nodeStoreFs, path, JSON.stringify(dataset, null, 2))
      written.push(path)
    }
    return undefined
  } catch (error) {
    for (const path of written) await nodeStoreFs.unlink(path).catch(() => undefined)
    return `"${fileName}" could not be saved in the library: ${(error as Error).message}`
  }
}

/** The written briefings join this import's library (and later files' id and duplicate checks). */
function addToRun(run: ImportRun, ready: ReadyBriefing[]): void {
  for (const { briefing, used } of ready) {
    for (const entity of used) run.entities.set(entity.id, entity)
    run.briefings.push(briefing)
    run.imported.add(briefing.id)
    run.hashes.set(contentHash(briefing), briefing)
  }
}

function reportImported(
  report: ImportReport,
  file: FileToImport,
  result: ImportedFile,
  ready: ReadyBriefing[]
): void {
  for (const { briefing, proposals, document } of ready) {
    const missing = document ? missingDetails(document) : []
    const mentions = briefing.sections.reduce((n, s) => n + s.mentions.length, 0)
    const warnings = document?.warnings ?? []
    report.imported.push({
      file: file.name,
      briefingId: briefing.id,
      title: briefing.title,
      sections: briefing.sections.length,
      mentions,
      ...(missing.length > 0 ? { missing } : {}),
      ...(proposals ? { proposals: proposals.proposals.length } : {}),
      ...(warnings.length > 0 ? { warnings } : {})
    })
  }
}
