// The application: start-up (whenReady), the library list, which view is shown, and the glue
// between search, reader and annotations (choosing a hit opens it with marks or reveals the
// highlight or note it found; clearing search clears the marks), the export dialog, briefing
// imports (the library reloads after one; the details form opens for guessed details), the
// details form and entity review of imported briefings, and the application-menu commands.

import type { AppInfo } from '../../../shared/app'
import type { WaitingBriefing } from '../../../shared/annotation-requests'
import type { BriefingSummary } from '../../../shared/library'
import type { SearchHit } from '../../../shared/search'
import { AnnotationsState } from './annotations-state.svelte'
import { api } from './api'
import { messageOf } from './errors'
import { DetailsState } from './details-state.svelte'
import { EntityReviewState } from './entity-review-state.svelte'
import type { ExportScope } from './export-options'
import { ExportState } from './export-state.svelte'
import { ImportState } from './import-state.svelte'
import { menuTargetFor, runMenuCommand } from './menu-commands'
import { EarlyMenu } from './early-menu'
import { NavigationState } from './navigation-state.svelte'
import { ReaderState } from './reader-state.svelte'
import { ReadingSettingsState } from './reading-settings.svelte'
import { SearchState } from './search-state.svelte'
import { VersionsState } from './versions-state.svelte'
import { LibraryFilterState } from './library-filter.svelte'
import { NotebookState } from './notebook-state.svelte'
import { PanelLayoutState } from './panel-layout.svelte'

export type AppStatus = 'loading' | 'ready' | 'error'

export type View = 'library' | 'briefing' | 'notebook'

export class AppState {
  status = $state<AppStatus>('loading')
  error = $state('')
  info = $state.raw<AppInfo | null>(null)
  library = $state.raw<BriefingSummary[]>([])
  /** Briefings that imported annotations wait for (shown in the library view). */
  waiting = $state.raw<WaitingBriefing[]>([])
  libraryStatus = $state<'loading' | 'ready' | 'error'>('loading')
  libraryError = $state('')
  view = $state<View>('library')
  /** The analyst closed the start-up notices (info.notices) for this session. */
  noticesDismissed = $state(false)

  readonly reader = new ReaderState()
  readonly shelf = new LibraryFilterState(() => this.library)
  readonly search = new SearchState()
  readonly annotations = new AnnotationsState()
  readonly exporter = new ExportState()
  readonly importer = new ImportState(() => this.afterImport())
  readonly details = new DetailsState((summary) => this.reloadAfterDetails(summary.id))
  readonly entityReview = new EntityReviewState((id) => this.reloadAfterEntities(id))
  readonly versions = new VersionsState((id) => this.reloadAfterVersion(id))
  readonly readingSettings = new ReadingSettingsState()
  readonly navigation = new NavigationState()
  readonly panel = new PanelLayoutState()
  readonly notebook = new NotebookState()

  #listening = false

  /**
   * Waits for main (the library loaded), then loads the library list; signals the state on
   * <html>. Meanwhile the top bar shows, and search works (main answers from the index alone).
   */
  async start(): Promise<void> {
    this.status = 'loading'
    signal('loading')
    this.#listenToMenu()
    // Preferences are main's own file, not the library's: read while the library loads.
    const settings = Promise.all([
      this.annotations.loadPreferences(),
      this.readingSettings.load(),
      this.panel.load()
    ])
    try {
      this.info = await api.whenReady()
    } catch (error) {
      this.error = messageOf(error)
      this.status = 'error'
      signal('error')
      return
    }
    // The library is loaded before signalling ready so that "ready" means "cards are on screen";
    // a failed list is shown in the library view (with a retry), not as a failed start.
    await Promise.all([settings, this.loadLibrary(), this.entityReview.refresh()])
    this.status = 'ready'
    this.#menu.release(this.view)
    signal('ready')
    // Files the app was opened with (a double-clicked .briefing): imported, with the report.
    if ((this.info?.filesToOpen ?? 0) > 0) void this.importer.fromOpened()
  }

  /** Menu commands that need the library (export, import, the notebook) wait until it is loaded. */
  #listenToMenu(): void {
    if (this.#listening) return
    this.#listening = true
    api.onMenuCommand((command) => this.#menu.take(command, this.status === 'ready', this.view))
  }

  readonly #menu = new EarlyMenu<View>((command) => runMenuCommand(command, menuTargetFor(this)))

  async loadLibrary(): Promise<void> {
    this.libraryStatus = 'loading'
    try {
      this.library = await api.listBriefings()
      this.libraryStatus = 'ready'
      this.waiting = await api.waitingAnnotations().catch(() => this.waiting)
    } catch (error) {
      this.libraryError = messageOf(error)
      this.libraryStatus = 'error'
    }
  }

  /** New briefings show at once: the list and the library's counts are read again. */
  async reloadAfterImport(): Promise<void> {
    await this.loadLibrary()
    try {
      this.info = await api.whenReady()
    } catch {
      // The counts stay as they were; the list itself reports its own failure.
    }
  }

  /**
   * After an import that added briefings: the library reloads, the details form opens for those
   * whose file lacked a title, source or date, and the entities to review are counted again.
   */
  async afterImport(): Promise<void> {
    await Promise.all([this.reloadAfterImport(), this.entityReview.refresh()])
    const asked = (this.importer.report?.imported ?? []).flatMap((item) => {
      const briefing = this.library.find((b) => b.id === item.briefingId)
      return briefing && item.missing ? [{ briefing, guessed: item.missing }] : []
    })
    this.details.askAfterImport(asked)
  }

  /** Entities of briefing `id` were reviewed: its entity counts, mentions and panel change. */
  async reloadAfterEntities(id: string): Promise<void> {
    await Promise.all([this.loadLibrary(), this.reader.reload(id)])
  }

  /** Opens the details form for imported briefing `id` (from the library or the import report). */
  editDetails(id: string): void {
    const briefing = this.library.find((b) => b.id === id)
    if (briefing?.imported) this.details.show(briefing)
  }

  /** A briefing's title, source or date changed: the list and, if it is open, the reader reload. */
  async reloadAfterDetails(id: string): Promise<void> {
    await Promise.all([this.loadLibrary(), this.reader.reload(id)])
  }

  /** A briefing's text changed (new version, restore) or one was added: reload what shows it. */
  async reloadAfterVersion(id: string): Promise<void> {
    const open = this.annotations.briefingId === id
    await Promise.all([
      this.reloadAfterImport(),
      this.reader.reload(id),
      open ? this.annotations.open(id) : Promise.resolve()
    ])
    // The new text may have fewer sections than the one that was open.
    const { reader } = this
    if (reader.detail?.id === id && reader.sectionIndex >= reader.sectionCount) reader.goTo(0)
  }

  /** Opens a briefing at one of its highlights (from the re-anchoring report). */
  openHighlight(briefingId: string, sectionId: string | undefined, highlightId: string): void {
    this.search.open = false
    this.view = 'briefing'
    void Promise.all([
      this.reader.open(briefingId, sectionId),
      this.annotations.open(briefingId)
    ]).then(() => this.revealAnnotation(highlightId))
  }

  /** Opens a briefing; `travelled`: back or forward led here (the history stays as it is). */
  openBriefing(id: string, sectionId?: string, travelled = false): void {
    this.view = 'briefing'
    this.navigation.focusOnOpen('briefing')
    void this.reader.open(id, sectionId, undefined, travelled)
    void this.annotations.open(id)
  }

  showLibrary(): void {
    this.view = 'library'
    this.importer.backInLibrary()
    // The cards show how far each briefing was read: read again once the position is saved.
    void this.reader.flushPosition().then(() => this.loadLibrary())
  }

  /** The notebook across briefings; its listing is read again each time it opens. */
  showNotebook(): void {
    this.search.open = false
    this.view = 'notebook'
    void this.reader.flushPosition()
    void this.notebook.refresh()
  }

  /** Back or forward to a place read before (Alt+Left / Alt+Right, the mouse's buttons). */
  travel(direction: 'back' | 'forward'): void {
    const { history } = this.navigation
    const place = direction === 'back' ? history.back() : history.forward()
    if (!place) return
    const { reader } = this
    if (this.view === 'briefing' && reader.detail?.id === place.briefingId) {
      const index = reader.detail.sections.findIndex((s) => s.id === place.sectionId)
      reader.goTo(index, { travelled: true })
    } else {
      this.search.open = false
      this.openBriefing(place.briefingId, place.sectionId, true)
    }
  }

  /** Opens the hit's briefing and section with its matched terms marked. */
  chooseHit(hit: SearchHit): void {
    this.search.open = false
    this.view = 'briefing'
    this.navigation.focusOnOpen('section', hit.sectionId)
    if (hit.kind !== 'text' && hit.annotationId) {
      const id = hit.annotationId
      void Promise.all([
        this.reader.open(hit.briefingId, hit.sectionId),
        this.annotations.open(hit.briefingId)
      ]).then(() => this.revealAnnotation(id))
      return
    }
    void this.reader.open(hit.briefingId, hit.sectionId, hit.matches)
    void this.annotations.open(hit.briefingId)
  }

  /**
   * Goes to a highlight (its section, selected and flashed) or a note (the notes panel, and its
   * section for a section note). Orphaned highlights are shown in the panel's Orphaned group.
   */
  revealAnnotation(id: string, openEditor = false): void {
    const view = this.annotations.view
    const highlight = this.annotations.highlight(id)
    const note = this.annotations.note(id)
    const sectionId =
      highlight?.target.sectionId ??
      (note?.target.kind === 'section' ? note.target.sectionId : null)
    const index = this.reader.detail?.sections.findIndex((s) => s.id === sectionId) ?? -1
    const textOffset = highlight?.status === 'anchored' ? highlight.range?.start : undefined
    if (index >= 0) this.reader.goTo(index, { textOffset, block: 'center' })
    if (highlight && highlight.status === 'anchored') {
      view.select(id, openEditor)
    } else if (highlight || note) {
      view.panelTab = 'notes'
    }
    view.flashOn(id)
  }

  /** Opens the export dialog; `scope` is the entry point's (the library's button: all notes). */
  openExport(scope?: ExportScope): void {
    this.exporter.show(this.view === 'briefing' && this.reader.detail !== null, scope)
  }

  /** Imports an annotation file, then reloads the open briefing's annotations to show it. */
  async importAnnotations(): Promise<void> {
    const imported = await this.exporter.importFile()
    const briefingId = this.annotations.briefingId
    if (imported && briefingId) await this.annotations.open(briefingId)
    // A library backup brings briefings; any import may leave annotations waiting for one.
    if (imported) await this.reloadAfterImport()
  }

  clearSearch(): void {
    this.search.clear()
    this.reader.clearMarks()
  }
}

function signal(state: AppStatus): void {
  document.documentElement.dataset['appState'] = state
}
