// The analyst's highlights and notes for the open briefing as main last reported them (loaded
// whole, then kept up to date by the delta each change, undo and redo answers with), the
// preferences (colour labels, last colour), and whether everything acknowledged is on disk.

import { DEFAULT_COLOR_LABELS, HIGHLIGHT_COLORS } from '../../../shared/annotations'
import { DEFAULT_READING_SETTINGS } from '../../../shared/reading-settings'
import { DEFAULT_PANEL_LAYOUT } from '../../../shared/panel-layout'
import type {
  AnchoredHighlight,
  HighlightColor,
  Note,
  SectionTarget
} from '../../../shared/annotations'
import { applyDelta } from '../../../shared/annotation-delta'
import type { AnnotationChangeResult, AnnotationsDelta } from '../../../shared/annotation-delta'
import type {
  AnnotationChange,
  BriefingAnnotations,
  Preferences
} from '../../../shared/annotation-requests'
import { AnnotationView } from './annotation-view.svelte'
import { api } from './api'
import { messageOf } from './errors'
import { clearDocumentSelection } from './dom-selection'
import { loadAnnotations } from './load-parts'
import { OrderedAnswers } from './ordered-answers'
import { SaveWatch } from './save-watch.svelte'
import { indexHighlights, patchHighlightIndex, rangesOf } from './section-highlights'
import type { HighlightIndex } from './section-highlights'
import type { HighlightLike } from './segments'

/**
 * `?whole-answers`: each edit's answer is followed by the whole set in one answer, taken in whole,
 * as every edit was answered before deltas: the baseline `npm run bench -- reader` compares with.
 */
const WHOLE_ANSWERS =
  typeof location !== 'undefined' && new URLSearchParams(location.search).has('whole-answers')

const DEFAULT_PREFS: Preferences = {
  colorLabels: { ...DEFAULT_COLOR_LABELS },
  lastColor: 'yellow',
  reading: DEFAULT_READING_SETTINGS,
  panel: DEFAULT_PANEL_LAYOUT
}

export class AnnotationsState {
  /** The open briefing whose annotations are shown (set before they have loaded). */
  briefingId = $state<string | null>(null)
  data = $state.raw<BriefingAnnotations | null>(null)
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle')
  loadError = $state('')
  prefs = $state.raw<Preferences>(DEFAULT_PREFS)
  /** The last change that failed, for the analyst (cleared when dismissed or on success). */
  problem = $state('')
  warningsDismissed = $state(false)

  /** Selection, editor, flash and panel state of the annotation UI. */
  readonly view = new AnnotationView()
  /** Whether everything acknowledged is on disk (`save`, `savedNotice`). */
  readonly saving = new SaveWatch()

  highlights: AnchoredHighlight[] = $derived(this.data?.highlights ?? [])
  /**
   * The highlights by id and by section, kept up to date by each delta (only the sections it
   * touched get new range lists: the others keep theirs, and their text is not laid out again).
   */
  highlightIndex = $state.raw<HighlightIndex>(indexHighlights([]))
  notes: Note[] = $derived(this.data?.notes ?? [])
  readOnly: string | null = $derived(this.data?.readOnly ?? null)
  canEdit = $derived(this.status === 'ready' && !this.data?.readOnly)
  count = $derived(this.highlights.length + this.notes.length)

  #seq = 0
  /** Answers are applied in the order their requests were sent (main runs them in that order). */
  readonly #answers = new OrderedAnswers()
  #loading: Promise<void> = Promise.resolve()

  /** Last known save status; `saved: false` shows the persistent banner. */
  get save() {
    return this.saving.save
  }

  /** Briefly true after unsaved changes have been written. */
  get savedNotice(): boolean {
    return this.saving.savedNotice
  }

  /** The highlight with `id`, if the briefing has it. */
  highlight(id: string | null): AnchoredHighlight | undefined {
    return id === null ? undefined : this.highlightIndex.byId.get(id)
  }

  note(id: string | null): Note | undefined {
    return id === null ? undefined : this.notes.find((n) => n.id === id)
  }

  colorOf(id: string): HighlightColor {
    return this.highlight(id)?.color ?? 'yellow'
  }

  label(color: HighlightColor): string {
    return this.prefs.colorLabels[color] || DEFAULT_COLOR_LABELS[color]
  }

  /** Anchored highlights of one section, for segmentation. */
  rangesIn(sectionId: string): HighlightLike[] {
    return [...rangesOf(this.highlightIndex, sectionId)]
  }

  /** Loads the annotations of `briefingId` (again, if it is already open). */
  open(briefingId: string): Promise<void> {
    const seq = ++this.#seq
    if (this.briefingId !== briefingId) {
      this.data = null
      this.highlightIndex = indexHighlights([])
      this.view.reset()
      this.warningsDismissed = false
      this.status = 'loading'
    }
    this.briefingId = briefingId
    this.#loading = (async () => {
      try {
        const data = await loadAnnotations(briefingId)
        if (seq !== this.#seq) return
        this.#accept(data)
        this.status = 'ready'
      } catch (error) {
        if (seq !== this.#seq) return
        this.status = 'error'
        this.loadError = messageOf(error)
      }
    })()
    return this.#loading
  }

  /** Resolves once the annotations being loaded are in. */
  loaded(): Promise<void> {
    return this.#loading
  }

  async loadPreferences(): Promise<void> {
    try {
      this.prefs = withDefaults(await api.getPreferences())
    } catch {
      this.prefs = DEFAULT_PREFS // shown with default labels; saving will report problems
    }
  }

  /**
   * Sends one change at once; main runs a briefing's changes in the order sent, and their answers
   * are applied in that order. Null when it failed.
   */
  change(change: AnnotationChange): Promise<AnnotationChangeResult | null> {
    const briefingId = this.briefingId
    if (!briefingId || !this.canEdit) return Promise.resolve(null)
    return this.#send(() => api.changeAnnotation({ briefingId, change }), failureOf(change))
  }

  /** Creates a highlight and returns its id (null when refused). */
  async createHighlight(target: SectionTarget, color: HighlightColor): Promise<string | null> {
    void this.setLastColor(color)
    const result = await this.change({ op: 'highlight.create', target, color })
    return result?.changedId ?? null
  }

  /**
   * Highlights the offered text selection with `color` (default: the last colour); with
   * `withNote` the new highlight's editor opens with the caret in its note.
   */
  async highlightSelection(color = this.prefs.lastColor, withNote = false): Promise<void> {
    const selection = this.view.selection
    if (!selection || !this.canEdit) return
    clearDocumentSelection()
    this.view.setSelection(null)
    const id = await this.createHighlight(selection.target, color)
    if (id && withNote) this.view.select(id, true, true)
  }

  /** Creates a note and returns its id (null when refused). */
  async createNote(
    change: Extract<AnnotationChange, { op: 'note.create' }>
  ): Promise<string | null> {
    const result = await this.change(change)
    return result?.changedId ?? null
  }

  // While requests are in flight, whether there is something to undo or redo is main's to decide
  // when the step's turn comes: Ctrl+Z then Ctrl+Y, pressed quickly, must redo what was undone.
  // With nothing in flight, the last answer already says, and no request is sent for nothing.
  undo(): Promise<AnnotationsDelta | null> {
    const briefingId = this.briefingId
    if (!briefingId || !this.canEdit) return Promise.resolve(null)
    if (this.#answers.inFlight === 0 && !this.data?.canUndo) return Promise.resolve(null)
    return this.#send(() => api.undo({ briefingId }), 'Could not undo')
  }

  redo(): Promise<AnnotationsDelta | null> {
    const briefingId = this.briefingId
    if (!briefingId || !this.canEdit) return Promise.resolve(null)
    if (this.#answers.inFlight === 0 && !this.data?.canRedo) return Promise.resolve(null)
    return this.#send(() => api.redo({ briefingId }), 'Could not redo')
  }

  async setLastColor(color: HighlightColor): Promise<void> {
    if (this.prefs.lastColor === color) return
    this.prefs = { ...this.prefs, lastColor: color }
    try {
      this.prefs = withDefaults(await api.setPreferences({ lastColor: color }))
    } catch {
      // Only a convenience: the colour is still remembered for this session.
    }
  }

  /** Renames colour labels; returns an error message for the analyst, or '' when saved. */
  async renameColors(labels: Partial<Record<HighlightColor, string>>): Promise<string> {
    try {
      this.prefs = withDefaults(await api.setPreferences({ colorLabels: labels }))
      return ''
    } catch (error) {
      return `The colour names could not be saved: ${messageOf(error)}`
    }
  }

  dismissProblem(): void {
    this.problem = ''
  }

  /** Sends a request now and applies its answer after the answers of every earlier request. */
  #send<T extends AnnotationsDelta>(request: () => Promise<T>, failure: string): Promise<T | null> {
    return this.#answers.send(request, async (outcome) => {
      if (!outcome.ok) {
        this.problem = `${failure}: ${messageOf(outcome.error)}`
        return null
      }
      if (WHOLE_ANSWERS) {
        this.#accept(await api.loadAnnotations({ briefingId: outcome.result.briefingId }))
      } else this.#follow(outcome.result)
      this.problem = ''
      return outcome.result
    })
  }

  #accept(result: BriefingAnnotations): void {
    if (result.briefingId !== this.briefingId) return
    this.data = result
    this.highlightIndex = indexHighlights(result.highlights)
    this.view.forgetMissing(idSet([...result.highlights, ...result.notes]))
    this.saving.watch(result.save)
  }

  /**
   * Applies an edit's delta to the set shown. A delta that does not start from it (an import
   * changed the set, a change was refused after it was numbered) loads the whole set again.
   */
  #follow(delta: AnnotationsDelta): void {
    if (delta.briefingId !== this.briefingId || !this.data) return
    const next = applyDelta(this.data, delta)
    if (!next) {
      void this.open(delta.briefingId)
      return
    }
    this.data = next
    this.highlightIndex = patchHighlightIndex(this.highlightIndex, delta.highlights)
    this.view.forgetRemoved([...delta.highlights.removed, ...delta.notes.removed])
    this.saving.watch(delta.save)
  }
}

/** The ids of `items`, for one-off membership checks (not reactive state). */
function idSet(items: readonly { id: string }[]): ReadonlySet<string> {
  return new Set(items.map((item) => item.id))
}

function withDefaults(prefs: Preferences): Preferences {
  const colorLabels = { ...DEFAULT_COLOR_LABELS }
  for (const color of HIGHLIGHT_COLORS) {
    if (prefs.colorLabels?.[color]) colorLabels[color] = prefs.colorLabels[color]
  }
  const reading = { ...DEFAULT_READING_SETTINGS, ...prefs.reading }
  const panel = { ...DEFAULT_PANEL_LAYOUT, ...prefs.panel }
  return { colorLabels, lastColor: prefs.lastColor ?? 'yellow', reading, panel }
}

function failureOf(change: AnnotationChange): string {
  const [kind, action] = change.op.split('.') as [string, string]
  const verbs: Record<string, string> = {
    create: 'add',
    update: 'change',
    delete: 'delete',
    restore: 'restore'
  }
  return `Could not ${verbs[action] ?? action} the ${kind}`
}
