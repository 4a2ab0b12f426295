// The searchable annotations by document number (the annotation index's), each with its
// briefing, section, tags and colour as small integers, so that a search counts facets over
// tens of thousands of hits in arrays rather than in maps keyed by strings.

import type { AnnotationDocument } from './annotation-search'
import { grown } from './query-scratch'

/** Strings numbered in the order first seen; numbers are never reused. */
export class Interned {
  readonly #numbers = new Map<string, number>()
  readonly values: string[] = []

  numberOf(value: string): number {
    let n = this.#numbers.get(value)
    if (n === undefined) {
      n = this.values.length
      this.#numbers.set(value, n)
      this.values.push(value)
    }
    return n
  }

  /** The value's number, or -2 if it was never seen. */
  find(value: string): number {
    return this.#numbers.get(value) ?? -2
  }

  get size(): number {
    return this.values.length
  }
}

/**
 * Each document's ids by document number, in typed arrays that a search reads in its loops over
 * every hit (replaced as they grow: read them afresh for each query).
 */
export interface TableColumns {
  readonly briefing: Int32Array
  readonly section: Int32Array
  /** -1: no colour. */
  readonly color: Int32Array
  /** The briefing title the document was indexed with. */
  readonly title: Int32Array
  /** The document's tags as a number in `tagLists` (documents with the same tags share one). */
  readonly tagList: Int32Array
}

export class AnnotationTable {
  readonly briefings = new Interned()
  /** Sections as JSON [briefingId, sectionId]. */
  readonly sections = new Interned()
  /** By section number: its briefing and section ids. */
  readonly #sectionIds: [briefingId: string, sectionId: string][] = []
  /** By section number: its briefing's number. */
  readonly #sectionBriefing: number[] = []
  readonly tags = new Interned()
  readonly colors = new Interned()
  readonly titles = new Interned()
  /** Lists of tags, JSON of their numbers: each distinct tag once, in a document's order. */
  readonly #tagLists = new Interned()
  /** By tag list number: its tags' numbers. */
  readonly tagLists: (readonly number[])[] = []
  readonly #docs: (AnnotationDocument | undefined)[] = []
  #columns: TableColumns = {
    briefing: new Int32Array(64),
    section: new Int32Array(64),
    color: new Int32Array(64),
    title: new Int32Array(64),
    tagList: new Int32Array(64)
  }

  get columns(): TableColumns {
    return this.#columns
  }

  set(doc: number, annotation: AnnotationDocument): void {
    this.#docs[doc] = annotation
    if (doc >= this.#columns.briefing.length) {
      const c = this.#columns
      const size = doc + 1
      this.#columns = {
        briefing: grown(c.briefing, size),
        section: grown(c.section, size),
        color: grown(c.color, size),
        title: grown(c.title, size),
        tagList: grown(c.tagList, size)
      }
    }
    const { briefing: briefings, section: sections, color, title, tagList } = this.#columns
    const briefing = this.briefings.numberOf(annotation.briefingId)
    briefings[doc] = briefing
    const ids: [string, string] = [annotation.briefingId, annotation.sectionId]
    const section = this.sections.numberOf(JSON.stringify(ids))
    this.#sectionIds[section] ??= ids
    this.#sectionBriefing[section] = briefing
    sections[doc] = section
    const tags = [...new Set(annotation.tags)].map((tag) => this.tags.numberOf(tag))
    const list = this.#tagLists.numberOf(JSON.stringify(tags))
    this.tagLists[list] ??= tags
    tagList[doc] = list
    color[doc] = annotation.color ? this.colors.numberOf(annotation.color) : -1
    title[doc] = this.titles.numberOf(annotation.briefingTitle)
  }

  delete(doc: number): void {
    this.#docs[doc] = undefined
  }

  document(doc: number): AnnotationDocument | undefined {
    return this.#docs[doc]
  }

  sectionOf(doc: number): number {
    return this.#columns.section[doc]!
  }

  /** The number of a section's briefing. */
  briefingOfSection(section: number): number {
    return this.#sectionBriefing[section]!
  }

  /** The briefing and section ids of a section number. */
  section(n: number): readonly [briefingId: string, sectionId: string] {
    return this.#sectionIds[n]!
  }
}
