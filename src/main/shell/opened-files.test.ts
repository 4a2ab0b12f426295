// Files opened with Briefing Reader: only .briefing files from the command line, resolved from the
// right folder, queued once each until the window takes them.

import { describe, expect, it } from 'vitest'

import { filesFromArgv, OpenedFiles } from './opened-files'

describe('filesFromArgv', () => {
  it('takes .briefing files after the executable, resolving relative ones from the given folder', () => {
    const argv = ['/opt/Briefing Reader/briefing-reader', 'quad.briefing', '/data/Summit.BRIEFING']
    expect(filesFromArgv(argv, 1, '/home/ana')).toEqual([
      '/home/ana/quad.briefing',
      '/data/Summit.BRIEFING'
    ])
  })

  it('skips switches, other files and the app path of an unpackaged run', () => {
    const argv = ['electron', '.', '--user-data-dir=/p', '--lang', 'notes.txt', 'a.briefing']
    expect(filesFromArgv(argv, 2, '/w')).toEqual(['/w/a.briefing'])
  })

  it('reads a file that looks like a switch when it comes after "--"', () => {
    expect(filesFromArgv(['app', '--', '-draft.briefing'], 1, '/w')).toEqual(['/w/-draft.briefing'])
  })
})

describe('OpenedFiles', () => {
  it('queues files once each, tells when some arrive, and hands them over once', () => {
    const opened = new OpenedFiles()
    let told = 0
    opened.onAdded(() => told++)
    opened.add(['/a.briefing', '/b.briefing'])
    opened.add(['/a.briefing'])
    expect(told).toBe(1)
    expect(opened.take()).toEqual(['/a.briefing', '/b.briefing'])
    expect(opened.take()).toEqual([])
    opened.add(['/a.briefing'])
    expect(opened.size).toBe(1)
    expect(told).toBe(2)
  })
})
