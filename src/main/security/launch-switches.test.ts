// A packaged app refuses switches that would let someone take control of it from outside.

import { describe, expect, it } from 'vitest'

import { refusedMessage, refusedSwitches } from './launch-switches'

describe('refusedSwitches', () => {
  it('refuses debugging, inspection, a weaker sandbox and loaded extensions, with or without a value', () => {
    const args = [
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect-brk=0.0.0.0:9229',
      '--js-flags=--allow-natives-syntax',
      '--no-sandbox',
      '--disable-web-security',
      '--load-extension=/tmp/ext',
      '--proxy-server=http://x'
    ]
    expect(refusedSwitches(args, 'linux')).toEqual(args)
  })

  it('reads Chromium’s other spellings: one dash, upper case, and a slash on Windows', () => {
    expect(refusedSwitches(['-inspect', '--Remote-Debugging-Port=1'], 'linux')).toEqual([
      '-inspect',
      '--Remote-Debugging-Port=1'
    ])
    expect(refusedSwitches(['/remote-debugging-port=1'], 'win32')).toEqual([
      '/remote-debugging-port=1'
    ])
    // On Linux and macOS "/inspect" is a path (a file to open), not a switch.
    expect(refusedSwitches(['/inspect'], 'linux')).toEqual([])
  })

  it('lets the app’s own switches and files through, and everything after a lone "--"', () => {
    expect(
      refusedSwitches(
        ['--user-data-dir=/p', '--lang=fr', 'report.briefing', '--', '--inspect', '--no-sandbox'],
        'linux'
      )
    ).toEqual([])
    // A switch that only starts like a refused one is not refused.
    expect(refusedSwitches(['--inspection-report.briefing', '--debugger-notes'], 'linux')).toEqual(
      []
    )
  })

  it('says which switches and why, in one message', () => {
    expect(refusedMessage('Briefing Reader', ['--inspect', '--no-sandbox'])).toBe(
      'Briefing Reader does not start with --inspect, --no-sandbox: these switches would let ' +
        'another program debug or control it. Start it without them.'
    )
  })
})
