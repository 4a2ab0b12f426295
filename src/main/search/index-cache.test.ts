// The shard cache file's format: sections' texts kept apart from its JSON come back exactly (any
// Unicode, even a lone surrogate), a file of an older format is rebuilt rather than read, and a
// tail that disagrees with the header is refused.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import { IndexCache, INDEX_CACHE_DIR } from './index-cache'
import { IndexEngine } from './index-engine'
import { buildPostings, TermAnalyser } from './posting-builder'
import { briefingDocuments, createSearchPipeline } from './section-index'
import { packTexts, unpackTexts } from './stored-sections'
import type { StoredSections } from './stored-sections'

const TEXTS = [
  'Plain words about the harbour',
  'Café, naïve, Zürich — “quotes” and emoji 🛰️ at the end 🚢',
  '',
  'A lone surrogate \ud800 in the middle, and a pair 😀',
  'Line one.\n\nLine two.'
]

function stored(): StoredSections {
  const briefing = { id: 'b1', title: 'B', source: 'S', published: '2026-01-01', tags: ['t'] }
  return {
    briefings: [briefing],
    sections: TEXTS.map((text, i) => [
      0,
      { id: `s${i}`, heading: `H${i}`, text, tags: [], mentions: [] }
    ]),
    entities: []
  }
}

function arrays() {
  const { briefings, sections } = stored()
  const briefing = { ...briefings[0]!, sections: sections.map(([, section]) => section) }
  const documents = briefingDocuments(new Map(), briefing)
  return buildPostings(documents, new TermAnalyser(createSearchPipeline()))
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'index-cache-'))
  dirs.push(dir)
  return dir
}

describe('shard cache files', () => {
  it('give back every section text exactly, whatever its characters', async () => {
    const cache = new IndexCache(tempDir())
    const built = new Map([['b1', 'hash']])
    const refs = TEXTS.map((_, i) => `b1/s${i}`)
    await cache.write('k', { arrays: arrays(), built, refs, stored: stored() })
    const read = await cache.read('k')
    expect(read?.stored).toEqual(stored())
    expect(read?.refs).toEqual(refs)
  })

  it('refuse texts that do not add up to what the header says (damage the checksum missed)', () => {
    const { packed, texts } = packTexts(stored())
    expect(packed.textLengths).toContain(-1)
    expect(unpackTexts(structuredClone(packed), texts)).toEqual(stored())
    expect(() => unpackTexts(structuredClone(packed), texts.slice(1))).toThrow()
    expect(() => unpackTexts(structuredClone(packed), `${texts}x`)).toThrow()
    const lengths = packed.textLengths.map((n) => (n > 0 ? n + 1 : n))
    expect(() => unpackTexts({ ...structuredClone(packed), textLengths: lengths }, texts)).toThrow()
    expect(() => unpackTexts({ ...structuredClone(packed), textLengths: [] }, texts)).toThrow()
  })

  it('of an older format are rebuilt, and the start answers as before', async () => {
    const root = tempDir()
    const options = { datasetDir: join(root, 'dataset'), userDataDir: join(root, 'profile') }
    mkdirSync(options.datasetDir)
    const briefing: Briefing = {
      id: 'gen-1',
      title: 'Generated',
      source: 'Test wire',
      published: '2026-01-01',
      tags: [],
      sections: [
        { id: 's1', heading: 'Convoy', text: 'A convoy at the harbour', tags: [], mentions: [] }
      ]
    }
    const file = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      entities: [],
      briefings: [briefing]
    }
    writeFileSync(join(options.datasetDir, 'bundled.json'), JSON.stringify(file))
    const start = async () => {
      const engine = new IndexEngine(options)
      await engine.sync()
      await engine.whenComplete()
      return engine
    }
    const first = await start()
    const before = first.search({ query: 'harbour', take: 5 })
    first.close()
    const dir = join(options.userDataDir, INDEX_CACHE_DIR)
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.idx'))) {
      const bytes = readFileSync(join(dir, name))
      bytes.write('BRX2', 0, 'latin1')
      writeFileSync(join(dir, name), bytes)
    }
    const second = await start()
    expect((await second.stats()).built).toBe(1)
    expect(second.search({ query: 'harbour', take: 5 })).toEqual(before)
    second.close()
  })
})
