// The CLI's access to the core: opened per command on the chosen dataset and profile, and closed
// afterwards so the profile's annotation lock is released.

import { startCore } from '../app-core'
import type { CoreServices } from '../app-core'
import { defaultUserDataDir, sourceDatasetDir } from '../paths'
import { forkNodeProcess } from '../background/node-process'
import type { CliArgs } from './args'

export interface Output {
  out(text: string): void
  err(text: string): void
}

/** Runs `work` on the core of the chosen dataset and profile, then closes the core (its lock). */
export async function withServices<T>(
  args: CliArgs,
  work: (services: CoreServices) => Promise<T>
): Promise<T> {
  const core = startCore({
    datasetDir: args.dataset ?? sourceDatasetDir(),
    userDataDir: args.profile ?? defaultUserDataDir(),
    appVersion: 'cli',
    spawnIndex: () => forkNodeProcess('index'),
    spawnImport: () => forkNodeProcess('import')
  })
  let result: T
  try {
    result = await work(await core.ready)
  } catch (error) {
    await core.close()
    throw error
  }
  const status = await core.close()
  if (status.pending > 0) {
    // Nothing is reported as done that is not on disk.
    throw new Error(
      `${status.pending} annotation changes could not be saved: ${status.lastError ?? 'write failed'}`
    )
  }
  return result
}
