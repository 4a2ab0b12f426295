// `library:import*`, version and `entities:*` handlers. Dropped files arrive as bytes; dialog imports
// read the files main's own dialog returned; either way the same all-or-nothing import runs.
// Requests name tokens, briefing ids and version numbers, never paths.

import { AppError } from '../errors'
import type { IpcRouter } from '../ipc/router'
import { listBriefings } from '../library/briefings'
import { listBriefingVersions, restoreVersion } from './briefing-versions'
import { applyEntityReview, entityReview, pendingReviews } from './entity-review-service'
import { importBriefings } from './import-service'
import { updateBriefingDetails } from './briefing-details'
import type { ImportServices } from './import-services'
import { readChosenFiles } from './read-files'
import type { ReadingPositions } from '../library/reading-positions'
import type { AddedDates } from '../library/added-dates'
import type { ImportReport } from '../../shared/import-requests'
import { decideVersion } from './version-offers'

const MAX_TOTAL_BYTES = 100 * 1024 * 1024

export interface ImportPorts {
  /** The profile folder: the library, versions and proposals live under it. */
  userDataDir: string
  /** Main's open dialog for briefing files; [] when cancelled. */
  chooseFiles(): Promise<string[]>
  /** The files the system opened with the app since the last call (taken: asked once). */
  takeOpenedFiles(): string[]
  /** Reading positions, re-anchored when a briefing changes version. */
  positions?: ReadingPositions
  /** When imported briefings were added (the library's "Added" sort), recorded per import. */
  added?: AddedDates
}

export function setupImportHandlers(
  router: IpcRouter,
  services: () => Promise<ImportServices>,
  ports: ImportPorts
): void {
  const { userDataDir } = ports
  const importFiles = async (files: Parameters<typeof importBriefings>[2]) => {
    const report = await importBriefings(await services(), userDataDir, files)
    await recordAdded(ports.added, report)
    return report
  }
  router.handle('library:import', async ({ files }) => {
    const total = files.reduce((sum, f) => sum + (f.base64.length * 3) / 4, 0)
    if (total > MAX_TOTAL_BYTES) {
      throw new AppError('invalid-request', 'Import at most 100 MB of files at once.')
    }
    return importFiles(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })))
  })
  router.handle('library:update-details', async (update) => {
    const current = await services()
    const briefing = await updateBriefingDetails(current, userDataDir, update)
    const [summary] = listBriefings(
      { entities: current.library.entities, briefings: [briefing] },
      current.imported
    )
    return summary!
  })
  // Paths come from main's own dialog or from the system, never from the renderer.
  const importPaths = async (paths: string[]) => {
    if (paths.length === 0) return { status: 'cancelled' as const }
    const { files, failed } = await readChosenFiles(paths)
    const report = await importFiles(files)
    return { status: 'done' as const, ...report, failed: [...failed, ...report.failed] }
  }
  router.handle('library:import-dialog', async () => importPaths(await ports.chooseFiles()))
  router.handle('library:import-opened', async () => importPaths(ports.takeOpenedFiles()))
  setupVersionHandlers(router, services, userDataDir, ports)
  setupEntityReviewHandlers(router, services, userDataDir)
}

/** The analyst's decision on an import offered as a new version, and a briefing's kept versions. */
function setupVersionHandlers(
  router: IpcRouter,
  services: () => Promise<ImportServices>,
  userDataDir: string,
  { positions, added }: Pick<ImportPorts, 'positions' | 'added'>
): void {
  router.handle('library:replace-version', async (request) => {
    const current = await services()
    return decideVersion({ services: current, userDataDir, positions }, request, {
      queue: (work) => current.importState.queue(work),
      importSeparately: async (file, index) => {
        const report = await importBriefings(current, userDataDir, [file], new Date(), {
          separate: index
        })
        await recordAdded(added, report)
        return report
      }
    })
  })
  router.handle('library:list-versions', async ({ briefingId }) =>
    listBriefingVersions(await services(), userDataDir, briefingId)
  )
  router.handle('library:restore-version', async ({ briefingId, version }) => {
    const current = await services()
    return current.importState.queue(() =>
      restoreVersion({ services: current, userDataDir, positions }, briefingId, version)
    )
  })
}

/** The proposed entities of imported briefings, reviewed by the analyst. */
function setupEntityReviewHandlers(
  router: IpcRouter,
  services: () => Promise<ImportServices>,
  userDataDir: string
): void {
  router.handle('entities:pending', async () => pendingReviews(await services(), userDataDir))
  router.handle('entities:review', async ({ briefingId }) =>
    entityReview(await services(), userDataDir, briefingId)
  )
  router.handle('entities:apply', async (decisions) =>
    applyEntityReview(await services(), userDataDir, decisions)
  )
}

/** A date that cannot be written is found again from the file's mtime: the import stands. */
async function recordAdded(added: AddedDates | undefined, report: ImportReport): Promise<void> {
  const ids = report.imported.map((item) => item.briefingId)
  if (added && ids.length > 0) await added.record(ids, new Date()).catch(() => undefined)
}
