// The notebook's pages as the renderer keeps them: a further page is appended only while the
// listing is the one the shown pages came from; when it changed (a briefing read again after a
// failed read), the notebook reads it from the top instead of appending shifted items.
import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { NotebookItem, NotebookPage, NotebookRequest } from '../../../shared/notebook'

const { listNotebook } = vi.hoisted(() => ({
  listNotebook: vi.fn<(request: NotebookRequest) => Promise<NotebookPage>>()
}))
vi.mock('./api', () => ({ api: { listNotebook } }))

const { NotebookState, NOTEBOOK_PAGE } = await import('./notebook-state.svelte')

function item(n: number): NotebookItem {
  return {
    kind: 'highlight',
    id: `h${n}`,
    briefingId: 'b',
    briefingTitle: 'B',
    text: '',
    tags: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    groupKey: 'b',
    groupLabel: 'B'
  }
}

/** Page `offset` of a listing of `total` items numbered from 0. */
function page(offset: number, total: number): NotebookPage {
  const count = Math.max(0, Math.min(NOTEBOOK_PAGE, total - offset))
  return {
    total,
    offset,
    items: Array.from({ length: count }, (_, i) => item(offset + i)),
    groups: [],
    facets: { colors: [], tags: [], entities: [], briefings: [] },
    libraryTotal: total,
    problems: []
  }
}

describe('notebook pages', () => {
  beforeEach(() => {
    listNotebook.mockReset()
  })

  it('appends the next page of an unchanged listing', async () => {
    listNotebook.mockImplementation(async (r) => page(r.offset, 250))
    const notebook = new NotebookState()
    await notebook.refresh()
    await notebook.more()
    expect(notebook.items.map((i) => i.id)).toEqual(
      page(0, 250)
        .items.concat(page(100, 250).items)
        .map((i) => i.id)
    )
  })

  it('reads from the top, without repeating items, when the listing grew between pages', async () => {
    let total = 250
    listNotebook.mockImplementation(async (r) => page(r.offset, total))
    const notebook = new NotebookState()
    await notebook.refresh()
    // A briefing that could not be read before is read now: 30 more items, ahead of these.
    total = 280
    await notebook.more()
    await vi.waitFor(() => expect(notebook.total).toBe(280))
    const ids = notebook.items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(page(0, 280).items.map((i) => i.id))
  })
})
