// Golden file: a fixed set of highlights and notes on the bundled India–Japan briefing, exported
// to Markdown and compared byte for byte with __golden__/india-japan-quad.md. Set
// UPDATE_GOLDEN=1 to rewrite it after an intended change (then read the diff). The golden must
// be listed in .prettierignore: prettier would rewrite it (and the notes in it).

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { format, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight } from '../../shared/annotations'
import { exportBriefingMarkdown } from './markdown-export'
import { readMarkdownExport } from './markdown-read'
import { bundledDataset, exportInput, highlightOn, noteOn } from '../../test-support/export'

const GOLDEN = fileURLToPath(new URL('./__golden__/india-japan-quad.md', import.meta.url))

function goldenExport(groupBy: 'section' | 'color' = 'section'): string {
  const data = bundledDataset()
  const b = data.briefings[0]
  if (!b) throw new Error('the bundled dataset has no briefing')
  const highlights: AnchoredHighlight[] = [
    highlightOn(b, 'lead', 'India-Japan Special Strategic and Global Partnership', {
      id: '5b1f0c1e-3a42-4f7e-9d0b-0c6a2f8e7a11',
      tags: ['partnership'],
      note: 'The **framing** since 2014; compare the 2022 joint statement.',
      minute: 1
    }),
    highlightOn(b, 'two-plus-two-dialogue', 'Ukraine & Russia', {
      id: '9e2d4c6b-1f3a-4b8e-8c7d-2a5b6c7d8e9f',
      color: 'pink',
      tags: ['ukraine', 'open question'],
      note: [
        'Two readings:',
        '',
        '1. India stays neutral',
        '2. Japan presses for sanctions',
        '',
        '# Not a heading of the export',
        '',
        '---',
        '',
        '```',
        'a fenced block <script>alert(1)</script>',
        '```',
        '',
        'See [the statement](https://www.mea.gov.in/) — not [this](javascript:alert(1)).'
      ].join('\n'),
      minute: 2
    }),
    highlightOn(b, 'military-cooperation', 'MILAN 22 exercise', {
      id: '1c3e5a7b-9d0f-4a2b-8c4d-6e8f0a1b2c3d',
      color: 'green',
      minute: 3
    }),
    highlightOn(b, 'bilateral-talks', 'Japanese Yen five trillion', {
      id: '7a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d',
      color: 'orange',
      tags: ['economy'],
      note: 'Follow up: how much is already disbursed? 🇯🇵 → 🇮🇳',
      minute: 4
    }),
    {
      ...highlightOn(b, 'quad-summit', 'review the initiatives', {
        id: '3d5f7b9a-0c2e-4f6a-8b1d-3e5f7a9b0c2e',
        color: 'blue',
        note: 'Which initiatives?',
        minute: 5
      }),
      status: 'orphaned',
      range: undefined
    }
  ]
  highlights[4]!.target.quote.exact = 'review the *initiatives* outlined in 2021'
  const notes = [
    noteOn(b.id, undefined, {
      id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
      body: 'Overall: a **consolidation** visit rather than new commitments.\n\n- defence\n- investment',
      tags: ['summary'],
      minute: 6
    }),
    noteOn(b.id, 'military-cooperation', {
      id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      body: 'Check the US-2 amphibian deal status.',
      minute: 7
    })
  ]
  const input = { ...exportInput(b, highlights, notes), entities: data.entities }
  input.datasetHash = 'sha256:5f1c0e9a7b3d'
  input.exportedAt = '2026-03-02T19:00:00.000Z'
  return exportBriefingMarkdown(input, {
    groupBy,
    includeSectionNotes: true,
    includeEntities: true,
    includeOrphans: true
  })
}

describe('Markdown export: golden file', () => {
  it('matches __golden__/india-japan-quad.md exactly', async () => {
    const md = goldenExport()
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, md)
    const golden = readFileSync(GOLDEN, 'utf8')
    if (md !== golden) {
      const formatted = await format(md, { ...(await resolveConfig(GOLDEN)), filepath: GOLDEN })
      if (formatted === golden)
        throw new Error(
          'The golden file was reformatted by prettier: add src/main/export/__golden__/ to ' +
            '.prettierignore, then rewrite it with UPDATE_GOLDEN=1.'
        )
    }
    expect(md).toBe(golden)
  })

  it('reads back with every item in place', () => {
    const read = readMarkdownExport(goldenExport())
    expect(read.headings.filter((h) => h.level <= 2).map((h) => h.text)).toEqual([
      'PM Modi in Tokyo: QUAD Leaders Summit and the India–Japan bilateral',
      'Overview',
      'QUAD Summit',
      'India-Japan 2+2 Ministerial Dialogue & More',
      'Military Cooperation',
      'Bilateral Talks',
      'Differences over the on-going Ukraine-Russia War',
      'Investments in Northeast',
      'Orphaned highlights'
    ])
    expect(read.items.map((i) => i.quote).filter(Boolean)).toEqual([
      'India-Japan Special Strategic and Global Partnership',
      'Ukraine & Russia',
      'MILAN 22 exercise',
      'Japanese Yen five trillion',
      'review the *initiatives* outlined in 2021'
    ])
  })

  it('is stable when grouped by colour too', () => {
    expect(goldenExport('color')).toBe(goldenExport('color'))
  })
})
