// Property test of the incremental path: after any sequence of creates, edits, deletes, restores,
// undos, redos and a new version of the briefing's text, the service shows the same anchors as
// anchoring every highlight afresh, search answers as an index built from scratch, and the
// deltas edits answer with, applied to the loaded set as the renderer does, give a fresh load.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import { applyDelta } from '../../shared/annotation-delta'
import type { AnnotationsDelta } from '../../shared/annotation-delta'
import type { AnnotationChange, BriefingAnnotations } from '../../shared/annotation-requests'
import type { Briefing } from '../../shared/dataset'
import type { Library } from '../library/library'
import { createAnnotationSearch } from '../search/annotation-search'
import { useAnnotationService } from '../../test-support/annotation-service'
import { anchored, searchDocuments } from './briefing-view'

const WORDS = 'maritime patrols near the strait raised military concerns about platforms and trade'
const TEXT = Array.from({ length: 6 }, (_, i) => `${WORDS} number ${i}.`).join(' ')

function libraryOf(text: string): Library {
  const briefing: Briefing = {
    id: 'b1',
    title: 'Strait report',
    source: 'Test',
    published: '2022-05-23',
    tags: [],
    sections: [{ id: 's1', heading: 'Patrols', text, tags: [], mentions: [] }]
  }
  return { entities: new Map(), briefings: [briefing] }
}

type Step =
  | { kind: 'create'; at: number; length: number; note: string }
  | { kind: 'update'; which: number; note: string; color: boolean }
  | { kind: 'delete' | 'restore'; which: number }
  | { kind: 'note'; body: string }
  | { kind: 'note-edit'; which: number; body: string }
  | { kind: 'note-delete'; which: number }
  | { kind: 'undo' | 'redo' }
  | { kind: 'new-text'; at: number }

const word = fc.constantFrom('maritime', 'strait', 'evidence', 'military', 'follow', '')
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    at: fc.nat(TEXT.length - 20),
    length: fc.integer({ min: 3, max: 30 }),
    note: word
  }),
  fc.record({
    kind: fc.constant('update' as const),
    which: fc.nat(),
    note: word,
    color: fc.boolean()
  }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('note' as const), body: word }),
  fc.record({ kind: fc.constant('note-edit' as const), which: fc.nat(), body: word }),
  fc.record({ kind: fc.constant('note-delete' as const), which: fc.nat() }),
  fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const) }),
  fc.record({ kind: fc.constant('new-text' as const), at: fc.nat(TEXT.length - 1) })
)

const { setUp, closeLast } = useAnnotationService('incremental')

const QUERIES = ['maritime', 'strait', 'evidence', 'milit*', 'patrol~1', '+military -evidence']

describe('incremental anchoring and indexing', () => {
  it('shows the anchors and search results a full rebuild would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        let library = libraryOf(TEXT)
        const { store, search, service } = await setUp(undefined, () => library)
        try {
          let view = await service.load('b1')
          /** Whether the renderer's copy may be stale (a refused change, a new text). */
          let mayReload = false
          const follow = (delta: AnnotationsDelta): BriefingAnnotations => {
            const next = applyDelta(view, delta)
            if (next) return next
            expect(mayReload).toBe(true)
            return view
          }
          for (const s of steps) {
            const briefing = library.briefings[0]!
            const text = briefing.sections[0]!.text
            const change = changeOf(s, text, view)
            if (s.kind === 'new-text') {
              library = libraryOf(`${text.slice(0, s.at)}Q${text.slice(s.at)}`)
              mayReload = true
            } else if (s.kind === 'undo' || s.kind === 'redo') {
              view = follow(await service[s.kind]('b1'))
            } else if (change) {
              const answer = await service.change('b1', change).catch(() => undefined)
              if (answer) view = follow(answer)
              else mayReload = true
            }
            const fresh = await service.load('b1')
            if (view.revision !== fresh.revision) {
              // The rare path: the renderer's copy is stale, it loads the whole set.
              expect(mayReload).toBe(true)
              view = fresh
              mayReload = false
            }
            expect(view).toEqual(fresh)
            const current = library.briefings[0]!
            const loaded = await store.load('b1')
            expect(view.highlights).toEqual(loaded.highlights.map((h) => anchored(current, h)))
            const rebuilt = createAnnotationSearch()
            rebuilt.setBriefing('b1', searchDocuments(current, loaded))
            for (const query of QUERIES) {
              expect(search.search(query, { take: 50 })).toEqual(
                rebuilt.search(query, { take: 50 })
              )
            }
          }
        } finally {
          // Each run's store, not only at the end of the test.
          await closeLast()
        }
      }),
      {
        numRuns: 25,
        // A highlight, then a new text that moves it: random runs reach this only now and then
        // (a service anchoring against the library it started with passed 25 of them).
        examples: [
          [
            [
              { kind: 'create', at: 0, length: 12, note: '' },
              { kind: 'new-text', at: 0 }
            ]
          ]
        ]
      }
    )
  }, 60_000)
})

function changeOf(s: Step, text: string, view: BriefingAnnotations): AnnotationChange | undefined {
  const pick = <T>(items: readonly T[], which: number) =>
    items.length > 0 ? items[which % items.length] : undefined
  switch (s.kind) {
    case 'create': {
      const target = describeRange(text, s.at, Math.min(text.length, s.at + s.length), {
        briefingId: 'b1',
        sectionId: 's1'
      })
      return target ? { op: 'highlight.create', target, color: 'green', note: s.note } : undefined
    }
    case 'update': {
      const h = pick(view.highlights, s.which)
      return (
        h && { op: 'highlight.update', id: h.id, note: s.note, ...(s.color && { color: 'pink' }) }
      )
    }
    case 'delete': {
      const h = pick(view.highlights, s.which)
      return h && { op: 'highlight.delete', id: h.id }
    }
    case 'restore': {
      const t = pick(view.trash, s.which)
      return t && { op: t.kind === 'highlight' ? 'highlight.restore' : 'note.restore', id: t.id }
    }
    case 'note':
      return {
        op: 'note.create',
        target: { kind: 'section', sectionId: 's1' },
        body: s.body || 'x'
      }
    case 'note-edit': {
      const note = pick(view.notes, s.which)
      return note && { op: 'note.update', id: note.id, body: s.body || 'y' }
    }
    case 'note-delete': {
      const note = pick(view.notes, s.which)
      return note && { op: 'note.delete', id: note.id }
    }
    default:
      return undefined
  }
}
