// The crash test's workload, shared by the child that runs it and the test that checks it: a
// seeded, deterministic sequence of changes, undos and redos chosen from the current state.

import { HIGHLIGHT_COLORS } from '../shared/annotations'
import type { Highlight, Note } from '../shared/annotations'
import { BriefingModel } from '../main/annotations/store/model'
import type { LoadedAnnotations, StoreChange, TrashItem } from '../main/annotations/store/types'

export const CRASH_BRIEFING = 'crash-test'

/** One step of the workload. */
export type CrashStep = { kind: 'apply'; change: StoreChange } | { kind: 'undo' } | { kind: 'redo' }

/** The part of the state the workload looks at. */
export type CrashView = Pick<LoadedAnnotations, 'highlights' | 'notes' | 'trash'> & {
  canUndo: boolean
  canRedo: boolean
}

/** A small seeded PRNG (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The `step`-th step (from 1) of the workload with this seed, given the current state. */
export function nextStep(
  random: () => number,
  view: CrashView,
  seed: number,
  step: number
): CrashStep {
  const at = new Date(Date.UTC(2026, 0, 1) + seed * 1_000_000 + step * 1000).toISOString()
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)]
  const trashed = (kind: TrashItem['kind']) =>
    view.trash
      .map((t) => (t.kind === 'highlight' ? `h:${t.highlight.id}` : `n:${t.note.id}`))
      .filter((key) => key.startsWith(kind[0]!))
      .sort()
      .map((key) => key.slice(2))
  const r = random()
  // One note in ten is large, so some journal writes span pages and can be torn by SIGKILL.
  const text = random() < 0.1 ? 'long text '.repeat(900) : `text ${seed}.${step}`
  const color = HIGHLIGHT_COLORS[Math.floor(random() * HIGHLIGHT_COLORS.length)]!
  const existing = pick(view.highlights)
  const existingNote = pick(view.notes)
  const trashedHighlight = pick(trashed('highlight'))
  const trashedNote = pick(trashed('note'))

  if (r < 0.15 && existing) {
    return put({ ...existing, color, note: text, updatedAt: at })
  }
  if (r < 0.22 && existing) return apply({ op: 'highlight.delete', id: existing.id })
  if (r < 0.26 && trashedHighlight) return apply({ op: 'highlight.restore', id: trashedHighlight })
  if (r < 0.36) return putNote(newNote(`n-${seed}-${step}`, text, at))
  if (r < 0.42 && existingNote) return putNote({ ...existingNote, body: text, updatedAt: at })
  if (r < 0.46 && existingNote) return apply({ op: 'note.delete', id: existingNote.id })
  if (r < 0.49 && trashedNote) return apply({ op: 'note.restore', id: trashedNote })
  if (r < 0.57 && view.canUndo) return { kind: 'undo' }
  if (r < 0.63 && view.canRedo) return { kind: 'redo' }
  return put(newHighlight(`h-${seed}-${step}`, color, text, at))
}

const apply = (change: StoreChange): CrashStep => ({ kind: 'apply', change })
const put = (highlight: Highlight): CrashStep => apply({ op: 'highlight.put', highlight })
const putNote = (note: Note): CrashStep => apply({ op: 'note.put', note })

function newHighlight(id: string, color: Highlight['color'], note: string, at: string): Highlight {
  return {
    id,
    target: {
      briefingId: CRASH_BRIEFING,
      sectionId: 's1',
      quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 5 }
    },
    color,
    tags: [],
    note,
    createdAt: at,
    updatedAt: at
  }
}

function newNote(id: string, body: string, at: string): Note {
  const target = { kind: 'briefing' } as const
  return { id, briefingId: CRASH_BRIEFING, target, body, tags: [], createdAt: at, updatedAt: at }
}

/** State contents compared by the test: everything but trash deletion times. */
export function comparable(view: Pick<CrashView, 'highlights' | 'notes' | 'trash'>): string {
  const byId = <T extends { id: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const trash = view.trash
    .map((t): [string, Highlight | Note] =>
      t.kind === 'highlight' ? [`h:${t.highlight.id}`, t.highlight] : [`n:${t.note.id}`, t.note]
    )
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return JSON.stringify({ h: byId(view.highlights), n: byId(view.notes), t: trash })
}

/** The comparable states after 0, 1, ... `steps` steps of the workload with `seed` from `start`. */
export function statesAfter(start: CrashView, seed: number, steps: number): string[] {
  const model = BriefingModel.fromSnapshot({
    v: 1,
    seq: 0,
    at: new Date(0).toISOString(),
    briefingId: CRASH_BRIEFING,
    highlights: start.highlights,
    notes: start.notes,
    trash: start.trash
  })
  const random = seededRandom(seed)
  const view = (): CrashView => ({
    ...model.contents(),
    canUndo: model.canUndo,
    canRedo: model.canRedo
  })
  const states = [comparable(view())]
  for (let n = 1; n <= steps; n++) {
    const step = nextStep(random, view(), seed, n)
    const at = new Date().toISOString()
    if (step.kind === 'apply') model.apply(step.change, at)
    else model[step.kind](at)
    states.push(comparable(view()))
  }
  return states
}
