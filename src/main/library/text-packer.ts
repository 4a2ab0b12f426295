// Lays out the section texts main holds for its garbage collector: each text becomes a slice of a
// shared string too large for V8 ever to move. The texts stay equal; only where they live changes.

import { setImmediate as nextTurn } from 'node:timers/promises'

import type { Briefing } from '../../shared/dataset'
import type { Library } from './library'

/**
 * Characters per shared string. A full chunk's bytes (one or two per character) exceed V8's
 * largest ordinary heap object (128 KB with its usual 256 KB pages), so it lives in the
 * large-object space, which is never compacted (what is left at a flush may be an ordinary
 * string). A slice keeps its whole chunk alive, and so does a substring of 13 characters or more
 * kept from a text (a highlight's quote: V8 slices those too): a briefing main drops (a version
 * replaced) keeps its text until every text of its chunk goes. Hence chunks this small.
 */
export const CHUNK_CHARS = 1 << 18

/**
 * A character above U+00FF: V8 stores a text holding one with two bytes per character. V8 answers
 * this at once for a text stored with one byte per character (the class cannot match one); only
 * texts stored with two are scanned.
 */
const WIDE = /[\u0100-\uffff]/

interface Pending {
  sections: { text: string }[]
  parts: string[]
  chars: number
}

/**
 * At 50,000 sections main holds ~82 M characters of text. As 50,000 ordinary strings, V8's
 * memory-reducing collection (about 8 s after the library is loaded, so in the middle of a first
 * index build) copied them from page to page while main's event loop waited (bench/results.md,
 * "Search", has the figures). A slice is a small object pointing into its shared string. Texts
 * are packed as files are parsed, so the originals die young, before any collection copies them
 * to the old generation. One-byte and two-byte texts are packed apart, so no one-byte text is
 * widened by a neighbour.
 */
export class SectionTextPacker {
  readonly #narrow: Pending = { sections: [], parts: [], chars: 0 }
  readonly #wide: Pending = { sections: [], parts: [], chars: 0 }

  /** Packs the briefings' section texts, a chunk at a time as enough text comes in. */
  addBriefings(briefings: readonly Briefing[]): void {
    for (const briefing of briefings) this.addSections(briefing.sections)
  }

  /** Packs these sections' texts, a chunk at a time; answers how many chunks it made. */
  addSections(sections: readonly { text: string }[]): number {
    let made = 0
    for (const section of sections) {
      const text = section.text
      // No UTF-8 length first: it scanned every text, a third of the packing's time.
      const wide = WIDE.test(text)
      const pending = wide ? this.#wide : this.#narrow
      pending.sections.push(section)
      pending.parts.push(text)
      pending.chars += text.length
      if (pending.chars >= CHUNK_CHARS) {
        this.#pack(pending)
        made += 1
      }
    }
    return made
  }

  /** Packs what is pending: call it once the last briefing is added. */
  flush(): void {
    this.#pack(this.#narrow)
    this.#pack(this.#wide)
  }

  #pack(pending: Pending): void {
    const { sections, parts } = pending
    // A text alone is left as it is: joined with nothing it would only be copied.
    if (sections.length > 1) {
      const shared = parts.join('')
      let at = 0
      for (let i = 0; i < sections.length; i++) {
        const end = at + parts[i]!.length
        // A text changed since it was added (nothing does so) keeps its new value.
        if (sections[i]!.text === parts[i]) sections[i]!.text = shared.slice(at, end)
        at = end
      }
      slicedTexts += sections.length
    }
    pending.sections = []
    pending.parts = []
    pending.chars = 0
  }
}

let slicedTexts = 0

/**
 * Texts made slices of a shared string so far in this process. Only tests read it: where the
 * characters live cannot be seen from JavaScript otherwise.
 */
export function slicedTextCount(): number {
  return slicedTexts
}

/**
 * Packs the texts of the briefings a library change brought in (`changed`: an import's, a new
 * version's, an entity review's), at most one briefing's chunks per turn of the event loop: a
 * folder import of thousands of files must not stall main. A section whose text is its
 * predecessor's (an entity review rewrites mentions, not text) takes the predecessor's instead
 * of being packed again. Resolves with the number of texts handed to the packer (tests read it).
 */
export async function packChanged(
  before: Library,
  after: Library,
  changed: readonly string[]
): Promise<number> {
  const earlier = new Map(before.briefings.map((briefing) => [briefing.id, briefing]))
  const ids = new Set(changed)
  const packer = new SectionTextPacker()
  let count = 0
  for (const briefing of after.briefings) {
    if (!ids.has(briefing.id)) continue
    const was = new Map(earlier.get(briefing.id)?.sections.map((s) => [s.id, s]))
    const fresh = briefing.sections.filter((section) => {
      const previous = was.get(section.id)
      if (previous?.text !== section.text) return true
      section.text = previous.text
      return false
    })
    count += fresh.length
    if (packer.addSections(fresh) > 0) await nextTurn()
  }
  packer.flush()
  return count
}
