// The core's start with the search index in a process of its own: started as the profile lock is
// taken, told to read the library once main has it, and stopped if main cannot load it.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { bundledDataset } from '../test-support/import'
import { startCore } from './app-core'
import type { BackgroundPort, HostMessage } from './background/rpc'
import { LIBRARY_DIR } from './library/library-loader'

const DATASET = resolve(__dirname, '../../resources/dataset')

let profile: string
afterEach(() => rmSync(profile, { recursive: true, force: true }))

/** A port that records what happens to its process, never answers, and exits when killed. */
function recordingSpawn(events: string[]) {
  return (): BackgroundPort => {
    events.push('spawned')
    const exits: ((reason: string) => void)[] = []
    return {
      post: (message: HostMessage) => void events.push(`posted ${message.type}`),
      onMessage: () => undefined,
      onExit: (listener) => void exits.push(listener),
      kill: () => {
        events.push('killed')
        for (const listener of exits) listener('killed')
      }
    }
  }
}

describe('startCore with an index process', () => {
  it('starts the process before main lists the library, and has it read the library after', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const late = join(profile, LIBRARY_DIR, 'late.json')
    const base = bundledDataset()
    const spawn = recordingSpawn(events)
    const core = startCore({
      datasetDir: DATASET,
      userDataDir: profile,
      appVersion: 'test',
      // A briefing imported as the process starts: main, listing the folder after, loads it.
      spawnIndex: () => {
        mkdirSync(join(profile, LIBRARY_DIR), { recursive: true })
        writeFileSync(
          late,
          JSON.stringify({ ...base, briefings: [{ ...base.briefings[0]!, id: 'late' }] })
        )
        const port = spawn()
        // Gone by the time the process is told to read: main must have read it before.
        return { ...port, post: (message) => (rmSync(late), port.post(message)) }
      }
    })
    const services = await core.ready
    expect(services.imported.has('late')).toBe(true)
    await core.close()
    expect(events).toEqual(['spawned', 'posted init', 'killed'])
  })

  it('stops the process it started when the library cannot be loaded', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const core = startCore({
      datasetDir: join(profile, 'no-such-dataset'),
      userDataDir: profile,
      appVersion: 'test',
      spawnIndex: recordingSpawn(events)
    })
    await expect(core.ready).rejects.toThrow(/does not exist/)
    expect(events).toEqual(['spawned', 'killed'])
    await core.close()
  })
})
