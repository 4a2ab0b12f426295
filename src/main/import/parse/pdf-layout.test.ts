// Reading order and page furniture on made-up pages, where the file draws its text out of order:
// the cases LibreOffice's own export (pdf.test.ts) does not show.

import { describe, expect, it } from 'vitest'

import { pdfBlocks } from './pdf-blocks'
import { pageLines, type PdfPage, type PdfPiece } from './pdf-layout'

const piece = (text: string, x: number, y: number, extra: Partial<PdfPiece> = {}): PdfPiece => ({
  text,
  x,
  y,
  width: text.length * 5,
  size: 10,
  bold: false,
  ...extra
})

const page = (pieces: PdfPiece[]): PdfPage => ({ width: 600, height: 800, pieces })

describe('pageLines', () => {
  it('reads lines top to bottom whatever order the file draws them in', () => {
    const lines = pageLines([
      page([
        piece('third line', 50, 600),
        piece('first line', 50, 624),
        piece('second', 50, 612),
        piece('line', 85, 612)
      ])
    ])
    expect(lines[0]!.map((l) => l.text)).toEqual(['first line', 'second line', 'third line'])
  })

  it('reads the left column before the right one', () => {
    const pieces: PdfPiece[] = []
    for (let i = 0; i < 4; i++) {
      pieces.push(piece(`right ${i}`, 320, 600 - i * 12), piece(`left ${i}`, 50, 600 - i * 12))
    }
    pieces.push(
      piece('A full-width line across both columns of the page, below them', 50, 500, {
        width: 500
      })
    )
    const lines = pageLines([page(pieces)])[0]!.map((l) => l.text)
    expect(lines).toEqual([
      'left 0',
      'left 1',
      'left 2',
      'left 3',
      'right 0',
      'right 1',
      'right 2',
      'right 3',
      'A full-width line across both columns of the page, below them'
    ])
  })

  it('drops a running header on most pages and lone page numbers in the margins', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        piece(`Quarterly review ${2024}`, 50, 780),
        piece(`Body text of page ${n}.`, 50, 400),
        piece(`${n}`, 300, 30)
      ])
    )
    expect(pageLines(pages).map((p) => p.map((l) => l.text))).toEqual([
      ['Body text of page 1.'],
      ['Body text of page 2.'],
      ['Body text of page 3.']
    ])
  })

  it("keeps a one-page document's top line (nothing repeats) but not its page number", () => {
    const lines = pageLines([
      page([
        piece('Only page heading', 50, 780),
        piece('Text.', 50, 400),
        piece('Page 1 of 1', 300, 30)
      ])
    ])
    expect(lines[0]!.map((l) => l.text)).toEqual(['Only page heading', 'Text.'])
  })
})

describe('pdfBlocks', () => {
  it('joins a word split at its own hyphen too: "co-" and "operation" read "cooperation"', () => {
    const lines = pageLines([
      page([piece('Naval co-', 50, 700), piece('operation grew.', 50, 688)])
    ]).flat()
    expect(pdfBlocks(lines, [])).toEqual([{ kind: 'paragraph', text: 'Naval cooperation grew.' }])
  })

  it('keeps a hyphen before a capital or a digit at a line end, with no space', () => {
    const lines = pageLines([
      page([
        piece('The India-', 50, 700),
        piece('Japan talks of 2022-', 50, 688),
        piece('2023.', 50, 676)
      ])
    ]).flat()
    expect(pdfBlocks(lines, [])).toEqual([
      { kind: 'paragraph', text: 'The India-Japan talks of 2022-2023.' }
    ])
  })

  it('makes a short bold line in the body size a heading, and joins hyphenated words', () => {
    const lines = pageLines([
      page([
        piece('Findings', 50, 700, { bold: true }),
        piece('The patrols were inter-', 50, 688),
        piece('rupted twice in May.', 50, 676),
        piece('Second paragraph after a gap.', 50, 650)
      ])
    ]).flat()
    expect(pdfBlocks(lines, [])).toEqual([
      { kind: 'heading', level: 1, text: 'Findings' },
      { kind: 'paragraph', text: 'The patrols were interrupted twice in May.' },
      { kind: 'paragraph', text: 'Second paragraph after a gap.' }
    ])
  })
})
