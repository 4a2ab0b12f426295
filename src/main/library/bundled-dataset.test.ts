// The bundled dataset (resources/dataset): it loads cleanly, its text is the seed article's, and
// its annotations are complete. Regenerate it with `npx tsx scripts/build-seed-dataset.ts`.

import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { beforeAll, describe, expect, it } from 'vitest'

import { SEED_PATH } from '../../test-support/fixtures'
import type { Briefing, EntityKind } from '../../shared/dataset'
import { findWholeWord, isWordChar, splitParagraphs } from '../../shared/canonical-text'
import type { Library } from './library'
import { findUntaggedMentions, loadDatasetDir } from './load-dataset'

const HERE = dirname(fileURLToPath(import.meta.url))
const DATASET_DIR = resolve(HERE, '../../../resources/dataset')

let library: Library
let briefing: Briefing

beforeAll(async () => {
  library = await loadDatasetDir(DATASET_DIR)
  briefing = library.briefings.find((b) => b.id === 'india-japan-quad-2022')!
})

describe('bundled dataset', () => {
  it('loads with no problems and holds the India–Japan briefing', () => {
    expect(briefing).toBeDefined()
    expect(briefing.published).toBe('2022-05-23')
    expect(briefing.source).toBe('Financial Express Online')
  })

  it('has the lead and the six headed sections', () => {
    expect(briefing.sections.map((s) => [s.id, s.heading, s.editorialHeading ?? false])).toEqual([
      ['lead', 'Overview', true],
      ['quad-summit', 'QUAD Summit', false],
      ['two-plus-two-dialogue', 'India-Japan 2+2 Ministerial Dialogue & More', false],
      ['military-cooperation', 'Military Cooperation', false],
      ['bilateral-talks', 'Bilateral Talks', false],
      ['ukraine-russia-war', 'Differences over the on-going Ukraine-Russia War', false],
      ['northeast-investments', 'Investments in Northeast', false]
    ])
    for (const section of briefing.sections) expect(section.tags.length).toBeGreaterThan(0)
  })

  it('has exactly the seed article’s paragraphs and headings', () => {
    if (!existsSync(SEED_PATH)) {
      throw new Error(`Seed article not found at ${SEED_PATH} (it belongs in fixtures/seed)`)
    }
    const seed = splitParagraphs(readFileSync(SEED_PATH, 'utf8'))
    const ours = briefing.sections.flatMap((s) => [
      ...(s.editorialHeading ? [] : [s.heading]),
      ...s.text.split('\n\n')
    ])
    expect(ours).toEqual(seed)
  })

  it('has mentions whose offsets cut exactly their text, on word boundaries', () => {
    for (const section of briefing.sections) {
      for (const m of section.mentions) {
        expect(section.text.slice(m.start, m.end), `${section.id} ${m.start}`).toBe(m.text)
        expect(isWordChar(section.text[m.start - 1]), `${m.text} at ${m.start}`).toBe(false)
        expect(isWordChar(section.text[m.end]), `${m.text} at ${m.start}`).toBe(false)
        const entity = library.entities.get(m.entity)!
        expect([entity.name, ...entity.aliases]).toContain(m.text)
      }
    }
  })

  it('leaves no known name untagged', () => {
    expect(findUntaggedMentions(library)).toEqual([])
  })

  it.each<[string, EntityKind]>([
    ['Narendra Modi', 'person'],
    ['PM Modi', 'person'],
    ['Fumio Kishida', 'person'],
    ['Joe Biden', 'person'],
    ['Anthony Albanese', 'person'],
    ['Rajnath Singh', 'person'],
    ['S Jaishankar', 'person'],
    ['Yoshimasa Hayashi', 'person'],
    ['Nobuo Kishi', 'person'],
    ['Vinay Kwatra', 'person'],
    ['QUAD', 'organisation'],
    ['NATO', 'organisation'],
    ['Mitsubishi', 'organisation'],
    ['Financial Express Online', 'organisation'],
    ['Shinmaywa', 'organisation'],
    ['Tokyo', 'place'],
    ['India', 'place'],
    ['Japan', 'place'],
    ['US', 'place'],
    ['Australia', 'place'],
    ['Russia', 'place'],
    ['Ukraine', 'place'],
    ['Indo-Pacific Region', 'place'],
    ['South China Sea', 'place'],
    ['Korean Peninsula', 'place'],
    ['Northeast', 'place'],
    ['North East', 'place'],
    ['FICV', 'programme'],
    ['Futuristic Infantry Combat Vehicle', 'programme'],
    ['FRCV', 'programme'],
    ['Future Ready Combat Vehicle', 'programme'],
    ['US-2', 'programme'],
    ['MILAN 22', 'programme'],
    ['2+2 Ministerial Dialogue', 'programme'],
    ['2+2 dialogue', 'programme'],
    ['2+2', 'programme'],
    ['QUAD Leaders Summit', 'programme'],
    ['QUAD Summit', 'programme'],
    ['India-Japan Annual Summit', 'programme'],
    ['India-Japan Special Strategic and Global Partnership', 'programme'],
    ['Ukraine-Russia War', 'programme']
  ])('knows %s as a %s, and tags it wherever the text has it', (surface, kind) => {
    const entities = [...library.entities.values()].filter(
      (e) => e.name === surface || e.aliases.includes(surface)
    )
    expect(entities.map((e) => e.kind)).toEqual([kind])
    // Each occurrence is a mention of this entity, lies inside a longer tagged name, or is
    // tagged in adjacent parts ("QUAD" + "Leaders Summit"): no character of it is untagged.
    for (const section of briefing.sections) {
      for (const at of findWholeWord(section.text, surface)) {
        const where = `${section.id} at ${at}`
        for (let i = at; i < at + surface.length; i++) {
          if (section.text[i] === ' ') continue
          const covered = section.mentions.some((m) => m.start <= i && i < m.end)
          expect(covered, `untagged ${surface} in ${where} (offset ${i})`).toBe(true)
        }
        const exact = section.mentions.find((m) => m.start === at && m.text === surface)
        if (exact) expect(exact.entity, where).toBe(entities[0]!.id)
      }
    }
  })

  it('tags the aircraft, not the country, in "US-2", and "PM Modi" before "’s"', () => {
    const talks = briefing.sections.find((s) => s.id === 'two-plus-two-dialogue')!
    const at = talks.text.indexOf('US-2')
    expect(talks.mentions.filter((m) => m.start <= at && at < m.end)).toEqual([
      { start: at, end: at + 4, entity: 'us-2', text: 'US-2' }
    ])
    const bilateral = briefing.sections.find((s) => s.id === 'bilateral-talks')!
    const modi = bilateral.text.indexOf('PM Modi’s')
    expect(bilateral.mentions).toContainEqual({
      start: modi,
      end: modi + 7,
      entity: 'narendra-modi',
      text: 'PM Modi'
    })
  })

  it('tags QUAD as the organisation wherever the summit is named', () => {
    for (const section of briefing.sections) {
      for (const at of findWholeWord(section.text, 'QUAD')) {
        expect(section.mentions).toContainEqual({
          start: at,
          end: at + 4,
          entity: 'quad',
          text: 'QUAD'
        })
        const next = section.mentions.find((m) => m.start === at + 5)
        expect(next?.entity).toBe('quad-leaders-summit')
      }
    }
  })

  it('does not tag adjectives such as Japanese, Indian or Indo-Japanese', () => {
    for (const section of briefing.sections) {
      for (const m of section.mentions) expect(m.text).not.toMatch(/Japanese|Indian|Australian/)
    }
  })
})
