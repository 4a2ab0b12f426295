// The W3C Web Annotation model's own example files (fixtures/w3c-web-annotation):
// every correct one parses without an `invalid` problem (and, targeting other sites, imports
// nothing); every incorrect one is refused with a problem at the place its label names.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { W3C_EXAMPLES_DIR } from '../../../test-support/fixtures'
import { parseW3CAnnotations, parseW3CAnnotationsText } from './w3c-import'

const ROOT = W3C_EXAMPLES_DIR
// A missing folder fails here rather than skipping the examples.
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
const read = (dir: string, file: string): string => readFileSync(join(ROOT, dir, file), 'utf8')
const OURS = 'urn:briefing-reader:india-japan-quad-2022/quad-summit'

describe('W3C examples: correct', () => {
  it.each(files('correct'))('%s parses without an invalid problem', (file) => {
    const result = parseW3CAnnotationsText(read('correct', file))
    expect(result.problems.filter((p) => p.kind === 'invalid')).toEqual([])
    // They annotate example.org pages, not our briefings: nothing to import, and it says why.
    expect(result.highlights).toEqual([])
    expect(result.notes).toEqual([])
    expect(result.problems.length).toBeGreaterThan(0)
    for (const p of result.problems) expect(p.message).not.toBe('')
  })

  it('reads all 43 annotations of collection1.json from its embedded first page', () => {
    const result = parseW3CAnnotationsText(read('correct', 'collection1.json'))
    expect(result.problems.filter((p) => p.kind === 'invalid')).toEqual([])
    const paths = new Set(
      result.problems.map((p) => /^\$\.first\.items\[(\d+)\]/.exec(p.path)?.[1])
    )
    expect(paths.size).toBe(43)
  })

  /** A correct example with its target's source pointed at one of our sections. */
  function retargeted(file: string): unknown {
    const json = JSON.parse(read('correct', file)) as Record<string, unknown>
    const target = json.target
    json.target = typeof target === 'object' && target !== null ? { ...target, source: OURS } : OURS
    return json
  }

  it('imports a TextQuoteSelector example once it targets one of our sections', () => {
    const result = parseW3CAnnotations(retargeted('anno23.json'))
    expect(result.highlights).toMatchObject([
      {
        sectionId: 'quad-summit',
        quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
        color: 'yellow'
      }
    ])
    // Its body is a link to a web page, which is reported rather than silently dropped.
    expect(result.problems).toMatchObject([{ path: '$.body', kind: 'unsupported' }])
  })

  it('imports a TextPositionSelector example, positions in code points', () => {
    const result = parseW3CAnnotations(retargeted('anno24.json'))
    expect(result.highlights[0]?.position).toEqual({ start: 412, end: 795 })
    expect(result.highlights[0]?.quote).toBeUndefined()
  })

  it('imports a bodyValue comment on a section as a note', () => {
    const result = parseW3CAnnotations(retargeted('anno6.json'))
    expect(result.notes).toMatchObject([
      { body: 'Comment text', target: { kind: 'section', sectionId: 'quad-summit' } }
    ])
  })

  it.each([
    ['anno21.json', 'CssSelector'],
    ['anno22.json', 'XPathSelector'],
    ['anno25.json', 'DataPositionSelector'],
    ['anno27.json', 'SvgSelector'],
    ['anno28.json', 'RangeSelector'],
    ['anno29.json', 'FragmentSelector refined by another selector'],
    ['anno38.json', 'FragmentSelector refined by another selector']
  ])('reports the unsupported selector of %s (%s)', (file, found) => {
    const result = parseW3CAnnotations(retargeted(file))
    expect(result.highlights).toEqual([])
    const problem = result.problems.find((p) => p.path.endsWith('.selector'))
    expect(problem?.kind).toBe('unsupported')
    expect(problem?.message).toContain(found)
  })
})

/** Where each incorrect example's labelled mistake must be reported. */
const EXPECTED: Record<string, [path: string, message?: RegExp]> = {
  'anno1.json': ['$', /not valid JSON/],
  'anno2.json': ['$', /@context/],
  'anno3.json': ['$', /@context/],
  'anno4.json': ['$.@context'],
  'anno5.json': ['$.@context'],
  'anno6.json': ['$.id', /IRI/],
  'anno7.json': ['$.id', /exactly one/],
  'anno8.json': ['$.type'],
  'anno9.json': ['$.type'],
  'anno10.json': ['$', /target/],
  'anno11.json': ['$.target'],
  'anno12.json': ['$.body', /IRI/],
  'anno13.json': ['$.body.id'],
  'anno14.json': ['$.body.format'],
  'anno16.json': ['$.body.textDirection'],
  'anno17.json': ['$.body', /value/],
  'anno18.json': ['$.body.value', /exactly one/],
  'anno19.json': ['$', /both body and bodyValue/],
  'anno20.json': ['$.bodyValue', /exactly one/],
  'anno21.json': ['$.bodyValue'],
  'anno22.json': ['$.body.type', /several collection types/],
  'anno23.json': ['$.body.processingLanguage', /exactly one/],
  'anno24.json': ['$.body.textDirection', /exactly one/],
  'anno25.json': ['$.body', /items/],
  'anno26.json': ['$.creator'],
  'anno27.json': ['$.generator'],
  'anno28.json': ['$.created', /dateTime/],
  'anno29.json': ['$.modified', /dateTime/],
  'anno30.json': ['$.generated', /dateTime/],
  'anno31.json': ['$.modified', /exactly one/],
  'anno32.json': ['$.created', /exactly one/],
  'anno33.json': ['$.generated', /exactly one/],
  'anno34.json': ['$.rights'],
  'anno35.json': ['$.via'],
  'anno36.json': ['$.canonical'],
  'anno37.json': ['$.target', /source/],
  'anno38.json': ['$.target.selector', /value/],
  'anno39.json': ['$.target.selector.value', /exactly one/],
  'anno40.json': ['$.target.selector.conformsTo', /exactly one/]
}

/**
 * Most incorrect examples also have a trailing comma and an `id` array (copied from anno7);
 * removing those leaves only the mistake their label names, which must still be refused.
 */
function withOnlyTheLabelledMistake(file: string, text: string): string {
  if (file === 'anno1.json') return text
  const json = JSON.parse(text.replace(/,(\s*[}\]])/g, '$1')) as Record<string, unknown>
  if (Array.isArray(json.id) && file !== 'anno7.json') json.id = json.id[0]
  return JSON.stringify(json)
}

describe('W3C examples: incorrect', () => {
  it.each(files('incorrect'))('%s is refused with a problem, never a throw', (file) => {
    const result = parseW3CAnnotationsText(read('incorrect', file))
    expect(result.highlights).toEqual([])
    expect(result.notes).toEqual([])
    expect(result.problems.some((p) => p.kind === 'invalid')).toBe(true)
  })

  it.each(Object.entries(EXPECTED))(
    '%s is refused for its labelled mistake',
    (file, [path, message]) => {
      const result = parseW3CAnnotationsText(
        withOnlyTheLabelledMistake(file, read('incorrect', file))
      )
      const invalid = result.problems.filter((p) => p.kind === 'invalid')
      expect(invalid.map((p) => p.path)).toContain(path)
      if (message) expect(invalid.find((p) => p.path === path)?.message).toMatch(message)
    }
  )

  it('accepts anno15.json once fixed: its bad language is under a misspelled key ("langauage")', () => {
    const text = withOnlyTheLabelledMistake('anno15.json', read('incorrect', 'anno15.json'))
    expect(parseW3CAnnotationsText(text).problems.filter((p) => p.kind === 'invalid')).toEqual([])
  })
})
