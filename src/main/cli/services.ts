// The CLI's access to the core: opened per command on the chosen dataset and profile, and closed
// afterwards. Writing commands hold the profile's writer lock for their run; reading ones never
// touch it, so they neither wait for the app nor keep it from writing.

import { startCore } from '../app-core'
import type { CoreServices } from '../app-core'
import { defaultUserDataDir, sourceDatasetDir } from '../paths'
import { forkNodeProcess } from '../background/node-process'
import { AppError } from '../errors'
import type { CliArgs } from './args'

export interface Output {
  out(text: string): void
  err(text: string): void
}

/**
 * Runs `work` on the core of the chosen dataset and profile, then closes the core. With 'write'
 * it holds the profile's writer lock throughout, and fails at once if another process holds it.
 */
export async function withServices<T>(
  args: CliArgs,
  work: (services: CoreServices) => Promise<T>,
  access: 'read' | 'write' = 'read'
): Promise<T> {
  const core = startCore({
    datasetDir: args.dataset ?? sourceDatasetDir(),
    userDataDir: args.profile ?? defaultUserDataDir(),
    appVersion: 'cli',
    access,
    holder: `the Briefing Reader command line (${args.command ?? 'cli'})`,
    spawnIndex: () => forkNodeProcess('index'),
    spawnImport: () => forkNodeProcess('import')
  })
  let result: T
  try {
    const services = await core.ready
    if (access === 'write' && services.profileReadOnly !== undefined) {
      throw new AppError('read-only', `Nothing was changed. ${services.profileReadOnly}`)
    }
    result = await work(services)
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

/** `withServices` for a command that writes the profile: it holds the writer lock throughout. */
export function withWriter<T>(
  args: CliArgs,
  work: (services: CoreServices) => Promise<T>
): Promise<T> {
  return withServices(args, work, 'write')
}
