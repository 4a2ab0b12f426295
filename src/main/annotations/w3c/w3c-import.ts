// Read W3C Web Annotations (a single Annotation, an array, an AnnotationCollection with its first
// page embedded, or an AnnotationPage) into highlights and notes on our briefings. Invalid input
// and what we cannot use (other targets, XPath/CSS/Fragment/Range selectors...) become problems.

import { HIGHLIGHT_COLORS } from '../../../shared/annotations'
import type { HighlightColor, SectionTarget } from '../../../shared/annotations'
import { CONTEXT_LENGTH } from '../../../shared/anchoring/describe'
import { noteLimitProblem } from '../../../shared/note-limits'
import { codePointToUtf16 } from './code-points'
import { COLOR_KEY, COLOR_KEY_EXPANDED, parseSourceIri, recordIdFor } from './w3c-model'
import type { ImportedHighlight, ImportProblem, W3CImport } from './w3c-model'
import { hasAnnoContext, isObject, many, typesOf, validateAnnotation } from './w3c-validate'
import { describeError } from '../../errors'

export { codePointToUtf16, utf16ToCodePoint } from './code-points'
export type { ImportedHighlight, ImportedNote, ImportProblem, W3CImport } from './w3c-model'

type Obj = Record<string, unknown>
interface Located {
  node: unknown
  path: string
  contextInherited: boolean
}

const FORMATS = ['text/markdown', 'text/plain']

/** The annotations inside `json` with their paths; problems for anything that is not one. */
function locate(json: unknown, problems: ImportProblem[]): Located[] {
  const invalid = (path: string, message: string): void => {
    problems.push({ path, message, kind: 'invalid' })
  }
  if (Array.isArray(json))
    return json.map((node, i) => ({ node, path: `$[${i}]`, contextInherited: false }))
  if (!isObject(json)) {
    invalid(
      '$',
      'expected an Annotation, a list of them, an AnnotationCollection or an AnnotationPage'
    )
    return []
  }
  const types = typesOf(json)
  if (!types.includes('AnnotationCollection') && !types.includes('AnnotationPage'))
    return [{ node: json, path: '$', contextInherited: false }]
  const context = hasAnnoContext(json['@context'])
  if (!context) invalid('$', 'a collection must have the @context http://www.w3.org/ns/anno.jsonld')
  let page: unknown = json
  let pagePath = '$'
  if (types.includes('AnnotationCollection')) {
    page = json.first
    pagePath = '$.first'
    if (page === undefined) return [] // an empty collection
    if (!isObject(page)) {
      problems.push({
        path: pagePath,
        message: 'pages that are not embedded in the file cannot be read',
        kind: 'unsupported'
      })
      return []
    }
  }
  const pageObj = page as Obj
  if (pageObj.next !== undefined)
    problems.push({
      path: `${pagePath}.next`,
      message: 'only the first page is read; later pages are links',
      kind: 'unsupported'
    })
  if (!Array.isArray(pageObj.items)) {
    invalid(`${pagePath}.items`, 'an AnnotationPage must have a list of items')
    return []
  }
  return pageObj.items.map((node, i) => ({
    node,
    path: `${pagePath}.items[${i}]`,
    contextInherited: context
  }))
}

/** Note text and tags from the annotation's bodies. */
function readBodies(
  a: Obj,
  path: string,
  problems: ImportProblem[]
): { texts: string[]; tags: string[] } {
  const texts: string[] = []
  const tags: string[] = []
  const tagging = many(a.motivation).includes('tagging')
  const unsupported = (p: string, message: string): void => {
    problems.push({ path: p, message, kind: 'unsupported' })
  }
  const read = (b: unknown, p: string): boolean => {
    if (typeof b === 'string')
      return (unsupported(p, 'a body elsewhere on the web (an IRI) is not imported'), false)
    if (!isObject(b)) return false
    if (typesOf(b).includes('Choice'))
      return (
        many(b.items).some((item, i) => read(item, `${p}.items[${i}]`)) ||
        (unsupported(p, 'no choice here is a text body'), false)
      )
    if (typeof b.value !== 'string' || b.source !== undefined)
      return (
        unsupported(p, `a body of type ${typesOf(b).join(', ') || 'unknown'} is not imported`),
        false
      )
    const purposes = many(b.purpose)
    if (purposes.includes('tagging') || (tagging && purposes.length === 0))
      return (tags.push(b.value), true)
    const format = many(b.format)[0]
    if (format !== undefined && !FORMATS.includes(format as string))
      return (
        unsupported(p, `a ${String(format)} body is not imported (only Markdown and plain text)`),
        false
      )
    texts.push(b.value)
    return true
  }
  if (typeof a.bodyValue === 'string') texts.push(a.bodyValue)
  many(a.body).forEach((b, i) =>
    read(b, Array.isArray(a.body) ? `${path}.body[${i}]` : `${path}.body`)
  )
  return { texts, tags }
}

function readColor(a: Obj, path: string, problems: ImportProblem[]): HighlightColor {
  const value = a[COLOR_KEY] ?? a[COLOR_KEY_EXPANDED]
  if (value === undefined) return 'yellow'
  if (HIGHLIGHT_COLORS.includes(value as HighlightColor)) return value as HighlightColor
  problems.push({
    path: `${path}.${COLOR_KEY}`,
    message: `unknown colour ${JSON.stringify(value)}; yellow is used`,
    kind: 'unsupported'
  })
  return 'yellow'
}

/** The selectors we can use: unrefined TextQuote and TextPosition selectors. */
function readSelectors(
  selectors: unknown[]
): Pick<ImportedHighlight, 'quote' | 'position'> & { found: string[] } {
  const out: Pick<ImportedHighlight, 'quote' | 'position'> & { found: string[] } = { found: [] }
  for (const s of selectors) {
    if (!isObject(s)) {
      out.found.push('a selector IRI')
      continue
    }
    const [type = 'untyped'] = typesOf(s)
    out.found.push(s.refinedBy === undefined ? type : `${type} refined by another selector`)
    if (s.refinedBy !== undefined) continue
    if (type === 'TextQuoteSelector' && !out.quote && typeof s.exact === 'string')
      out.quote = {
        exact: s.exact,
        prefix: typeof s.prefix === 'string' ? s.prefix : '',
        suffix: typeof s.suffix === 'string' ? s.suffix : ''
      }
    if (type === 'TextPositionSelector' && !out.position)
      out.position = { start: s.start as number, end: s.end as number }
  }
  return out
}

function readAnnotation({ node, path, contextInherited }: Located, out: W3CImport): void {
  if (!isObject(node)) {
    out.problems.push({ path, message: 'an annotation must be a JSON object', kind: 'invalid' })
    return
  }
  const before = out.problems.length
  validateAnnotation(node, path, contextInherited, out.problems)
  if (out.problems.length > before) return
  const unsupported = (p: string, message: string): void => {
    out.problems.push({ path: p, message, kind: 'unsupported' })
  }
  const targets = many(node.target)
  const target = targets[0]
  if (targets.length !== 1)
    return unsupported(
      `${path}.target`,
      `has ${targets.length} targets; only annotations on one briefing or section are imported`
    )
  const t = isObject(target) ? target : {}
  const [collection] = typesOf(t).filter((type) =>
    ['Composite', 'List', 'Independents', 'Choice'].includes(type)
  )
  if (collection) return unsupported(`${path}.target`, `a ${collection} of targets is not imported`)
  const src = typeof target === 'string' ? target : (t.source ?? t.id)
  const source =
    typeof src === 'string' ? src : isObject(src) && typeof src.id === 'string' ? src.id : ''
  const ids = parseSourceIri(source)
  if (!ids)
    return unsupported(
      `${path}.target`,
      `${source || 'this target'} is not a Briefing Reader briefing or section (urn:briefing-reader:<briefing>/<section>)`
    )
  const annotationId = node.id as string
  const times = {
    ...(typeof node.created === 'string' ? { createdAt: node.created } : {}),
    ...(typeof node.modified === 'string' ? { updatedAt: node.modified } : {})
  }
  const { texts, tags } = readBodies(node, path, out.problems)
  const tooBig = noteLimitProblem(texts.join('\n\n'))
  if (tooBig) {
    out.problems.push({ path: `${path}.body`, message: `not imported: ${tooBig}`, kind: 'invalid' })
    return
  }
  const selectors = many(t.selector)
  if (selectors.length === 0) {
    const target =
      ids.sectionId === undefined
        ? { kind: 'briefing' as const }
        : { kind: 'section' as const, sectionId: ids.sectionId }
    out.notes.push({
      id: recordIdFor('note', annotationId),
      annotationId,
      briefingId: ids.briefingId,
      target,
      body: texts.join('\n\n'),
      tags,
      ...times
    })
    return
  }
  if (ids.sectionId === undefined)
    return unsupported(`${path}.target`, 'selectors must refine a section, not a whole briefing')
  const { quote, position, found } = readSelectors(selectors)
  if (!quote && !position)
    return unsupported(
      `${path}.target.selector`,
      `no usable TextQuoteSelector or TextPositionSelector (found ${found.join(', ')})`
    )
  out.highlights.push({
    id: recordIdFor('highlight', annotationId),
    annotationId,
    briefingId: ids.briefingId,
    sectionId: ids.sectionId,
    ...(quote ? { quote } : {}),
    ...(position ? { position } : {}),
    color: readColor(node, path, out.problems),
    tags,
    note: texts.join('\n\n'),
    ...times
  })
}

/**
 * Highlights and notes from parsed W3C Web Annotation JSON, with every problem found (JSON path,
 * message, `invalid` or `unsupported`). Never throws; an annotation with an invalid part is
 * skipped whole. Positions stay in code points: convert with importedToTarget.
 */
export function parseW3CAnnotations(json: unknown): W3CImport {
  const out: W3CImport = { highlights: [], notes: [], problems: [] }
  for (const located of locate(json, out.problems)) readAnnotation(located, out)
  return out
}

/** As parseW3CAnnotations, from the text of a file (JSON syntax errors become a problem). */
export function parseW3CAnnotationsText(text: string): W3CImport {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = `not valid JSON: ${describeError(error)}`
    return { highlights: [], notes: [], problems: [{ path: '$', message, kind: 'invalid' }] }
  }
  return parseW3CAnnotations(json)
}

/**
 * The stored-selector form of an imported highlight on `text` (its section's current text), ready
 * for anchorTarget: code points become UTF-16 units; a missing quote is read from the text at the
 * position, a missing position is where the quote first occurs (or 0–0).
 */
export function importedToTarget(h: ImportedHighlight, text: string): SectionTarget {
  let start = 0
  let end = 0
  if (h.position) {
    start = codePointToUtf16(text, h.position.start)
    end = codePointToUtf16(text, h.position.end)
  } else if (h.quote) {
    const at = text.indexOf(h.quote.exact)
    if (at !== -1) [start, end] = [at, at + h.quote.exact.length]
  }
  const quote = h.quote ?? {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH)
  }
  return {
    briefingId: h.briefingId,
    sectionId: h.sectionId,
    quote: { type: 'TextQuoteSelector', ...quote },
    position: { type: 'TextPositionSelector', start, end }
  }
}
