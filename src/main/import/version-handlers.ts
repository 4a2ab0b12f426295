// `library:replace-version`, `library:list-versions` and `library:restore-version` (issue #6):
// the analyst's decision on an import offered as a new version, and the kept versions of a
// briefing. Requests name tokens, briefing ids and version numbers, never paths.

import type { AppCore } from '../app-core'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from '../app-handlers'
import { listBriefingVersions, restoreVersion } from './briefing-versions'
import { importBriefings, inProfileQueue } from './import-service'
import { decideVersion } from './version-offers'

export function setupVersionHandlers(router: IpcRouter, core: AppCore): void {
  const userDataDir = core.options.userDataDir
  router.handle('library:replace-version', async (request) => {
    const services = await servicesOf(core)
    return decideVersion({ services, userDataDir }, request, {
      queue: (work) => inProfileQueue(userDataDir, work),
      importSeparately: (file, index) =>
        importBriefings(services, userDataDir, [file], new Date(), { separate: index })
    })
  })
  router.handle('library:list-versions', async ({ briefingId }) =>
    listBriefingVersions(await servicesOf(core), userDataDir, briefingId)
  )
  router.handle('library:restore-version', async ({ briefingId, version }) => {
    const services = await servicesOf(core)
    return inProfileQueue(userDataDir, () =>
      restoreVersion({ services, userDataDir }, briefingId, version)
    )
  })
}
