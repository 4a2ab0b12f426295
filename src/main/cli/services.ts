// The CLI's access to the core: opened per command on the chosen dataset and profile, and closed
// afterwards so the profile's annotation lock is released.

import { startCore } from '../core/app-core'
import type { CoreServices } from '../core/app-core'
import { defaultUserDataDir, sourceDatasetDir } from '../paths'
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
    appVersion: 'cli'
  })
  try {
    return await work(await core.ready)
  } finally {
    await core.close()
  }
}
