// Section texts packed into shared strings: equal to what was loaded, in order, and laid out
// where V8 never moves them, one-byte texts kept at one byte per character.

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { bundledDataset } from '../../test-support/import'
import { LIBRARY_DIR, loadLibrary } from './library-loader'
import { CHUNK_CHARS, SectionTextPacker, packChanged, slicedTextCount } from './text-packer'

const here = fileURLToPath(new URL('.', import.meta.url))
const DATASET = fileURLToPath(new URL('../../../resources/dataset', import.meta.url))

function briefingOf(id: string, texts: string[]): Briefing {
  return {
    id,
    title: id,
    source: 'Test',
    published: '2026-01-01',
    tags: [],
    sections: texts.map((text, i) => ({
      id: `s${i}`,
      heading: `H${i}`,
      text,
      tags: [],
      mentions: []
    }))
  }
}

/** Texts of every width: ASCII, Latin-1 (one byte in V8), wider, astral, empty, one character. */
function mixedTexts(count: number): string[] {
  const kinds = [
    (i: number) => `Patrols near the strait, report ${i}. `.repeat(1 + (i % 40)),
    (i: number) => `Café déjà vu n°${i} — `.repeat(1 + (i % 7)).replace(' — ', ' ; '),
    (i: number) => `“Quoted” ${i} – dash`.repeat(1 + (i % 30)),
    (i: number) => `東京 ${i} 🛰️ satellites`.repeat(1 + (i % 9)),
    () => '',
    (i: number) => String.fromCharCode(97 + (i % 26))
  ]
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(i))
}

describe('SectionTextPacker', () => {
  it('leaves every text equal to what was loaded, across chunks and briefings', () => {
    const texts = mixedTexts(6_000)
    const total = texts.reduce((sum, text) => sum + text.length, 0)
    expect(total).toBeGreaterThan(3 * CHUNK_CHARS) // several chunks of each width
    const briefings = Array.from({ length: 60 }, (_, b) =>
      briefingOf(`b${b}`, texts.slice(b * 100, b * 100 + 100))
    )
    const packer = new SectionTextPacker()
    packer.addBriefings(briefings.slice(0, 25))
    packer.addBriefings(briefings.slice(25))
    packer.flush()
    const after = briefings.flatMap((briefing) => briefing.sections.map((s) => s.text))
    expect(after).toEqual(texts)
  })

  it('keeps texts added after a flush equal too', () => {
    const packer = new SectionTextPacker()
    const first = briefingOf('a', ['one', 'two'])
    packer.addBriefings([first])
    packer.flush()
    const second = briefingOf('b', ['three', 'four 🛰️', 'five'])
    packer.addBriefings([second])
    packer.flush()
    expect(first.sections.map((s) => s.text)).toEqual(['one', 'two'])
    expect(second.sections.map((s) => s.text)).toEqual(['three', 'four 🛰️', 'five'])
  })

  it('leaves a text changed after it was handed in, and the others, as they are', () => {
    const packer = new SectionTextPacker()
    const briefing = briefingOf('a', ['first section text', 'second section text', 'third'])
    packer.addBriefings([briefing])
    briefing.sections[0]!.text = 'changed meanwhile'
    packer.flush()
    expect(briefing.sections.map((s) => s.text)).toEqual([
      'changed meanwhile',
      'second section text',
      'third'
    ])
  })

  it('has every text loadLibrary reads go through the packer, and the library come out the same', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'packed-'))
    try {
      mkdirSync(join(profile, LIBRARY_DIR))
      const seed = bundledDataset()
      // Enough imported copies of the bundled briefings for several chunks of text.
      for (let copy = 0; copy < 160; copy++) {
        const briefings = seed.briefings.map((b) => ({ ...b, id: `${b.id}-copy-${copy}` }))
        const file = join(profile, LIBRARY_DIR, `copy-${copy}.json`)
        writeFileSync(file, JSON.stringify({ ...seed, briefings }))
      }
      const plain = await loadLibrary(DATASET, profile)
      const before = slicedTextCount()
      const packed = await loadLibrary(DATASET, profile, { packer: new SectionTextPacker() })
      const chars = plain.library.briefings.flatMap((b) => b.sections).map((s) => s.text.length)
      // Every text went through the packer (but a chunk's only text, left as it is).
      expect(slicedTextCount() - before).toBeGreaterThanOrEqual(chars.length - 2)
      expect(chars.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(2 * CHUNK_CHARS)
      expect(packed).toEqual(plain)
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
  })

  it('packs what a library change brought in, yielding between chunks, and not texts that stayed', async () => {
    // The imported texts long enough for a dozen chunks.
    const texts = mixedTexts(3_000).map((text, i) => (i < 1_000 ? text : text.repeat(8)))
    const old = Array.from({ length: 10 }, (_, b) =>
      briefingOf(`old${b}`, texts.slice(b * 100, b * 100 + 100))
    )
    const before = { entities: new Map(), briefings: old }
    // An import adds 20 briefings; an entity review rewrites old0's sections (equal texts, new
    // strings); a new version of old1 changes one text.
    const imported = Array.from({ length: 20 }, (_, b) =>
      briefingOf(`new${b}`, texts.slice(1_000 + b * 100, 1_100 + b * 100))
    )
    const reviewed = {
      ...old[0]!,
      sections: old[0]!.sections.map((s) => ({ ...s, text: [...s.text].join('') }))
    }
    const version = {
      ...old[1]!,
      sections: old[1]!.sections.map((s, i) => (i === 3 ? { ...s, text: 'Rewritten.' } : { ...s }))
    }
    const after = {
      entities: new Map(),
      briefings: [reviewed, version, ...old.slice(2), ...imported]
    }
    const changed = ['old0', 'old1', ...imported.map((b) => b.id)]
    let turns = 0
    let ticking = true
    const tick = (): void => {
      turns += 1
      if (ticking) setImmediate(tick)
    }
    setImmediate(tick)
    const packed = await packChanged(before, after, changed)
    ticking = false
    expect(packed).toBe(2_000 + 1)
    const importedChars = imported
      .flatMap((b) => b.sections)
      .reduce((sum, s) => sum + s.text.length, 0)
    // Main's loop turned between the chunks.
    expect(importedChars).toBeGreaterThan(10 * CHUNK_CHARS)
    expect(turns).toBeGreaterThanOrEqual(8)
    expect(after.briefings.flatMap((b) => b.sections.map((s) => s.text))).toEqual([
      ...texts.slice(0, 103),
      'Rewritten.',
      ...texts.slice(104, 3_000)
    ])
  })

  // Measured in a process of its own, where collections are run on purpose: a vitest worker's
  // other garbage would blur the figures.
  type Figures = Record<'grown' | 'reviewLarge' | 'reviewHeap' | 'oneKept', number>
  // One probe run checks three things about where the characters live: packed one-byte texts sit
  // in large-object space at one byte each; a reviewed copy frees its strings and keeps the
  // chunks; one kept text keeps one chunk alive, not all that was loaded with it.
  it('lays texts out in small chunks of large-object space, at one byte per character', () => {
    const probe = `
      import { getHeapSpaceStatistics } from 'node:v8'
      import { SectionTextPacker, packChanged } from './text-packer.ts'
      const large = () => getHeapSpaceStatistics()
        .filter((s) => s.space_name === 'large_object_space' || s.space_name === 'new_large_object_space')
        .reduce((sum, s) => sum + s.space_used_size, 0)
      const settled = () => { gc(); gc(); return { large: large(), heap: process.memoryUsage().heapUsed } }
      // 4,000 ordinary texts of 300 ASCII characters, and a wide one among every 50 of them.
      const make = (i) => Array.from({ length: 300 }, (_, c) => String.fromCharCode(97 + ((i + c) % 26))).join('')
      let briefings = Array.from({ length: 40 }, (_, b) => ({
        id: 'b' + b, sections: Array.from({ length: 100 }, (_, s) => ({ id: 's' + s, text: make(b * 100 + s) }))
      }))
      for (const b of briefings) for (let s = 0; s < 100; s += 50) b.sections[s].text += '“wide”'
      const start = settled()
      const packer = new SectionTextPacker()
      if (!process.env.NO_PACK) { packer.addBriefings(briefings); packer.flush() }
      const packed = settled()
      // An entity review: every section copied, with a text equal to its predecessor's.
      let reviewed = briefings.map((b) => ({ ...b, sections: b.sections.map((s) => ({ ...s, text: [...s.text].join('') })) }))
      await packChanged({ briefings }, { briefings: reviewed }, briefings.map((b) => b.id))
      briefings = undefined
      const afterReview = settled()
      // Every text dropped but one.
      const one = reviewed[3].sections[7].text
      reviewed = undefined
      const oneKept = settled()
      console.log(JSON.stringify({
        grown: packed.large - start.large,
        reviewLarge: afterReview.large - packed.large,
        reviewHeap: afterReview.heap - packed.heap,
        oneKept: oneKept.large - start.large,
        // Read here so that \`one\` stays alive through the last measurement.
        kept: one.length
      }))
    `
    const run = (noPack: boolean): Figures => {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', probe],
        {
          cwd: here,
          encoding: 'utf8',
          env: { ...process.env, NODE_OPTIONS: '', NO_PACK: noPack ? '1' : '' }
        }
      )
      return JSON.parse(out.trim().split('\n').pop()!) as Figures
    }
    const chars = (4_000 - 80) * 300
    const packed = run(false)
    // The texts are in shared strings in large-object space, at one byte per character (the
    // wide texts are packed apart, in an ordinary string: they do not widen the others). The
    // last chunk, shorter than the others, is an ordinary string.
    expect(packed.grown).toBeGreaterThan(0.8 * chars)
    expect(packed.grown).toBeLessThan(1.2 * chars)
    // The reviewed sections took the packed texts: the chunks stayed, the copies were freed
    // (neither kept nor packed again).
    expect(Math.abs(packed.reviewLarge)).toBeLessThan(0.1 * chars)
    expect(packed.reviewHeap).toBeLessThan(0.1 * chars)
    // One text kept keeps one chunk alive, not every text that was loaded with it.
    expect(packed.oneKept).toBeGreaterThan(0.9 * CHUNK_CHARS)
    expect(packed.oneKept).toBeLessThan(1.5 * CHUNK_CHARS)
    // Unpacked, they are ordinary strings, which V8 may move.
    expect(run(true).grown).toBeLessThan(0.1 * chars)
  })
})
