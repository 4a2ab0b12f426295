// The searchable annotations by document number (the annotation index's), each with its
// briefing, section, tags and colour as small integers, so that a search counts facets over
// tens of thousands of hits in arrays rather than in maps keyed by strings.

import type { AnnotationDocument } from './annotation-search'

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

const NO_TAGS: readonly number[] = []

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
  readonly #docs: (AnnotationDocument | undefined)[] = []
  readonly #briefing: number[] = []
  readonly #section: number[] = []
  /** Each distinct tag once, in the order the document lists them. */
  readonly #tags: (readonly number[])[] = []
  /** -1: no colour. */
  readonly #color: number[] = []
  /** The briefing title the document was indexed with. */
  readonly #title: number[] = []

  set(doc: number, annotation: AnnotationDocument): void {
    this.#docs[doc] = annotation
    const briefing = this.briefings.numberOf(annotation.briefingId)
    this.#briefing[doc] = briefing
    const ids: [string, string] = [annotation.briefingId, annotation.sectionId]
    const section = this.sections.numberOf(JSON.stringify(ids))
    this.#sectionIds[section] ??= ids
    this.#sectionBriefing[section] = briefing
    this.#section[doc] = section
    this.#tags[doc] =
      annotation.tags.length === 0
        ? NO_TAGS
        : [...new Set(annotation.tags)].map((tag) => this.tags.numberOf(tag))
    this.#color[doc] = annotation.color ? this.colors.numberOf(annotation.color) : -1
    this.#title[doc] = this.titles.numberOf(annotation.briefingTitle)
  }

  delete(doc: number): void {
    this.#docs[doc] = undefined
  }

  document(doc: number): AnnotationDocument | undefined {
    return this.#docs[doc]
  }

  briefingOf(doc: number): number {
    return this.#briefing[doc]!
  }

  sectionOf(doc: number): number {
    return this.#section[doc]!
  }

  tagsOf(doc: number): readonly number[] {
    return this.#tags[doc]!
  }

  titleOf(doc: number): number {
    return this.#title[doc]!
  }

  colorOf(doc: number): number {
    return this.#color[doc]!
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
