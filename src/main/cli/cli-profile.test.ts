// A --profile that is a file, or lies inside one, is named as such by every command that opens
// the profile, instead of each command failing in its own misleading way; and an --out that is a
// symbolic link is refused, not written through.
import { existsSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runCli } from '../../test-support/cli'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const run = runCli

function aFile(): string {
  const file = join(temp('cli-profile-'), 'notes.txt')
  writeFileSync(file, 'not a profile')
  return file
}

describe('CLI --profile that is not a folder', () => {
  it.each([['list'], ['export'], ['search', 'kishida'], ['import-annotations', 'x.json']])(
    '%s says the profile path is a file',
    async (...command) => {
      const file = aFile()
      const result = await run(...command, '--profile', file)
      expect(result).toEqual({ code: 1, out: '', err: `${file} is a file, not a profile folder` })
    }
  )

  it('names the file a profile path lies inside', async () => {
    const file = aFile()
    const result = await run('list', '--profile', join(file, 'profile'))
    expect(result.code).toBe(1)
    expect(result.err).toBe(`${join(file, 'profile')} is not a profile folder: ${file} is a file`)
  })

  it('still opens a profile folder that does not exist yet', async () => {
    const profile = join(temp('cli-profile-'), 'new', 'profile')
    const result = await run('list', '--profile', profile)
    expect(result.code).toBe(0)
    expect(result.out).toContain('india-japan-quad-2022')
  })
})

describe('CLI export onto a symbolic link', () => {
  it('refuses a dangling link at --out and creates nothing where it points', async () => {
    const dir = temp('cli-out-')
    const link = join(dir, 'notes.md')
    symlinkSync(join(dir, 'elsewhere.md'), link)
    const profile = temp('cli-profile-')
    const result = await run(
      'export',
      '--briefing',
      'india-japan-quad-2022',
      '--out',
      link,
      '--profile',
      profile
    )
    expect(result.code).toBe(1)
    expect(result.err).toBe(
      `Export stopped: ${link} is a symbolic link; an export never writes through a link.`
    )
    expect(existsSync(join(dir, 'elsewhere.md'))).toBe(false)
  })
})
