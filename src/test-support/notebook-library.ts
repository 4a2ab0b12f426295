// Generated libraries for the notebook at scale (the e2e spec and the benchmarks): briefings whose
// every sentence is highlighted (every other one with a note), written through main's annotation
// service so the profile is what the app itself would have stored.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { startCore } from '../main/app-core'
import { HIGHLIGHT_COLORS } from '../shared/annotations'
import type { Highlight } from '../shared/annotations'
import type { Briefing, Entity } from '../shared/dataset'

export interface GeneratedShape {
  briefings: number
  sections: number
  /** Sentences per section, each one highlighted. */
  perSection: number
  /** Briefing ids are `${prefix}-${b}`, highlight ids `${prefix}-${b}-${s}-${k}`. */
  prefix: string
  title: (b: number) => string
  /** Ten places, each sentence's "maritime" a mention of one (work for the entity facet). */
  mentions?: boolean
  /** Every third highlight of a section tagged `follow-up`. */
  tags?: boolean
}

const ENTITIES = 10
const sentence = (k: number) => `Passage ${String(k).padStart(4, '0')} on maritime awareness. `

/** Id of highlight `k` of section `s` in briefing `b`. */
export const generatedHighlightId = (shape: GeneratedShape, b: number, s: number, k: number) =>
  `${shape.prefix}-${b}-${s}-${k}`

export function generatedBriefings(shape: GeneratedShape): {
  briefings: Briefing[]
  entities: Entity[]
} {
  const text = Array.from({ length: shape.perSection }, (_, k) => sentence(k))
    .join('')
    .trimEnd()
  const mentions = shape.mentions
    ? Array.from({ length: shape.perSection }, (_, k) => {
        const start = text.indexOf('maritime', k * sentence(0).length)
        return { start, end: start + 8, entity: `e-${k % ENTITIES}`, text: 'maritime' }
      })
    : []
  const entities = shape.mentions
    ? Array.from({ length: ENTITIES }, (_, i) => ({
        id: `e-${i}`,
        kind: 'place' as const,
        name: `Place ${i}`,
        aliases: []
      }))
    : []
  const briefings = Array.from({ length: shape.briefings }, (_, b) => ({
    id: `${shape.prefix}-${b}`,
    title: shape.title(b),
    source: 'Generated',
    published: '2026-01-01',
    tags: [],
    sections: Array.from({ length: shape.sections }, (_, s) => ({
      id: `s${s}`,
      heading: `Part ${s}`,
      text,
      tags: [],
      mentions
    }))
  }))
  return { briefings, entities }
}

/** Every sentence of `briefing` (number `b` of the library) highlighted, one second apart. */
export function generatedHighlights(shape: GeneratedShape, briefing: Briefing, b: number) {
  return briefing.sections.flatMap((section, s) =>
    Array.from({ length: shape.perSection }, (_, k): Highlight => {
      const exact = sentence(k).trimEnd()
      const start = section.text.indexOf(exact)
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, s * shape.perSection + k)).toISOString()
      return {
        id: generatedHighlightId(shape, b, s, k),
        target: {
          briefingId: briefing.id,
          sectionId: section.id,
          quote: {
            type: 'TextQuoteSelector',
            exact,
            prefix: section.text.slice(Math.max(0, start - 32), start),
            suffix: section.text.slice(start + exact.length, start + exact.length + 32)
          },
          position: { type: 'TextPositionSelector', start, end: start + exact.length }
        },
        color: HIGHLIGHT_COLORS[k % HIGHLIGHT_COLORS.length]!,
        tags: shape.tags && k % 3 === 0 ? ['follow-up'] : [],
        note:
          k % 2 === 0 ? `Note ${k}: check *this* against the [source](https://example.org).` : '',
        createdAt: at,
        updatedAt: at
      }
    })
  )
}

/** Writes the dataset file of `shape` into `datasetDir` (created); the briefings are returned. */
export function writeGeneratedDataset(datasetDir: string, shape: GeneratedShape): Briefing[] {
  const { briefings, entities } = generatedBriefings(shape)
  mkdirSync(datasetDir, { recursive: true })
  writeFileSync(
    join(datasetDir, `${shape.prefix}.json`),
    JSON.stringify({ format: 'briefing-reader/dataset', version: 1, entities, briefings })
  )
  return briefings
}

/** A profile in which the first `annotated` briefings (all by default) carry their highlights. */
export async function writeGeneratedProfile(
  datasetDir: string,
  userDataDir: string,
  shape: GeneratedShape,
  annotated = shape.briefings
): Promise<void> {
  const core = startCore({ datasetDir, userDataDir, appVersion: 'generated' })
  const services = await core.ready
  const byId = new Map(services.library.briefings.map((b) => [b.id, b]))
  for (let b = 0; b < annotated; b++) {
    const briefing = byId.get(`${shape.prefix}-${b}`)!
    await services.annotations.importRecords(
      briefing.id,
      generatedHighlights(shape, briefing, b),
      [],
      new Set()
    )
  }
  await core.close()
}
