// Checks an annotation against the Web Annotation Data Model's rules (the ones its own test files
// exercise: context, ids, types, bodies, targets, agents, dates, selectors), collecting every
// problem with its JSON path instead of stopping at the first or throwing.

import { ANNO_CONTEXT } from './w3c-model'
import type { ImportProblem } from './w3c-model'

type Obj = Record<string, unknown>

/** An absolute IRI: a scheme, a colon, and no white space or characters IRIs exclude. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/
/** xsd:dateTime, which the model asks for in created, modified and generated. */
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/
const COMPOSITES = ['Choice', 'List', 'Composite', 'Independents']
const DIRECTIONS = ['ltr', 'rtl', 'auto']
/** Deeper nesting than this (refinedBy chains, choices of choices) is refused, not recursed. */
const MAX_DEPTH = 24

export const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
export const isIri = (v: unknown): v is string => typeof v === 'string' && IRI.test(v)
/** A value or the values of an array, as an array (JSON-LD's "one or more"). */
export const many = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
/** The `type` values of a node. */
export const typesOf = (node: Obj): string[] =>
  many(node.type).filter((t): t is string => typeof t === 'string')

const isDateTime = (v: unknown): boolean =>
  typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v))

/** Whether `context` includes the Web Annotation context (a string or an array holding it). */
export function hasAnnoContext(context: unknown): boolean {
  return many(context).some((c) => c === ANNO_CONTEXT || c === 'https://www.w3.org/ns/anno.jsonld')
}

class Checker {
  constructor(readonly problems: ImportProblem[]) {}

  invalid(path: string, message: string): void {
    this.problems.push({ path, message, kind: 'invalid' })
  }

  /** `node[key]`, if present, is exactly one value passing `test`. */
  one(node: Obj, key: string, path: string, what: string, test: (v: unknown) => boolean): void {
    const v = node[key]
    if (v === undefined) return
    if (Array.isArray(v)) this.invalid(`${path}.${key}`, `must have exactly one value (${what})`)
    else if (!test(v)) this.invalid(`${path}.${key}`, `must be ${what}`)
  }

  /** `node[key]`, if present, is one or more values passing `test`. */
  some(node: Obj, key: string, path: string, what: string, test: (v: unknown) => boolean): void {
    const v = node[key]
    if (v === undefined) return
    if (Array.isArray(v) && v.length === 0) this.invalid(`${path}.${key}`, `must not be empty`)
    many(v).forEach((item, i) => {
      if (!test(item))
        this.invalid(
          Array.isArray(v) ? `${path}.${key}[${i}]` : `${path}.${key}`,
          `must be ${what}`
        )
    })
  }

  agents(node: Obj, path: string): void {
    for (const key of ['creator', 'generator'])
      this.some(node, key, path, 'an IRI or an agent object', (v) => isIri(v) || isObject(v))
  }

  dates(node: Obj, path: string): void {
    for (const key of ['created', 'modified', 'generated'])
      this.one(node, key, path, 'an xsd:dateTime (e.g. 2015-01-28T12:00:00Z)', isDateTime)
  }

  /** A body, target, item or source: an IRI, or a resource object. */
  resource(v: unknown, path: string, depth: number): void {
    if (typeof v === 'string') {
      if (!isIri(v)) this.invalid(path, 'must be an IRI (or an object)')
      return
    }
    if (!isObject(v)) return this.invalid(path, 'must be an IRI or an object')
    if (depth > MAX_DEPTH) return this.invalid(path, 'is nested too deeply')
    const types = typesOf(v)
    this.one(v, 'id', path, 'an IRI', isIri)
    this.some(v, 'format', path, 'a media type string', (f) => typeof f === 'string')
    this.some(v, 'language', path, 'a language tag string', (l) => typeof l === 'string')
    this.one(v, 'processingLanguage', path, 'a language tag string', (l) => typeof l === 'string')
    this.one(v, 'textDirection', path, '"ltr", "rtl" or "auto"', (d) =>
      DIRECTIONS.includes(d as string)
    )
    this.some(v, 'rights', path, 'an IRI', isIri)
    this.agents(v, path)
    this.dates(v, path)
    const composite = types.filter((t) => COMPOSITES.includes(t))
    if (composite.length > 1)
      this.invalid(`${path}.type`, `has several collection types (${composite.join(', ')})`)
    if (v.items !== undefined && composite.length === 0)
      this.invalid(path, 'has items but is not a Choice, List, Composite or Independents')
    if (composite.length > 0) {
      if (!Array.isArray(v.items)) this.invalid(`${path}.items`, 'must be a list of resources')
      else v.items.forEach((item, i) => this.resource(item, `${path}.items[${i}]`, depth + 1))
    }
    if (types.includes('TextualBody'))
      this.one(v, 'value', path, 'a string', (s) => typeof s === 'string')
    if (types.includes('TextualBody') && v.value === undefined)
      this.invalid(path, 'a TextualBody must have a value')
    const specific = types.includes('SpecificResource') || 'selector' in v || 'state' in v
    if (specific) {
      if (v.source === undefined) this.invalid(path, 'a SpecificResource must have a source')
      else this.one(v, 'source', path, 'an IRI or a resource', (s) => isIri(s) || isObject(s))
      many(v.selector).forEach((s, i) =>
        this.selector(
          s,
          Array.isArray(v.selector) ? `${path}.selector[${i}]` : `${path}.selector`,
          depth + 1
        )
      )
    }
  }

  selector(v: unknown, path: string, depth: number): void {
    if (typeof v === 'string') {
      if (!isIri(v)) this.invalid(path, 'must be an IRI or a selector object')
      return
    }
    if (!isObject(v)) return this.invalid(path, 'must be a selector object')
    if (depth > MAX_DEPTH) return this.invalid(path, 'is nested too deeply')
    const [type] = typesOf(v)
    const str = (s: unknown): boolean => typeof s === 'string'
    const offset = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0
    const required = (key: string): void => {
      if (v[key] === undefined) this.invalid(path, `a ${type} must have ${key}`)
    }
    if (type === 'FragmentSelector' || type === 'CssSelector' || type === 'XPathSelector') {
      required('value')
      this.one(v, 'value', path, 'a string', str)
      this.one(v, 'conformsTo', path, 'an IRI', isIri)
    } else if (type === 'TextQuoteSelector') {
      required('exact')
      for (const key of ['exact', 'prefix', 'suffix']) this.one(v, key, path, 'a string', str)
    } else if (type === 'TextPositionSelector' || type === 'DataPositionSelector') {
      required('start')
      required('end')
      for (const key of ['start', 'end']) this.one(v, key, path, 'a non-negative integer', offset)
      if (offset(v.start) && offset(v.end) && (v.start as number) > (v.end as number))
        this.invalid(path, 'start must not be after end')
    } else if (type === 'RangeSelector') {
      required('startSelector')
      required('endSelector')
      if (v.startSelector !== undefined)
        this.selector(v.startSelector, `${path}.startSelector`, depth + 1)
      if (v.endSelector !== undefined)
        this.selector(v.endSelector, `${path}.endSelector`, depth + 1)
    } else if (type === 'SvgSelector' && v.value === undefined && v.id === undefined) {
      this.invalid(path, 'an SvgSelector must have a value or an id')
    }
    if (v.refinedBy !== undefined) this.selector(v.refinedBy, `${path}.refinedBy`, depth + 1)
  }
}

/**
 * Checks `a` (at JSON path `path`) against the model and adds an `invalid` problem for each
 * violation. `contextInherited`: the enclosing collection or page already carries the context.
 */
export function validateAnnotation(
  a: Obj,
  path: string,
  contextInherited: boolean,
  problems: ImportProblem[]
): void {
  const c = new Checker(problems)
  if (a['@context'] !== undefined || !contextInherited) {
    if (a['@context'] === undefined) c.invalid(path, `must have an @context of ${ANNO_CONTEXT}`)
    else if (!hasAnnoContext(a['@context']))
      c.invalid(`${path}.@context`, `must be or include ${ANNO_CONTEXT}`)
  }
  if (a.id === undefined) c.invalid(path, 'an Annotation must have an id (an IRI)')
  else c.one(a, 'id', path, 'an IRI', isIri)
  if (!typesOf(a).includes('Annotation')) c.invalid(`${path}.type`, 'must be "Annotation"')
  if (a.target === undefined) c.invalid(path, 'an Annotation must have a target')
  else if (Array.isArray(a.target) && a.target.length === 0)
    c.invalid(`${path}.target`, 'must not be empty')
  else
    many(a.target).forEach((t, i) =>
      c.resource(t, Array.isArray(a.target) ? `${path}.target[${i}]` : `${path}.target`, 0)
    )
  if (a.body !== undefined && a.bodyValue !== undefined)
    c.invalid(path, 'an Annotation must not have both body and bodyValue')
  c.one(a, 'bodyValue', path, 'a string', (v) => typeof v === 'string')
  many(a.body).forEach((b, i) =>
    c.resource(b, Array.isArray(a.body) ? `${path}.body[${i}]` : `${path}.body`, 0)
  )
  c.some(a, 'motivation', path, 'a motivation name', (m) => typeof m === 'string')
  c.agents(a, path)
  c.dates(a, path)
  c.some(a, 'rights', path, 'an IRI', isIri)
  c.some(a, 'via', path, 'an IRI', isIri)
  c.one(a, 'canonical', path, 'an IRI', isIri)
}
