// Plans one renderer change as store changes, without touching the store: the records main writes
// (ids and times assigned here, targets re-described from the section's own text) and the id the
// change created or changed. The request's shape was checked by the IPC validator; this checks
// only what depends on the briefing and the current records.

import { describeRange } from '../../shared/anchoring/describe'
import type { AnnotationChange } from '../../shared/annotation-requests'
import type { Highlight, Note, SectionTarget } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import { AppError } from '../errors'
import type { StoreChange } from './store/types'

/** The records a change can refer to (the briefing's live highlights and notes). */
export interface CurrentRecords {
  highlights: readonly Highlight[]
  notes: readonly Note[]
}

/** Time of the change and where new ids come from (called only when a record is created). */
export interface Fresh {
  at: string
  newId: () => string
}

export interface ChangePlan {
  changes: StoreChange[]
  /** The id of the highlight or note the change created or changed. */
  changedId: string
}

export function planChange(
  briefing: Briefing,
  records: CurrentRecords,
  change: AnnotationChange,
  fresh: Fresh
): ChangePlan {
  switch (change.op) {
    case 'highlight.create':
      return planned({ op: 'highlight.put', highlight: newHighlight(briefing, change, fresh) })
    case 'highlight.update': {
      const old = findById(records.highlights, change.id, 'highlight')
      return planned({
        op: 'highlight.put',
        highlight: updatedHighlight(briefing, old, change, fresh)
      })
    }
    case 'note.create':
      return planned({ op: 'note.put', note: newNote(briefing, change, fresh) })
    case 'note.update': {
      const old = findById(records.notes, change.id, 'note')
      return planned({ op: 'note.put', note: updatedNote(old, change, fresh) })
    }
    default:
      // Deletes and restores are store changes as they are; the store says whether they fit.
      return { changes: [change], changedId: change.id }
  }
}

function planned(change: StoreChange & ({ highlight: Highlight } | { note: Note })): ChangePlan {
  const record = 'highlight' in change ? change.highlight : change.note
  return { changes: [change], changedId: record.id }
}

type ChangeOf<Op extends AnnotationChange['op']> = Extract<AnnotationChange, { op: Op }>

function newHighlight(
  briefing: Briefing,
  change: ChangeOf<'highlight.create'>,
  fresh: Fresh
): Highlight {
  return {
    id: fresh.newId(),
    target: verifiedTarget(briefing, change.target),
    color: change.color,
    tags: cleanTags(change.tags ?? []),
    note: change.note ?? '',
    createdAt: fresh.at,
    updatedAt: fresh.at
  }
}

function updatedHighlight(
  briefing: Briefing,
  old: Highlight,
  change: ChangeOf<'highlight.update'>,
  fresh: Fresh
): Highlight {
  return {
    ...old,
    ...(change.color ? { color: change.color } : {}),
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(change.tags ? { tags: cleanTags(change.tags) } : {}),
    ...(change.target ? { target: verifiedTarget(briefing, change.target) } : {}),
    updatedAt: fresh.at
  }
}

function newNote(briefing: Briefing, change: ChangeOf<'note.create'>, fresh: Fresh): Note {
  if (change.target.kind === 'section') sectionOf(briefing, change.target.sectionId)
  return {
    id: fresh.newId(),
    briefingId: briefing.id,
    target: change.target,
    body: change.body,
    tags: cleanTags(change.tags ?? []),
    createdAt: fresh.at,
    updatedAt: fresh.at
  }
}

function updatedNote(old: Note, change: ChangeOf<'note.update'>, fresh: Fresh): Note {
  return {
    ...old,
    ...(change.body !== undefined ? { body: change.body } : {}),
    ...(change.tags ? { tags: cleanTags(change.tags) } : {}),
    updatedAt: fresh.at
  }
}

function sectionOf(briefing: Briefing, sectionId: string) {
  const section = briefing.sections.find((s) => s.id === sectionId)
  if (!section)
    throw new AppError('not-found', `Briefing "${briefing.id}" has no section "${sectionId}".`)
  return section
}

/**
 * The target as main describes it from the section's current text. The renderer's selectors
 * are not trusted: its position must cut out exactly its quote, or the request is refused.
 */
function verifiedTarget(briefing: Briefing, target: SectionTarget): SectionTarget {
  if (target.briefingId !== briefing.id) {
    throw new AppError('invalid-request', 'The highlight names another briefing than the request.')
  }
  const section = sectionOf(briefing, target.sectionId)
  const { start, end } = target.position
  const described =
    end <= section.text.length ? describeRange(section.text, start, end, target) : null
  if (!described || described.quote.exact !== target.quote.exact) {
    throw new AppError(
      'invalid-request',
      `The selected text no longer matches section "${section.heading}"; select it again.`
    )
  }
  return described
}

function findById<T extends { id: string }>(items: readonly T[], id: string, kind: string): T {
  const found = items.find((item) => item.id === id)
  if (!found)
    throw new AppError('not-found', `No ${kind} with id "${id}" (it may be in the trash).`)
  return found
}

/** Trimmed, without duplicates (ignoring case), in the order given. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out
}
