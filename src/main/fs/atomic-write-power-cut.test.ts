// writeFileAtomically under power loss: cut before each of its filesystem calls in turn, the file
// is the old one or the new one, and the new one once the write has resolved.

import { describe, expect, it } from 'vitest'

import { writeFileAtomically } from './atomic-write'
import { PowerCutDisk } from '../../test-support/power-cut-fs'

const PATH = '/profile/library/briefing.json'
const text = (bytes: Uint8Array | undefined) => bytes && Buffer.from(bytes).toString('utf8')

describe('atomic write under power loss', () => {
  it('leaves the old file or the new one at a cut before any call, the new one once acknowledged', async () => {
    let calls = 0
    for (let cutAt = 1; ; cutAt++) {
      const disk = new PowerCutDisk(['/profile/library'])
      disk.put(PATH, Buffer.from('old'))
      const fs = disk.mount()
      disk.cutBefore(cutAt, 'discard', () => 0.5)
      const acknowledged = await writeFileAtomically(fs, PATH, 'new').then(
        () => true,
        () => false
      )
      if (!disk.isOff) disk.powerOff()
      disk.mount()
      const after = text(disk.get(PATH))
      expect(acknowledged ? ['new'] : ['old', 'new'], `cut before call ${cutAt}`).toContain(after)
      // Leftover temp files are allowed (never read); nothing else may appear.
      expect(disk.files().filter((f) => f !== PATH && !f.endsWith('.tmp'))).toEqual([])
      if (acknowledged) {
        calls = cutAt - 1
        break
      }
    }
    // open, write, sync, rename, folder sync: a cut before each of them was tried.
    expect(calls).toBe(5)
  })
})
