// The notebook across briefings as the renderer shows it: the filter, grouping and sort the
// analyst chose, and the pages of items main has sent so far (main filters and pages: the
// renderer never holds the whole library). Notes are edited through `annotations:change`, the
// one write path, and exported through main's Markdown export with the current filter.

import type { AnnotationChange, ExportResult } from '../../../shared/annotation-requests'
import type {
  NotebookFilter,
  NotebookGroup,
  NotebookItem,
  NotebookPage,
  NotebookSort
} from '../../../shared/notebook'
import { api } from './api'
import { messageOf } from './errors'

/** Items asked for per page. */
export const NOTEBOOK_PAGE = 100

type Facets = NotebookPage['facets']
const NO_FACETS: Facets = { colors: [], tags: [], entities: [], briefings: [] }

export class NotebookState {
  filter = $state.raw<NotebookFilter>({})
  group = $state<NotebookGroup>('briefing')
  sort = $state<NotebookSort>('reading')
  items = $state.raw<NotebookItem[]>([])
  groups = $state.raw<NotebookPage['groups']>([])
  facets = $state.raw<Facets>(NO_FACETS)
  total = $state(0)
  libraryTotal = $state(0)
  /** Briefings whose highlights and notes could not all be read. */
  problems = $state.raw<NotebookPage['problems']>([])
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle')
  error = $state('')
  /** A page after the first is on its way. */
  loadingMore = $state(false)
  /** The item whose text is being edited (by its group key and id). */
  editing = $state<string | null>(null)
  /** Why the last edit was not saved. */
  editProblem = $state('')
  /** The last export's outcome, for the notice. */
  exported = $state.raw<ExportResult | null>(null)
  exportProblem = $state('')
  exporting = $state(false)

  #seq = 0
  #writes: Promise<unknown> = Promise.resolve()

  get hasMore(): boolean {
    return this.items.length < this.total
  }

  get filtered(): boolean {
    const f = this.filter
    return Boolean(
      f.colors?.length ||
      f.tags?.length ||
      f.entities?.length ||
      f.briefingIds?.length ||
      f.from ||
      f.to
    )
  }

  /** Reads the first page again (after the filter, grouping or sort changed, or on opening). */
  async refresh(): Promise<void> {
    const seq = ++this.#seq
    this.status = this.status === 'ready' ? 'ready' : 'loading'
    try {
      const page = await this.#page(0)
      if (seq !== this.#seq) return
      this.#accept(page, [])
      this.status = 'ready'
      this.error = ''
    } catch (error) {
      if (seq !== this.#seq) return
      this.status = 'error'
      this.error = messageOf(error)
    }
  }

  /** Appends the next page. */
  async more(): Promise<void> {
    if (this.loadingMore || !this.hasMore || this.status !== 'ready') return
    const seq = this.#seq
    this.loadingMore = true
    try {
      const page = await this.#page(this.items.length)
      if (seq !== this.#seq) return
      // The listing changed since the pages before (a briefing read again after a failed read, an
      // edit elsewhere): its offsets no longer line up with what is shown, so read it from the top.
      if (page.total !== this.total || page.libraryTotal !== this.libraryTotal) void this.refresh()
      else this.#accept(page, this.items)
    } catch (error) {
      if (seq === this.#seq) this.error = messageOf(error)
    } finally {
      this.loadingMore = false
    }
  }

  setFilter(patch: Partial<NotebookFilter>): void {
    const next: NotebookFilter = { ...this.filter, ...patch }
    for (const key of Object.keys(next) as (keyof NotebookFilter)[]) {
      const value = next[key]
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
        delete next[key]
    }
    this.filter = next
    void this.refresh()
  }

  clearFilter(): void {
    this.filter = {}
    void this.refresh()
  }

  setGroup(group: NotebookGroup): void {
    this.group = group
    void this.refresh()
  }

  setSort(sort: NotebookSort): void {
    this.sort = sort
    void this.refresh()
  }

  /**
   * Saves an item's text (the highlight's note or the note's body) through `annotations:change`;
   * the item shows main's answer. Edits run one after another, in the order made.
   */
  saveText(item: NotebookItem, text: string): Promise<void> {
    const change: AnnotationChange =
      item.kind === 'highlight'
        ? { op: 'highlight.update', id: item.id, note: text }
        : { op: 'note.update', id: item.id, body: text }
    const done = this.#writes.then(async () => {
      try {
        const answer = await api.changeAnnotation({ briefingId: item.briefingId, change })
        const saved =
          answer.highlights.put.find((h) => h.id === item.id) ??
          answer.notes.put.find((n) => n.id === item.id)
        const updatedAt = saved?.updatedAt ?? item.updatedAt
        const savedText = saved ? ('body' in saved ? saved.body : saved.note) : text
        this.items = this.items.map((i) =>
          i.id === item.id ? { ...i, text: savedText, updatedAt } : i
        )
        this.editProblem = answer.save.saved ? '' : 'Kept in memory: not on disk yet.'
      } catch (error) {
        this.editProblem = messageOf(error)
      }
    })
    this.#writes = done
    return done
  }

  /** Exports what the filter keeps to Markdown (main's save dialog picks the file). */
  async exportFiltered(groupBy: 'section' | 'color'): Promise<void> {
    this.exporting = true
    this.exportProblem = ''
    this.exported = null
    try {
      this.exported = await api.exportNotebook({ filter: this.filter, groupBy })
    } catch (error) {
      this.exportProblem = messageOf(error)
    } finally {
      this.exporting = false
    }
  }

  #page(offset: number): Promise<NotebookPage> {
    return api.listNotebook({
      filter: this.filter,
      group: this.group,
      sort: this.sort,
      offset,
      limit: NOTEBOOK_PAGE
    })
  }

  #accept(page: NotebookPage, before: NotebookItem[]): void {
    this.items = [...before, ...page.items]
    this.groups = page.groups
    this.facets = page.facets
    this.total = page.total
    this.libraryTotal = page.libraryTotal
    this.problems = page.problems
  }
}
