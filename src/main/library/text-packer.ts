// Lays out the section texts main holds for its garbage collector: each text becomes a slice of a
// shared string too large for V8 ever to move. The texts stay equal; only where they live changes.

import type { Briefing } from '../../shared/dataset'

/**
 * Characters per shared string. Its bytes (one or two per character) exceed V8's largest
 * ordinary heap object (128 KB), so each shared string lives in the large-object space, which
 * is never compacted; small enough that a replaced briefing's text, kept alive by the other
 * slices of its chunk, costs little.
 */
export const CHUNK_CHARS = 1 << 18

/** A character above U+00FF: V8 stores a text holding one with two bytes per character. */
const WIDE = /[\u0100-\uffff]/

interface Pending {
  sections: { text: string }[]
  parts: string[]
  chars: number
}

/**
 * Why: at 50,000 sections main holds ~82 M characters of text as 50,000 ordinary strings, and
 * V8's memory-reducing collection (about 8 s after the library is loaded, so in the middle of a
 * first index build) copied them from page to page, pausing main's event loop for 40-60 ms. A
 * slice is a small object pointing into its shared string. Texts are packed as files are parsed,
 * so the originals die young, before any collection copies them to the old generation. One-byte
 * and two-byte texts are packed apart, so no one-byte text is widened by a neighbour.
 */
export class SectionTextPacker {
  readonly #narrow: Pending = { sections: [], parts: [], chars: 0 }
  readonly #wide: Pending = { sections: [], parts: [], chars: 0 }

  /** Packs the briefings' section texts, a chunk at a time as enough text comes in. */
  add(briefings: readonly Briefing[]): void {
    for (const briefing of briefings) {
      for (const section of briefing.sections) {
        const text = section.text
        // Most texts are ASCII, told apart natively; only the others are scanned.
        const wide = Buffer.byteLength(text, 'utf8') !== text.length && WIDE.test(text)
        const pending = wide ? this.#wide : this.#narrow
        pending.sections.push(section)
        pending.parts.push(text)
        pending.chars += text.length
        if (pending.chars >= CHUNK_CHARS) pack(pending)
      }
    }
  }

  /** Packs what is pending: call it once the last briefing is added. */
  flush(): void {
    pack(this.#narrow)
    pack(this.#wide)
  }
}

function pack(pending: Pending): void {
  if (pending.sections.length > 1) {
    const shared = pending.parts.join('')
    let at = 0
    for (const section of pending.sections) {
      const end = at + section.text.length
      section.text = shared.slice(at, end)
      at = end
    }
  }
  pending.sections = []
  pending.parts = []
  pending.chars = 0
}
