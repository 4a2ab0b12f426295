// The app's start as the renderer runs it: the top bar's search works while main loads the library
// (the state says 'loading'), preferences are read meanwhile, and menu commands that need the
// library (the notebook, export, import) wait until it is loaded instead of acting on nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { AppInfo } from '../../../shared/app'
import type { MenuCommand } from '../../../shared/api-methods'

const calls: string[] = []
let ready: (info: AppInfo) => void = () => undefined
let menu: (command: MenuCommand) => void = () => undefined
const answers: Record<string, unknown> = { listBriefings: [], waitingAnnotations: [] }
vi.mock('./api', () => ({
  api: new Proxy(
    {},
    {
      get: (_target, method: string) => {
        if (method === 'whenReady') {
          return () => (calls.push(method), new Promise<AppInfo>((resolve) => (ready = resolve)))
        }
        if (method === 'onMenuCommand') {
          return (listener: (command: MenuCommand) => void) => (menu = listener)
        }
        return async () => {
          calls.push(method)
          if (method in answers) return answers[method]
          throw new Error(`${method}: not answered in this test`)
        }
      }
    }
  )
}))
// No DOM here: what the state touches of it (the state on <html>, the reading settings' variables).
vi.stubGlobal('HTMLElement', class {})
vi.stubGlobal('document', {
  documentElement: { dataset: {}, style: { setProperty: () => undefined } },
  activeElement: null
})

const { AppState } = await import('./app-state.svelte')
const state = () => (document.documentElement as { dataset: Record<string, string> }).dataset

const INFO: AppInfo = {
  version: 'test',
  briefingCount: 1,
  sectionCount: 7,
  entityCount: 3,
  notices: [],
  filesToOpen: 0
}

beforeEach(() => {
  calls.length = 0
})

describe('the app while main loads the library', () => {
  it('reads preferences, focuses search at once, and holds the notebook until the library is in', async () => {
    const app = new AppState()
    const focus = vi.spyOn(app.search, 'focus')
    const started = app.start()
    expect(app.status).toBe('loading')
    expect(state()['appState']).toBe('loading')
    await vi.waitFor(() => expect(calls).toContain('getPreferences'))
    expect(calls).not.toContain('listBriefings')

    menu('find')
    expect(focus).toHaveBeenCalledTimes(1)
    menu('notebook')
    menu('notebook')
    expect(app.view).toBe('library')

    ready(INFO)
    await started
    expect(app.status).toBe('ready')
    expect(state()['appState']).toBe('ready')
    expect(app.view).toBe('notebook')
    // Held once, however often it was asked for.
    expect(calls.filter((c) => c === 'listNotebook')).toHaveLength(1)
  })

  it('drops a held command once the analyst has opened a search hit', async () => {
    const app = new AppState()
    const started = app.start()
    menu('notebook')
    app.openBriefing('quad')
    ready(INFO)
    await started
    expect(app.view).toBe('briefing')
    expect(calls).not.toContain('listNotebook')
  })
})
