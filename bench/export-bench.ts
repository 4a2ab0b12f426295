// Benchmark of the Markdown export (issue #4): 10,000 highlights with notes on a synthetic
// briefing, exported with exportBriefingMarkdown, against a plain join of the same quote strings
// timed in the same run. Medians of several runs; `npm run bench` prints the figures.

import { performance } from 'node:perf_hooks'

import { DEFAULT_COLOR_LABELS, HIGHLIGHT_COLORS } from '../src/shared/annotations'
import type { AnchoredHighlight, Note } from '../src/shared/annotations'
import type { Briefing } from '../src/shared/dataset'
import {
  exportBriefingMarkdown,
  DEFAULT_MARKDOWN_OPTIONS
} from '../src/main/export/markdown-export'
import type { MarkdownExportInput } from '../src/main/export/markdown-export'

/** The figures of one benchmark. */
export interface ExportBenchmark {
  highlights: number
  runs: number
  /** Median time of exportBriefingMarkdown, in milliseconds. */
  exportMs: number
  /** Median time of `quotes.join('\n')` over the same quotes, in milliseconds. */
  joinMs: number
  /** exportMs / joinMs. */
  ratio: number
  /** Size of the Markdown export and of the joined quotes, in UTF-16 units. */
  exportChars: number
  joinChars: number
}

const SENTENCE =
  'The ministers reviewed the Indo-Pacific partnership, the 2+2 dialogue & the US$5bn (≈ ¥700bn) ' +
  'investment plan; officials said *progress* was "steady" — 進展 — and #next steps follow. '

/** A briefing of `sections` sections of `sentences` sentences each. */
function syntheticBriefing(sections: number, sentences: number): Briefing {
  return {
    id: 'bench',
    title: 'Benchmark briefing: 10,000 highlights',
    source: 'Synthetic',
    published: '2024-01-01',
    tags: ['bench'],
    sections: Array.from({ length: sections }, (_, i) => ({
      id: `s${i}`,
      heading: `Section ${i + 1}`,
      text: Array.from({ length: sentences }, (_, j) => `${j}. ${SENTENCE}`).join(''),
      tags: [],
      mentions: []
    }))
  }
}

/** `count` highlights spread over the briefing, each with a short Markdown note and tags. */
export function syntheticExportInput(count: number): MarkdownExportInput {
  const briefing = syntheticBriefing(50, Math.max(1, Math.ceil(count / 50)))
  const highlights: AnchoredHighlight[] = []
  for (let i = 0; i < count; i++) {
    const section = briefing.sections[i % briefing.sections.length]
    if (!section) break
    const start = (Math.floor(i / briefing.sections.length) * SENTENCE.length) % section.text.length
    const end = Math.min(section.text.length, start + 40 + (i % 60))
    highlights.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      target: {
        briefingId: briefing.id,
        sectionId: section.id,
        quote: {
          type: 'TextQuoteSelector',
          exact: section.text.slice(start, end),
          prefix: '',
          suffix: ''
        },
        position: { type: 'TextPositionSelector', start, end }
      },
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] ?? 'yellow',
      tags: i % 3 === 0 ? ['follow-up', 'defence'] : ['economy'],
      note: `Note ${i}: **check** the figure against [the source](https://example.com/${i}).\n\n- one\n- two`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      status: i % 50 === 49 ? 'orphaned' : 'anchored',
      range: { start, end }
    })
  }
  const notes: Note[] = briefing.sections.map((s, i) => ({
    id: `note-${i}`,
    briefingId: briefing.id,
    target: { kind: 'section', sectionId: s.id },
    body: `Section note ${i} with a list:\n\n1. first\n2. second`,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z'
  }))
  return {
    briefing,
    entities: [],
    highlights,
    notes,
    colorLabels: { ...DEFAULT_COLOR_LABELS },
    datasetHash: 'bench',
    exportedAt: '2026-01-01T00:00:00.000Z'
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = work()
  return { ms: performance.now() - start, result }
}

/**
 * Exports `highlights` (default 10,000) highlights with notes `runs` times (default 7, after one
 * warm-up) and joins their quote strings as many times, interleaved, and returns the medians.
 */
export function runExportBenchmark(
  options: { highlights?: number; runs?: number } = {}
): ExportBenchmark {
  const count = options.highlights ?? 10_000
  const runs = options.runs ?? 7
  const input = syntheticExportInput(count)
  const quotes = input.highlights.map((h) => h.target.quote.exact)
  const exportOnce = (): string => exportBriefingMarkdown(input, DEFAULT_MARKDOWN_OPTIONS)
  const joinOnce = (): string => quotes.join('\n')
  exportOnce()
  joinOnce()
  const exportTimes: number[] = []
  const joinTimes: number[] = []
  let exportChars = 0
  let joinChars = 0
  for (let i = 0; i < runs; i++) {
    const e = time(exportOnce)
    const j = time(joinOnce)
    exportTimes.push(e.ms)
    joinTimes.push(j.ms)
    exportChars = e.result.length
    joinChars = j.result.length
  }
  const exportMs = median(exportTimes)
  const joinMs = median(joinTimes)
  return {
    highlights: count,
    runs,
    exportMs,
    joinMs,
    ratio: joinMs > 0 ? exportMs / joinMs : Infinity,
    exportChars,
    joinChars
  }
}
