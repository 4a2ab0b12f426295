import { describe, expect, it } from 'vitest'

import { defaultUserDataDir } from './paths'

describe('defaultUserDataDir', () => {
  it('matches Electron userData on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Briefing Reader')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      '/cfg/Briefing Reader'
    )
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Briefing Reader'
    )
    expect(
      defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')
    ).toContain('Briefing Reader')
  })
})
