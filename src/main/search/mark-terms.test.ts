// Marking without stored positions: lunr-identical tokenizing and pipeline-matched words.

import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import { brownWords } from '../../test-support/brown-documents'
import { seededRandom } from '../../test-support/crash-steps'
import { createTermMarker, tokenizeWithOffsets } from './mark-terms'
import { Starts } from './word-starts'
import type { Range } from './mark-terms'

function indexPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline()
  pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  return pipeline
}

const TEXT = 'Kishida met PM Modi; the meetings, in Tokyo — Indo-Pacific\n\nmilitary  talks.'

describe('tokenizeWithOffsets', () => {
  it('splits exactly where lunr.tokenizer does', () => {
    const texts = [
      TEXT,
      '',
      ' ',
      '--a--b--',
      ' lead\u00a0nbsp\u2003em\ttab\r\nend ',
      '😀 x-😀',
      'a\u2028b\ufeffc\u0085d\u3000e\u200bf'
    ]
    for (const text of texts) {
      const ours = tokenizeWithOffsets(text).map((t) => [t.word, t.start, t.end - t.start])
      const lunrs = lunr.tokenizer(text).map((token) => {
        const { position } = (token as unknown as { metadata: { position: [number, number] } })
          .metadata
        return [token.toString(), ...position]
      })
      expect(ours, JSON.stringify(text)).toEqual(lunrs)
    }
  })

  it('follows a separator set on lunr.tokenizer', () => {
    const separator = lunr.tokenizer.separator
    try {
      lunr.tokenizer.separator = /[\s_]+/
      expect(tokenizeWithOffsets('war-time plans_b').map((t) => t.word)).toEqual([
        'war-time',
        'plans',
        'b'
      ])
    } finally {
      lunr.tokenizer.separator = separator
    }
  })

  it('keeps offsets into the original text when lower-casing changes lengths', () => {
    const text = 'İstanbul Tokyo'
    const [, tokyo] = tokenizeWithOffsets(text)
    expect(tokyo).toEqual({ word: 'tokyo', start: 9, end: 14 })
  })
})

describe('createTermMarker', () => {
  const marker = createTermMarker(indexPipeline())
  const words = (text: string, terms: string[]): string[] =>
    marker.rangesOf(text, new Set(terms)).map(([s, e]) => text.slice(s, e))

  it('marks the words whose index term matched, without surrounding punctuation', () => {
    expect(words(TEXT, ['modi', 'tokyo'])).toEqual(['Modi', 'Tokyo'])
    expect(words('(Kishida), "Kishida!"', ['kishida'])).toEqual(['Kishida', 'Kishida'])
  })

  it('marks every inflected form that stems to the term', () => {
    expect(words('meet, meets, meeting and meetings', ['meet'])).toEqual([
      'meet',
      'meets',
      'meeting',
      'meetings'
    ])
  })

  it('marks words the stemmer rewrote the end of ("cities" → citi, "hoping" → hope)', () => {
    const forms = ['Cities', 'hoping', 'visibility', 'happily', 'relational', 'agreed']
    forms.push('mobility', 'stability', 'conditional', 'activity', 'organization', 'valency')
    const termOf = (word: string) => indexPipeline().run(lunr.tokenizer(word)).map(String)
    for (const form of forms) {
      const text = `Before ${form}, after.`
      expect(words(text, termOf(form)), form).toEqual([form])
    }
  })

  it('marks hyphenated parts separately, as lunr indexes them', () => {
    expect(words(TEXT, ['indo', 'pacif'])).toEqual(['Indo', 'Pacific'])
  })

  it('marks words whose first letters only lower-case to ASCII (Turkish İ, the Kelvin sign)', () => {
    const termOf = (word: string) => indexPipeline().run(lunr.tokenizer(word)).map(String)
    const text = 'From İstanbul, 300 \u212Aelvin: "İzmir".'
    expect(
      words(text, [...termOf('İstanbul'), ...termOf('\u212Aelvin'), ...termOf('İzmir')])
    ).toEqual(['İstanbul', '\u212Aelvin', 'İzmir'])
  })

  it('marks a one-letter term followed by punctuation', () => {
    expect(words('Phase 5, then 5) and 50.', ['5'])).toEqual(['5', '5'])
  })

  it('marks nothing for no terms, stop words or the empty term', () => {
    expect(marker.rangesOf(TEXT, new Set())).toEqual([])
    expect(words(TEXT, ['the', ''])).toEqual([])
  })
})

describe('createTermMarker on random texts', () => {
  // Marking skips to each term's first letters with a regular expression; lunr's tokenizer on
  // every word (forced here by an equivalent separator written differently) must mark the same.
  it('marks what tokenizing every word marks', () => {
    const random = seededRandom(17)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const pieces = ['Meet', 'meetings', 'e', '5', '5,', '"Kishida"', "o'brien", 'İstanbul']
    pieces.push('(war)', 'WAR-time', '—', 'é', 'Émigré', 'x_y', ' ', '\n\n', '-', '\u00a0')
    pieces.push('Cities', 'citizen', 'city.', 'hoping', 'hopes', 'Time-times')
    const marker = createTermMarker(indexPipeline())
    const terms = ['meet', 'e', '5', 'kishida', "o'brien", 'war', 'time', 'émigré', 'x_y']
    terms.push('citi', 'citizen', 'hope')
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(pieces))
        .map((piece) => (random() < 0.7 ? `${piece} ` : piece))
        .join('')
      const chosen = new Set(terms.filter(() => random() < 0.4))
      const fast = marker.rangesOf(text, chosen)
      const separator = lunr.tokenizer.separator
      let slow: Range[]
      try {
        lunr.tokenizer.separator = /[-\s]+/
        slow = marker.rangesOf(text, chosen)
      } finally {
        lunr.tokenizer.separator = separator
      }
      expect(fast, JSON.stringify({ text, chosen: [...chosen] })).toEqual(slow)
    }
  })
})

describe('createTermMarker over a real vocabulary', () => {
  // Marking searches a text for all of a term but a last e, i or l (word-starts.ts): the rule must
  // hold for every word a library can hold, here the Brown corpus's 45,000 (and for the stemmer
  // of the lunr version installed).
  it('marks every word of the Brown corpus, in any case, where its term matched', () => {
    const pipeline = indexPipeline()
    const formsOf = new Map<string, Set<string>>()
    for (const word of brownWords()) {
      for (const term of pipeline.run(lunr.tokenizer(word)).map(String)) {
        if (term === '') continue
        const forms = formsOf.get(term) ?? new Set<string>()
        formsOf.set(term, forms.add(word))
      }
    }
    expect(formsOf.size).toBeGreaterThan(25_000)
    // The words are found by the regular expression, not by the test of every word.
    expect(new Starts(new Set(['possibl'])).patterns).toBeDefined()
    const marker = createTermMarker(pipeline)
    const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
    const missed: string[] = []
    for (const [term, forms] of formsOf) {
      const words = [...forms].flatMap((form) => [form, capital(form), form.toUpperCase()])
      // "and" stands between the forms: a stop word, never marked.
      const text = words.join(' and ')
      const marked = marker.rangesOf(text, new Set([term])).map(([s, e]) => text.slice(s, e))
      if (marked.join(' ') !== words.join(' ')) missed.push(`${term}: ${text}`)
    }
    expect(missed).toEqual([])
  })
})
