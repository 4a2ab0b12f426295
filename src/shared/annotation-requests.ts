// IPC requests and responses for highlights, notes and preferences, with their validators.
// The renderer proposes changes; main assigns ids and times, checks targets against the text
// and stores them.

import { HIGHLIGHT_COLORS } from './annotations'
import type {
  AnchoredHighlight,
  HighlightColor,
  Note,
  NoteTarget,
  SectionTarget
} from './annotations'
import { array, bool, int, literal, object, str, union, validator } from './schema'
import type { Check, Validator } from './schema'
import { briefingIdCheck } from './ids'
import { readingSettingsPatch } from './reading-settings'
import type { ReadingSettings } from './reading-settings'
import { panelLayoutPatch } from './panel-layout'
import type { PanelLayout } from './panel-layout'
import { MAX_NOTE_CHARS, noteLimitProblem } from './note-limits'

const ID = str({ min: 1, max: 200, pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, describe: 'an id' })
const TAG = str({
  min: 1,
  max: 60,
  pattern: /^[^\s,#][^,#\n]*$/u,
  describe: 'a tag (1–60 characters, no commas, "#" or line breaks)'
})
const TAGS = array(TAG, 50)
const MARKDOWN: Check<string> = (input, path) => {
  const checked = str({
    max: MAX_NOTE_CHARS,
    describe: 'Markdown text of at most 100,000 characters'
  })(input, path)
  if (!checked.ok) return checked
  const problem = noteLimitProblem(checked.value)
  return problem ? { ok: false, message: `${path}: ${problem}` } : checked
}
const COLOR = literal(...HIGHLIGHT_COLORS)
const OFFSET = int(0, 10_000_000)

const sectionTarget: Check<SectionTarget> = object({
  briefingId: briefingIdCheck,
  sectionId: ID,
  quote: object({
    type: literal('TextQuoteSelector'),
    exact: str({ min: 1, max: 50_000 }),
    prefix: str({ max: 64 }),
    suffix: str({ max: 64 })
  }),
  position: object({ type: literal('TextPositionSelector'), start: OFFSET, end: OFFSET })
})

const noteTarget: Check<NoteTarget> = union<NoteTarget>('kind', {
  briefing: object({ kind: literal('briefing') }),
  section: object({ kind: literal('section'), sectionId: ID })
})

/** A change the renderer asks for; main fills in ids and timestamps. */
export type AnnotationChange =
  | {
      op: 'highlight.create'
      target: SectionTarget
      color: HighlightColor
      note?: string
      tags?: string[]
    }
  | {
      op: 'highlight.update'
      id: string
      color?: HighlightColor
      note?: string
      tags?: string[]
      /** Re-attaches an orphaned highlight (or moves one) to newly selected text. */
      target?: SectionTarget
    }
  | { op: 'highlight.delete'; id: string }
  | { op: 'highlight.restore'; id: string }
  | { op: 'note.create'; target: NoteTarget; body: string; tags?: string[] }
  | { op: 'note.update'; id: string; body?: string; tags?: string[] }
  | { op: 'note.delete'; id: string }
  | { op: 'note.restore'; id: string }

const change: Check<AnnotationChange> = union<AnnotationChange>('op', {
  'highlight.create': object(
    {
      op: literal('highlight.create'),
      target: sectionTarget,
      color: COLOR,
      note: MARKDOWN,
      tags: TAGS
    },
    ['note', 'tags']
  ),
  'highlight.update': object(
    {
      op: literal('highlight.update'),
      id: ID,
      color: COLOR,
      note: MARKDOWN,
      tags: TAGS,
      target: sectionTarget
    },
    ['color', 'note', 'tags', 'target']
  ),
  'highlight.delete': object({ op: literal('highlight.delete'), id: ID }),
  'highlight.restore': object({ op: literal('highlight.restore'), id: ID }),
  'note.create': object(
    { op: literal('note.create'), target: noteTarget, body: MARKDOWN, tags: TAGS },
    ['tags']
  ),
  'note.update': object({ op: literal('note.update'), id: ID, body: MARKDOWN, tags: TAGS }, [
    'body',
    'tags'
  ]),
  'note.delete': object({ op: literal('note.delete'), id: ID }),
  'note.restore': object({ op: literal('note.restore'), id: ID })
})

export interface TrashEntry {
  kind: 'highlight' | 'note'
  id: string
  deletedAt: string
  /** What the analyst sees in the trash: the quote or the note's first line. */
  label: string
}

/** Whether every acknowledged change is on disk. */
export interface SaveStatus {
  saved: boolean
  /** Changes held in memory only, waiting for a successful write. */
  pending: number
  error?: string
}

/** Everything the notes panel needs for one briefing. */
export interface BriefingAnnotations {
  briefingId: string
  /** Which state this is: each edit's delta names the revision it starts from (annotation-delta.ts). */
  revision: number
  highlights: AnchoredHighlight[]
  notes: Note[]
  trash: TrashEntry[]
  canUndo: boolean
  canRedo: boolean
  /** Set when the briefing's annotations cannot be changed, with the reason. */
  readOnly?: string
  /** Problems found while loading (a torn journal line, a quarantined snapshot). */
  warnings: string[]
  save: SaveStatus
}

export type { AnnotationChangeResult } from './annotation-delta'

export interface Preferences {
  colorLabels: Record<HighlightColor, string>
  lastColor: HighlightColor
  reading: ReadingSettings
  /** The reader's side panel: width and collapsed. */
  panel: PanelLayout
}

/** A change of preferences: only the fields (and colour labels) given are changed. */
export interface PreferencesUpdate {
  colorLabels?: Partial<Record<HighlightColor, string>>
  lastColor?: HighlightColor
  reading?: Partial<ReadingSettings>
  panel?: Partial<PanelLayout>
}

export const validateBriefingIdRequest = validator(object({ briefingId: briefingIdCheck }))
export const validateChangeRequest = validator(object({ briefingId: briefingIdCheck, change }))
export const validatePreferencesUpdate: Validator<PreferencesUpdate> = validator(
  object(
    {
      colorLabels: object(
        Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, str({ min: 1, max: 40 })])) as Record<
          HighlightColor,
          Check<string>
        >,
        HIGHLIGHT_COLORS
      ),
      lastColor: COLOR,
      reading: readingSettingsPatch,
      panel: panelLayoutPatch
    },
    ['colorLabels', 'lastColor', 'reading', 'panel']
  )
)
export const validateExternalLink = validator(object({ url: str({ min: 1, max: 2048 }) }))

/** What to export and how (issue #4). Main opens the save dialog; the renderer never names a path. */
export interface ExportOptions {
  scope:
    | { kind: 'briefing'; briefingId: string }
    | { kind: 'briefings'; briefingIds: string[] }
    | { kind: 'library' }
  format: 'md' | 'w3c'
  groupBy: 'section' | 'color'
  includeSectionNotes: boolean
  includeEntities: boolean
  includeOrphans: boolean
  /** Markdown of several briefings: one file, or one file per briefing in a chosen folder. */
  layout: 'single' | 'per-briefing'
}

export type ExportResult =
  | { status: 'cancelled' }
  | { status: 'written'; files: string[]; highlights: number; notes: number }

export type ImportAnnotationsResult =
  | { status: 'cancelled' }
  | {
      status: 'imported'
      file: string
      added: number
      /** Already present (same id and content): not duplicated. */
      unchanged: number
      updated: number
      /** Imported but not placeable on the current text: listed under "Orphaned". */
      orphaned: number
      problems: string[]
      /**
       * Annotations for briefings this library lacks: kept in the profile and attached when the
       * briefing is imported (absent when none wait).
       */
      waiting?: WaitingBriefing[]
      /** Briefings a library backup brought into the library (absent for a W3C file). */
      restored?: number
    }

/** Most different briefings one export may name; beyond it, export the whole library. */
export const MAX_EXPORT_BRIEFINGS = 1000

/**
 * Briefing ids for an export, each once: a repeated id would be loaded and written again, and
 * 10,000 of them kept main busy for minutes.
 */
const exportBriefingIds: Check<string[]> = (input, path) => {
  const checked = array(briefingIdCheck, 10_000)(input, path)
  if (!checked.ok) return checked
  const unique = [...new Set(checked.value)]
  if (unique.length <= MAX_EXPORT_BRIEFINGS) return { ok: true, value: unique }
  return {
    ok: false,
    message: `${path}: expected at most ${MAX_EXPORT_BRIEFINGS.toLocaleString('en')} different briefings (got ${unique.length.toLocaleString('en')}); export the whole library instead`
  }
}

/** Annotations kept for a briefing that is not in the library yet. */
export interface WaitingBriefing {
  briefingId: string
  /** The briefing's title when the imported file named it, else its id. */
  title: string
  /** Highlights and notes that wait for it. */
  count: number
}

export const validateExportOptions: Validator<ExportOptions> = validator(
  object({
    scope: union<ExportOptions['scope']>('kind', {
      briefing: object({ kind: literal('briefing'), briefingId: briefingIdCheck }),
      briefings: object({
        kind: literal('briefings'),
        briefingIds: exportBriefingIds
      }),
      library: object({ kind: literal('library') })
    }),
    format: literal('md', 'w3c'),
    groupBy: literal('section', 'color'),
    includeSectionNotes: bool,
    includeEntities: bool,
    includeOrphans: bool,
    layout: literal('single', 'per-briefing')
  })
)
