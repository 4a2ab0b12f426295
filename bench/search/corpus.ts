// The search benchmark's corpus: Brown texts cut into ~290-word sections, one briefing per text
// (~8 sections). Sizes beyond the corpus (~3,900 sections) come from deterministic re-cuts.

import { seededRandom } from '../../src/test-support/crash-steps'
import type { Briefing, Section } from '../../src/shared/dataset'
import { type BrownText, readBrownTexts } from './brown'

const SECTION_WORDS = 290
const HEADING_WORDS = 6
// lunr's English stop words would make poor section tags; a short list of the worst suffices.
const NOT_TAGS = new Set(['which', 'there', 'their', 'would', 'could', 'about', 'other', 'these'])

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const wordCount = (text: string): number => text.split(' ').length

/**
 * Variant 0 is each text as published. Variant k ≥ 1 shuffles the text's paragraphs (PRNG seeded
 * by k and the text) and rotates the result by a k-dependent number of sentences, so the cut
 * points and the sentences side by side in a section differ from every other variant.
 */
function variantParagraphs(text: BrownText, variant: number): string[][] {
  if (variant === 0) return text.paragraphs
  const random = seededRandom(
    variant * 7919 + Number.parseInt(text.id.slice(2), 10) * 31 + text.id.charCodeAt(1)
  )
  const paragraphs = shuffle(text.paragraphs, random)
  const sentences = paragraphs.flatMap((p, i) => p.map((s, j) => ({ s, start: j === 0, i })))
  const turn = (variant * 5 + Math.floor(random() * 11)) % sentences.length
  const rotated = [...sentences.slice(turn), ...sentences.slice(0, turn)]
  const out: string[][] = []
  for (const [n, { s, start }] of rotated.entries()) {
    if (start || n === 0) out.push([s])
    else out[out.length - 1]!.push(s)
  }
  return out
}

/** Cuts paragraphs into sections of about `target` words, at sentence ends. */
function cutSections(paragraphs: string[][], target: number): string[][] {
  const sections: string[][] = []
  let current: string[] = []
  let words = 0
  for (const paragraph of paragraphs) {
    let line: string[] = []
    for (const sentence of paragraph) {
      line.push(sentence)
      words += wordCount(sentence)
      if (words >= target) {
        current.push(line.join(' '))
        sections.push(current)
        current = []
        line = []
        words = 0
      }
    }
    if (line.length > 0) current.push(line.join(' '))
  }
  // A short tail joins the section before it rather than standing as a stub.
  if (current.length > 0) {
    if (words < target / 3 && sections.length > 0) sections[sections.length - 1]!.push(...current)
    else sections.push(current)
  }
  return sections
}

function heading(text: string): string {
  const words = text.split(/\s+/).slice(0, HEADING_WORDS).join(' ')
  return words.replace(/[^\p{L}\p{N}]+$/u, '') || 'Untitled'
}

/** The section's most frequent word of 5+ letters, as a topical tag. */
function topicTag(text: string): string[] {
  const counts = new Map<string, number>()
  for (const word of text.toLowerCase().match(/[a-z]{5,}/g) ?? []) {
    if (!NOT_TAGS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  let best: [string, number] | undefined
  for (const entry of counts) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry
  }
  return best ? [best[0]] : []
}

function toBriefing(text: BrownText, variant: number, order: number): Briefing {
  // Each variant cuts at its own length (±30 words), so its cuts do not fall back into step with
  // another variant's after the first few sections.
  const target = SECTION_WORDS + (variant === 0 ? 0 : ((variant * 37) % 61) - 30)
  const paragraphs = variantParagraphs(text, variant)
  const sections: Section[] = cutSections(paragraphs, target).map((paras, i) => {
    const body = paras.join('\n\n')
    return {
      id: `s${i + 1}`,
      heading: heading(body),
      text: body,
      tags: topicTag(body),
      mentions: []
    }
  })
  const day = 1 + (order % 28)
  const month = 1 + (Math.floor(order / 28) % 12)
  return {
    id: `brown-${text.id}-v${variant}`,
    title: `${text.id.toUpperCase()}${variant > 0 ? ` (re-cut ${variant})` : ''}: ${sections[0]!.heading}`,
    source: `Brown Corpus ${text.id}, ${text.genre}`,
    published: `1961-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    tags: ['brown-corpus', text.genre],
    sections
  }
}

export interface Corpus {
  briefings: Briefing[]
  sections: number
  /** Re-cut variants used beyond variant 0 (the texts as published). */
  variants: number
}

let texts: BrownText[] | undefined

/**
 * The first `size` sections of an endless, deterministic sequence of briefings: variant 0 of every
 * text in seeded random order, then variant 1, and so on. A smaller corpus is a prefix of a larger
 * one, so queries drawn from the first 1,000 sections find something at every size.
 */
export function buildCorpus(size: number): Corpus {
  texts ??= readBrownTexts()
  const briefings: Briefing[] = []
  let sections = 0
  for (let variant = 0; sections < size; variant++) {
    for (const text of shuffle(texts, seededRandom(1961 + variant))) {
      const briefing = toBriefing(text, variant, briefings.length)
      const room = size - sections
      if (briefing.sections.length > room) briefing.sections = briefing.sections.slice(0, room)
      briefings.push(briefing)
      sections += briefing.sections.length
      if (sections >= size) return { briefings, sections, variants: variant }
    }
  }
  return { briefings, sections, variants: 0 }
}
