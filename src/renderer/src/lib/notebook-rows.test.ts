import { describe, expect, it } from 'vitest'

import type { NotebookItem } from '../../../shared/notebook'
import { isLongNote, notebookRows } from './notebook-rows'

function item(id: string, groupKey: string, groupLabel = groupKey): NotebookItem {
  return {
    kind: 'highlight',
    id,
    briefingId: 'b',
    briefingTitle: 'B',
    text: '',
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    groupKey,
    groupLabel
  }
}

describe('notebookRows', () => {
  it('puts a heading with the whole group count where each group starts', () => {
    const rows = notebookRows(
      [item('1', 'tag:a', 'a'), item('2', 'tag:a', 'a'), item('1', 'tag:b', 'b')],
      [
        { value: 'tag:a', label: 'a', count: 5 },
        { value: 'tag:b', label: 'b', count: 1 }
      ]
    )
    expect(rows.map((r) => (r.kind === 'group' ? `# ${r.label} (${r.count})` : r.item.id))).toEqual(
      ['# a (5)', '1', '2', '# b (1)', '1']
    )
    // One item under two tags keeps distinct keys.
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
  })

  it('tells long notes by length or lines', () => {
    expect(isLongNote('short')).toBe(false)
    expect(isLongNote('x'.repeat(601))).toBe(true)
    expect(isLongNote('a\n'.repeat(9))).toBe(true)
  })
})
