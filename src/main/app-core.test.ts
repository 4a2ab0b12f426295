// The core's start with the search index in a process of its own: started as the profile lock is
// taken and loading its cache only, told to read the library once main has it, asked alone by
// searches until then, and stopped if main cannot load it.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'

import { afterEach, describe, expect, it } from 'vitest'

import { bundledDataset } from '../test-support/import'
import { onReadLibrary } from '../test-support/read-library-port'
import { startCore } from './app-core'
import type { CoreOptions } from './app-core'
import { forkNodeProcess } from './background/node-process'
import type { BackgroundPort, HostMessage, ProcessMessage } from './background/rpc'
import { LIBRARY_DIR } from './library/library-loader'

const DATASET = resolve(__dirname, '../../resources/dataset')

let profile: string
afterEach(() => rmSync(profile, { recursive: true, force: true }))

/** The core on this test's profile and the bundled dataset, with `options` added. */
const startTestCore = (options: Partial<CoreOptions>) =>
  startCore({ datasetDir: DATASET, userDataDir: profile, appVersion: 'test', ...options })

/** A port that records what happens to its process, never answers, and exits when killed. */
function recordingSpawn(events: string[]) {
  return (): BackgroundPort => {
    events.push('spawned')
    const exits: ((reason: string) => void)[] = []
    return {
      post: (message: HostMessage) =>
        void events.push(
          message.type === 'init'
            ? `init ${JSON.stringify(message.options)}`
            : `call ${message.method}`
        ),
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
  it('starts the process on its cache before main lists the library, and has it read the library after', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const late = join(profile, LIBRARY_DIR, 'late.json')
    const base = bundledDataset()
    const spawn = recordingSpawn(events)
    let askedWhileLoading: unknown
    const core = startTestCore({
      // Gone once main has loaded the library, before the index process is told to read it: main
      // must have read it before (the app's main collects its load's garbage here).
      afterLoad: () => {
        events.push('after load')
        rmSync(late)
      },
      // A briefing imported as the process starts: main, listing the folder after, loads it.
      spawnIndex: () => {
        mkdirSync(join(profile, LIBRARY_DIR), { recursive: true })
        writeFileSync(
          late,
          JSON.stringify({ ...base, briefings: [{ ...base.briefings[0]!, id: 'late' }] })
        )
        // Searches go to the index alone until main is ready, and to the whole search after.
        return onReadLibrary(spawn(), () => (askedWhileLoading = core.searchWhileLoading()))
      }
    })
    const services = await core.ready
    expect(await askedWhileLoading).toBeDefined()
    expect(await core.searchWhileLoading()).toBeUndefined()
    expect(services.imported.has('late')).toBe(true)
    await core.close()
    const init = `init ${JSON.stringify({ datasetDir: DATASET, userDataDir: profile, libraryLater: true })}`
    // The app's main collects what its load left then: a pause before the index begins its work.
    expect(events.slice(0, 4)).toEqual(['spawned', init, 'after load', 'call readLibrary'])
    expect(events.at(-1)).toBe('killed')
  })

  it('does not collect after the load when the core is closed meanwhile', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const core = startTestCore({
      afterLoad: () => void events.push('after load'),
      spawnIndex: recordingSpawn(events)
    })
    await core.close()
    expect(events).not.toContain('after load')
    expect(events.at(-1)).toBe('killed')
  })

  it('stops the process it started when the library cannot be loaded', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const core = startTestCore({
      datasetDir: join(profile, 'no-such-dataset'),
      afterLoad: () => void events.push('after load'),
      spawnIndex: recordingSpawn(events)
    })
    await expect(core.ready).rejects.toThrow(/does not exist/)
    expect(await core.searchWhileLoading()).toBeUndefined()
    expect(events).toEqual(['spawned', expect.stringMatching(/^init /), 'killed'])
    await core.close()
  })

  it('has the index process read the files main loaded, and not one main did not', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const base = bundledDataset()
    const briefing = (id: string, word: string) =>
      JSON.stringify({
        ...base,
        briefings: [{ ...base.briefings[0]!, id, title: `The ${word} briefing` }]
      })
    mkdirSync(join(profile, LIBRARY_DIR), { recursive: true })
    writeFileSync(join(profile, LIBRARY_DIR, 'seen.json'), briefing('seen', 'zanzibar'))
    const core = startTestCore({
      // Written after main listed the folder (as a file main could not read then would be left
      // out): the index, reading main's files, leaves it out too.
      spawnIndex: () =>
        onReadLibrary(forkNodeProcess('index'), () =>
          writeFileSync(join(profile, LIBRARY_DIR, 'unseen.json'), briefing('unseen', 'timbuktu'))
        )
    })
    try {
      const services = await core.ready
      await services.search.whenComplete()
      const hits = async (query: string) => (await services.search.search({ query })).total
      expect(await hits('zanzibar')).toBeGreaterThan(0)
      expect(await hits('timbuktu')).toBe(0)
      expect(services.library.briefings.map((b) => b.id)).not.toContain('unseen')
    } finally {
      await core.close()
    }
  })

  it("runs what afterLoad returned once the index's first build is complete, and once", async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const { spawn, answerWhenComplete } = answeringSpawn(events)
    const core = startTestCore({
      afterLoad: () => {
        events.push('after load')
        return () => void events.push('after build')
      },
      spawnIndex: spawn
    })
    await core.ready
    await nextTurn()
    expect(events).toContain('call whenComplete')
    expect(events).not.toContain('after build')
    expect(events.indexOf('call readLibrary')).toBeLessThan(events.indexOf('call whenComplete'))
    answerWhenComplete()
    await nextTurn()
    expect(events.filter((event) => event === 'after build')).toHaveLength(1)
    await core.close()
    expect(events.filter((event) => event === 'after build')).toHaveLength(1)
  })

  it('goes on when what afterLoad returned throws: the start neither fails nor leaves it unhandled', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const { spawn, answerWhenComplete } = answeringSpawn(events)
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      const core = startTestCore({
        afterLoad: () => () => {
          throw new Error('refused')
        },
        spawnIndex: spawn
      })
      await expect(core.ready).resolves.toBeDefined()
      answerWhenComplete()
      await nextTurn()
      await nextTurn()
      expect(unhandled).toEqual([])
      await core.close()
    } finally {
      process.off('unhandledRejection', listener)
    }
  })

  it('runs it too when the build cannot complete: the core closes meanwhile', async () => {
    profile = mkdtempSync(join(tmpdir(), 'app-core-'))
    const events: string[] = []
    const core = startTestCore({
      afterLoad: () => () => void events.push('after build'),
      spawnIndex: answeringSpawn(events).spawn
    })
    await core.ready
    expect(events).not.toContain('after build')
    await core.close()
    await nextTurn()
    expect(events.filter((event) => event === 'after build')).toHaveLength(1)
  })
})

/** A port that records its calls and answers `whenComplete` only when told (its build's end). */
function answeringSpawn(events: string[]) {
  const listeners: ((message: ProcessMessage) => void)[] = []
  const exits: ((reason: string) => void)[] = []
  const waiting: number[] = []
  const spawn = (): BackgroundPort => ({
    post(message: HostMessage) {
      if (message.type !== 'call') return
      events.push(`call ${message.method}`)
      if (message.method === 'whenComplete') waiting.push(message.id)
      // Everything else answered at once, as a process with nothing to build would.
      else
        for (const listener of listeners)
          listener({ type: 'reply', id: message.id, ok: true, value: undefined })
    },
    onMessage: (listener) => void listeners.push(listener),
    onExit: (listener) => void exits.push(listener),
    kill: () => {
      for (const exit of exits) exit('killed')
    }
  })
  const answerWhenComplete = () => {
    for (const id of waiting.splice(0)) {
      for (const listener of listeners) listener({ type: 'reply', id, ok: true, value: undefined })
    }
  }
  return { spawn, answerWhenComplete }
}
