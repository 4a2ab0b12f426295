// The Markdown export with hostile notes (issue #13): it never throws or stalls, even when another
// note defines link references and the file is read back; a note too costly to parse is then
// shown as fenced source, whole.

import { describe, expect, it } from 'vitest'

import { exportBriefingMarkdown } from './markdown-export'
import { markdownTree, parseMarkdownBlocks, readMarkdownExport, treeKey } from './markdown-read'
import { Parser } from 'commonmark'
import { exportInput, noteOn, syntheticBriefing } from '../../test-support/export'
import { HOSTILE_NOTES } from '../../test-support/hostile-markdown'

const briefing = syntheticBriefing('Hostile', ['A'])
const REFERENCE = '[a]: https://x.example\n\n[a]'

function exportWith(body: string, withReference: boolean): string {
  const notes = [noteOn('synthetic', undefined, { id: 'n1', body })]
  if (withReference) notes.push(noteOn('synthetic', 's0', { id: 'n2', body: REFERENCE }))
  return exportBriefingMarkdown(exportInput(briefing, [], notes))
}

describe('Markdown export of hostile notes', () => {
  it('embeds every hostile note, and shows it as source when the file is read back', () => {
    for (const [name, body] of Object.entries(HOSTILE_NOTES)) {
      expect(exportWith(body, false), name).toContain(body.split('\n')[0]!.slice(0, 1000))
      const [hostile, other] = readMarkdownExport(exportWith(body, true)).items
      expect(hostile?.note, name).toEqual([
        { type: 'code_block', info: 'markdown', literal: `${body.replace(/\n$/, '')}\n` }
      ])
      expect(treeKey(other?.note), name).toBe(treeKey(parseMarkdownBlocks(REFERENCE)))
    }
  })
})

describe('markdownTree and treeKey', () => {
  it('read emphasis nested 10,000 deep without recursion', () => {
    const deep = '*a **a '.repeat(5_000) + 'b' + ' a** a*'.repeat(5_000)
    const tree = markdownTree(new Parser().parse(deep))
    // Every level opens a parenthesis in the key: document, paragraph, 10,000 emphases.
    expect(treeKey([tree]).split('(').length - 1).toBe(10_002)
  })

  it('give equal keys to equal trees and different keys otherwise', () => {
    const key = (md: string) => treeKey([markdownTree(new Parser().parse(md))])
    expect(key('*a* [b](c)')).toBe(key('*a* [b](c)'))
    expect(key('*a* [b](c)')).not.toBe(key('*a* [b](d)'))
    expect(key('> a\n\nb')).not.toBe(key('> a\nb'))
  })
})
