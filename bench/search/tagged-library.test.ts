// The tagged library the search bench's second build holds must be one the app loads whole: a file
// it refused (an entity defined two ways, a mention off its text) would shrink what main holds.

import { describe, expect, it } from 'vitest'

import { loadLibrary } from '../../src/main/library/library-loader'
import { buildCorpus } from './corpus'
import { removeBenchFolders, writeBenchFolders } from './dataset-files'
import { MENTIONS_PER_SECTION, tagged } from './tagged-library'

describe('tagged', () => {
  const briefings = buildCorpus(1_000).briefings.slice(0, 60)
  const tags = briefings.map(tagged)

  it('tags names in every briefing, at most the stated number a section, each on its text', () => {
    for (const { briefing } of tags) {
      expect(briefing.sections.some((s) => s.mentions.length > 0)).toBe(true)
      for (const section of briefing.sections) {
        expect(section.mentions.length).toBeLessThanOrEqual(MENTIONS_PER_SECTION)
        for (const m of section.mentions) expect(section.text.slice(m.start, m.end)).toBe(m.text)
      }
    }
    const perSection = tags.flatMap((t) => t.briefing.sections.map((s) => s.mentions.length))
    expect(perSection.reduce((a, b) => a + b, 0) / perSection.length).toBeGreaterThan(5)
  })

  it('makes a library the app loads whole, an entity cited by many files listed alike', async () => {
    const byId = new Map(tags.map((t) => [t.briefing.id, t.entities]))
    const folders = writeBenchFolders(
      tags.map((t) => t.briefing),
      (b) => byId.get(b.id)!
    )
    try {
      const { library, imported, notices } = await loadLibrary(
        folders.datasetDir,
        folders.userDataDir
      )
      expect(notices).toEqual([])
      expect(imported.size).toBe(briefings.length)
      const mentions = (b: { sections: { mentions: unknown[] }[] }) =>
        b.sections.reduce((n, s) => n + s.mentions.length, 0)
      const loaded = library.briefings.filter((b) => imported.has(b.id))
      const byBriefing = (list: { id: string; sections: { mentions: unknown[] }[] }[]) =>
        Object.fromEntries(list.map((b) => [b.id, mentions(b)]))
      expect(byBriefing(loaded)).toEqual(byBriefing(tags.map((t) => t.briefing)))
      // Files share entities, each listing its own record, as imports write them.
      const files = new Map<string, number>()
      for (const t of tags) for (const e of t.entities) files.set(e.id, (files.get(e.id) ?? 0) + 1)
      expect(Math.max(...files.values())).toBeGreaterThanOrEqual(10)
      for (const id of files.keys()) expect(library.entities.has(id)).toBe(true)
    } finally {
      removeBenchFolders(folders)
    }
  })
})
