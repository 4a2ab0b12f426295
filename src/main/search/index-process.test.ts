// The index in its own process (a Node child process here; an Electron utility process in the
// app): queries and errors cross the channel, the process reports its own memory, and a stopped
// process makes calls fail with a message instead of hanging.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import { AppError } from '../errors'
import { startIndexHost } from './index-host'
import type { IndexHost } from './index-host'
import { forkNodeProcess } from '../background/node-process'
import type { BackgroundPort } from '../background/rpc'
import { QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'

let root: string
let host: IndexHost

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'index-host-'))
  const datasetDir = join(root, 'dataset')
  mkdirSync(datasetDir)
  const dataset = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: [...testLibrary().entities.values()],
    briefings: [QUAD_BRIEFING]
  }
  writeFileSync(join(datasetDir, 'quad.json'), JSON.stringify(dataset))
  host = startIndexHost({
    datasetDir,
    userDataDir: join(root, 'profile'),
    spawn: () => forkNodeProcess('index')
  })
})

afterAll(async () => {
  await host.close()
  rmSync(root, { recursive: true, force: true })
})

describe('index process', () => {
  it('answers searches with marked hits once synced', async () => {
    await host.sync()
    const response = await host.search({ query: 'kishida', take: 5 })
    expect(response.total).toBeGreaterThan(0)
    expect(response.hits[0]?.snippet.some((part) => part.mark)).toBe(true)
    expect(response.indexing.pendingBriefings).toBe(0)
  })

  it('sends query errors back as AppErrors with their code', async () => {
    const error = await host.search({ query: '*pan', take: 5 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('query-syntax')
    expect((error as AppError).message).toMatch(/can't start with "\*"/)
  })

  it('reports its own memory, not the caller’s', async () => {
    const stats = await host.stats()
    expect(stats.rss).toBeGreaterThan(10_000_000)
    expect(stats.maxRss).toBeGreaterThanOrEqual(stats.rss)
    expect(stats.shards).toBe(1)
    expect(stats.cacheBytes).toBeGreaterThan(0)
  })

  it('says across the process boundary when nothing is left to prepare (the benchmark waits on it)', async () => {
    await expect.poll(async () => (await host.stats()).prepared, { timeout: 15_000 }).toBe(true)
  })

  it('times a query run back-to-back inside the process, answering as a plain search does', async () => {
    await host.sync()
    const query = { query: 'kishida', take: 5 }
    const burst = await host.timeSearchBurst(query, { runs: 7, warmup: 2 })
    expect(burst.samples).toHaveLength(7)
    expect(burst.samples.every((ms) => ms > 0)).toBe(true)
    expect(burst.answer).toEqual(await host.search(query))
  })

  it('refuses a burst of runs it should not hold the process for', async () => {
    const query = { query: 'kishida' }
    for (const burst of [
      { runs: 0, warmup: 2 },
      { runs: 1_001, warmup: 2 },
      { runs: 2.5, warmup: 2 },
      { runs: 10, warmup: -1 }
    ]) {
      const error = await host.timeSearchBurst(query, burst).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('invalid-request')
    }
  })

  it('starts a new index process, from the cache, after the old one died', async () => {
    const ports: BackgroundPort[] = []
    const revived = startIndexHost({
      datasetDir: join(root, 'dataset'),
      userDataDir: join(root, 'profile'),
      spawn: () => {
        const port = forkNodeProcess('index')
        ports.push(port)
        return port
      }
    })
    await revived.sync()
    // Sent right after the kill, before its exit can be seen: it can only fail.
    ports[0]!.kill()
    await expect(revived.status()).rejects.toThrow(/search index process stopped/)
    await revived.sync()
    expect((await revived.search({ query: 'kishida', take: 5 })).total).toBeGreaterThan(0)
    expect(ports).toHaveLength(2)
    expect((await revived.stats()).built).toBe(0)
    await revived.close()
  })

  it('fails calls with a message once the process has stopped', async () => {
    await host.close()
    const error = await host.search({ query: 'kishida' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/search index process stopped/)
  })
})
