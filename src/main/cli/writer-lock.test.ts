// The CLI and the profile's writer lock: a writing command beside the app (which holds the lock)
// changes nothing and says who holds it; reading commands work beside it and never take it.

import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { runCli } from '../../test-support/cli'
import { PROFILE_LOCK_DIR, ProfileLock } from '../fs/profile-lock'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const app: ProfileLock[] = []

const run = runCli

/** The desktop app on `profile`, as far as the lock goes. */
async function appHolding(profile: string): Promise<ProfileLock> {
  const lock = new ProfileLock(profile, 'Briefing Reader')
  app.push(lock)
  expect(await lock.acquire()).toEqual({ kind: 'held' })
  return lock
}

afterEach(async () => {
  await Promise.all(app.splice(0).map((lock) => lock.release()))
})

describe('CLI beside the app', () => {
  it('refuses to import while the app holds the profile, then imports once it has closed', async () => {
    const profile = temp('cli-lock-')
    const dir = temp('cli-files-')
    const file = join(dir, 'visit.md')
    writeFileSync(file, '# Port visit\n\n## Arrival\n\nThe ship reached Tokyo.\n')
    const lock = await appHolding(profile)
    const refused = await run('import', file, '--profile', profile)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(
      /^Nothing was changed\. This profile is in use by Briefing Reader \(pid \d+\) since /
    )
    expect(refused.out).toBe('')
    expect(existsSync(join(profile, 'library'))).toBe(false)
    const annotations = join(dir, 'notes.json')
    writeFileSync(annotations, JSON.stringify({ '@context': [], type: 'AnnotationCollection' }))
    const refusedNotes = await run('import-annotations', annotations, '--profile', profile)
    expect(refusedNotes).toMatchObject({ code: 1, err: expect.stringMatching(/in use by/) })
    // Reading works beside the app.
    expect((await run('list', '--profile', profile)).code).toBe(0)
    await lock.release()
    const imported = await run('import', file, '--profile', profile)
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/imported "Port visit"/) })
  })

  it('names itself in the lock while it writes, and never takes the lock to read', async () => {
    const profile = temp('cli-lock-')
    expect((await run('list', '--profile', profile)).code).toBe(0)
    expect((await run('search', 'Kishida', '--profile', profile)).code).toBe(0)
    expect(existsSync(join(profile, PROFILE_LOCK_DIR))).toBe(false)
    const dir = temp('cli-files-')
    writeFileSync(join(dir, 'a.md'), '# A\n\n## One\n\nText.\n')
    expect((await run('import', join(dir, 'a.md'), '--profile', profile)).code).toBe(0)
    // Taken for the run and released after it.
    expect(readdirSync(join(profile, PROFILE_LOCK_DIR)).sort()).toEqual(['1.json', '2.json'])
    await appHolding(profile)
  })
})
