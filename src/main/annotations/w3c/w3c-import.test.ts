// W3C import: the shapes accepted (single, array, page, collection), what is kept from a foreign
// annotation on our sections and what is reported, stable ids, hostile input, target conversion.

import { describe, expect, it } from 'vitest'

import { importedToTarget, parseW3CAnnotations } from './w3c-import'
import { ANNO_CONTEXT, recordIdFor, sourceIri } from './w3c-model'
import { DEEP_QUOTE_NOTE, LINK_OPENERS_NOTE } from '../../../test-support/hostile-markdown'

describe('W3C import: shapes and problems', () => {
  const annotation = {
    '@context': ANNO_CONTEXT,
    id: 'https://other.example/anno/1',
    type: 'Annotation',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', value: 'tag-a', purpose: 'tagging' },
      {
        type: 'Choice',
        items: [
          { type: 'TextualBody', value: 'Chosen note', format: 'text/plain' },
          'https://x.example/'
        ]
      },
      { type: 'TextualBody', value: '<p>html</p>', format: 'text/html' }
    ],
    'briefing:color': 'purple',
    target: {
      source: sourceIri('b1', 's1'),
      selector: [
        { type: 'XPathSelector', value: '/p' },
        { type: 'TextQuoteSelector', exact: 'quoted' }
      ]
    }
  }

  it('accepts a single annotation, an array, a page and a collection', () => {
    const bare: Record<string, unknown> = { ...annotation }
    delete bare['@context']
    const shapes = [
      annotation,
      [annotation],
      { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [bare] },
      {
        '@context': ANNO_CONTEXT,
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [bare] }
      }
    ]
    for (const shape of shapes) expect(parseW3CAnnotations(shape).highlights).toHaveLength(1)
  })

  it('keeps what it can use and reports the rest', () => {
    const result = parseW3CAnnotations(annotation)
    expect(result.highlights).toEqual([
      {
        id: recordIdFor('highlight', annotation.id),
        annotationId: annotation.id,
        briefingId: 'b1',
        sectionId: 's1',
        quote: { exact: 'quoted', prefix: '', suffix: '' },
        color: 'yellow',
        tags: ['tag-a'],
        note: 'Chosen note'
      }
    ])
    expect(result.problems.map((p) => [p.path, p.kind])).toEqual([
      ['$.body[2]', 'unsupported'],
      ['$.briefing:color', 'unsupported']
    ])
  })

  it('gives a foreign annotation the same UUID-shaped id at every import', () => {
    const id = recordIdFor('highlight', 'https://other.example/anno/1')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(parseW3CAnnotations(annotation).highlights[0]?.id).toBe(id)
  })

  it('refuses what is not an annotation, without throwing', () => {
    for (const input of [null, 42, 'text', {}, [1], { type: 'AnnotationPage' }])
      expect(parseW3CAnnotations(input).problems.some((p) => p.kind === 'invalid')).toBe(true)
    const deep: Record<string, unknown> = { type: 'FragmentSelector', value: 'x' }
    let selector = deep
    for (let i = 0; i < 10_000; i++)
      selector = { type: 'FragmentSelector', value: 'x', refinedBy: selector }
    const result = parseW3CAnnotations({
      ...annotation,
      target: { source: sourceIri('b', 's'), selector }
    })
    expect(result.problems.some((p) => p.message.includes('nested too deeply'))).toBe(true)
  })

  it('reports notes past the note limits (a backup of old notes) instead of importing them', () => {
    const note = (id: string, value: string) => ({
      '@context': ANNO_CONTEXT,
      id: `urn:uuid:${id}`,
      type: 'Annotation',
      body: { type: 'TextualBody', value, format: 'text/markdown' },
      target: sourceIri('b1', 's1')
    })
    const result = parseW3CAnnotations([
      note('deep', DEEP_QUOTE_NOTE),
      note('links', LINK_OPENERS_NOTE),
      note('long', 'a'.repeat(100_001)),
      note('fine', 'A *fine* note')
    ])
    expect(result.notes.map((n) => n.body)).toEqual(['A *fine* note'])
    expect(result.problems).toEqual([
      {
        path: '$[0].body',
        message:
          'not imported: the note nests quotes and lists 33,000 levels deep; at most 32 levels are allowed',
        kind: 'invalid'
      },
      {
        path: '$[1].body',
        message:
          'not imported: the note nests parentheses "(" 25,000 levels deep; at most 32 levels are allowed',
        kind: 'invalid'
      },
      {
        path: '$[2].body',
        message: 'not imported: the note has 100,001 characters; at most 100,000 are allowed',
        kind: 'invalid'
      }
    ])
  })

  it('fills a missing quote or position from the current text', () => {
    const base = {
      id: 'x',
      annotationId: 'urn:uuid:x',
      briefingId: 'b',
      sectionId: 's',
      color: 'yellow' as const,
      tags: [],
      note: ''
    }
    const onText = '😀 alpha beta'
    expect(
      importedToTarget({ ...base, position: { start: 2, end: 7 } }, onText).quote
    ).toMatchObject({ exact: 'alpha', prefix: '😀 ', suffix: ' beta' })
    expect(
      importedToTarget({ ...base, quote: { exact: 'beta', prefix: '', suffix: '' } }, onText)
        .position
    ).toMatchObject({ start: 9, end: 13 })
  })
})
