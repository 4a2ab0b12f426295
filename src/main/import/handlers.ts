// `library:import*` handlers: dropped files arrive as bytes; dialog imports read the files main's
// own dialog returned. Either way the same all-or-nothing import runs.

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'

import { IMPORT_MAX_BYTES } from '../../shared/import-requests'
import type { ImportReport } from '../../shared/import-requests'
import type { AppCore } from '../app-core'
import { AppError } from '../errors'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from '../app-handlers'
import { importBriefings, updateBriefingDetails } from './import-service'
import { listBriefings } from '../library/handlers'
import type { FileToImport } from './import-service'
import type { ShellPorts } from '../shell/handlers'

const MAX_TOTAL_BYTES = 100 * 1024 * 1024

export function setupImportHandlers(router: IpcRouter, core: AppCore, shell: ShellPorts): void {
  const userDataDir = core.options.userDataDir
  router.handle('library:import', async ({ files }) => {
    const total = files.reduce((sum, f) => sum + (f.base64.length * 3) / 4, 0)
    if (total > MAX_TOTAL_BYTES) {
      throw new AppError('invalid-request', 'Import at most 100 MB of files at once.')
    }
    return importBriefings(
      await servicesOf(core),
      userDataDir,
      files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }))
    )
  })
  router.handle('library:update-details', async (update) => {
    const services = await servicesOf(core)
    const briefing = await updateBriefingDetails(services, userDataDir, update)
    const [summary] = listBriefings(
      { entities: services.library.entities, briefings: [briefing] },
      services.imported
    )
    return summary!
  })
  router.handle('library:import-dialog', async () => {
    const paths = await shell.chooseImportFiles('briefings')
    if (paths.length === 0) return { status: 'cancelled' as const }
    const { files, failed } = await readChosenFiles(paths)
    const report = await importBriefings(await servicesOf(core), userDataDir, files)
    return { status: 'done' as const, ...report, failed: [...failed, ...report.failed] }
  })
}

/** Reads the chosen files, refusing one over the size limit before reading it. */
export async function readChosenFiles(
  paths: string[]
): Promise<{ files: FileToImport[]; failed: ImportReport['failed'] }> {
  const files: FileToImport[] = []
  const failed: ImportReport['failed'] = []
  for (const path of paths) {
    const name = basename(path)
    try {
      const { size } = await stat(path)
      if (size > IMPORT_MAX_BYTES) {
        const mb = (size / 2 ** 20).toFixed(1)
        failed.push({
          file: name,
          message: `"${name}" is ${mb} MB; files up to 20 MB can be imported.`
        })
        continue
      }
      files.push({ name, bytes: await readFile(path) })
    } catch (error) {
      failed.push({
        file: name,
        message: `"${name}" could not be read: ${(error as Error).message}`
      })
    }
  }
  return { files, failed }
}
