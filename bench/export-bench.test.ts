// The export benchmark helper runs on a small input and reports consistent figures; its synthetic
// input exports to a file that reads back with every highlight in place.

import { describe, expect, it } from 'vitest'

import { runExportBenchmark, syntheticExportInput } from './export-bench'
import { exportBriefingMarkdown } from '../src/main/export/markdown-export'
import { readMarkdownExport } from '../src/main/export/markdown-read'

describe('runExportBenchmark', () => {
  it('returns medians, the ratio and the sizes', () => {
    const result = runExportBenchmark({ highlights: 200, runs: 3 })
    expect(result).toMatchObject({ highlights: 200, runs: 3 })
    expect(result.exportMs).toBeGreaterThan(0)
    expect(result.ratio).toBeCloseTo(result.exportMs / result.joinMs)
    expect(result.exportChars).toBeGreaterThan(result.joinChars)
  })

  it('builds an input whose export reads back whole', () => {
    const input = syntheticExportInput(500)
    const read = readMarkdownExport(exportBriefingMarkdown(input))
    expect(read.items.filter((i) => i.kind === 'highlight')).toHaveLength(500)
    expect(
      read.items
        .filter((i) => i.kind === 'highlight')
        .map((i) => i.quote)
        .sort()
    ).toEqual(input.highlights.map((h) => h.target.quote.exact).sort())
  })
})
