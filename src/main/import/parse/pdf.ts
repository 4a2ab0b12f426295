// Reads a PDF's text with Mozilla's pdf.js (run here, in the import process, with no worker, no
// network, no fonts or scripts run): title, author and date from the document info, the outline
// for headings, and each page's text handed to pdf-layout.ts and pdf-blocks.ts.

import { createRequire as requireFrom } from 'node:module'
import { dirname, join } from 'node:path'

import { parseDate } from './dates'
import { quoteName } from './file-name'
import { IMPORT_LIMITS, type ImportLimits } from './limits'
import { buildOutline } from './outline'
import { pdfBlocks, type OutlineEntry } from './pdf-blocks'
import { pageLines, type PdfPage, type PdfPiece } from './pdf-layout'
import type { ImportFailure, ParsedDocument } from './types'
import { describeError } from '../../errors'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

/** A document-info title that names a file or a template rather than the document. */
const JUNK_TITLE = /^(microsoft word\s*-|untitled\b)|\.(docx?|pdf|odt|rtf|txt)$/i
const BOLD_FONT = /bold|black|heavy|semibold|demi/i
/** Fixed-width fonts, by name: their lines are code. */
const MONO_FONT = /mono|courier|consol|menlo|inconsolata|typewriter|fixed|\bcode\b|source ?code/i

/** pdf.js's packaged data (standard fonts, CMaps, decoders), read from disk, never fetched. */
function pdfjsDataDirs(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  const root = dirname(requireFrom(import.meta.url).resolve('pdfjs-dist/package.json'))
  // pdf.js wants each folder with a trailing separator.
  const dir = (name: string) => `${join(root, name)}/`
  return {
    standardFontDataUrl: dir('standard_fonts'),
    cMapUrl: dir('cmaps'),
    wasmUrl: dir('wasm')
  }
}

let loading: Promise<PdfJs> | undefined

/**
 * pdf.js, loaded as the Node code it is here. It decides once, as it loads, whether it runs in
 * Node, and takes an Electron process whose `process.type` is not "browser" for a web page (the
 * check predates utility processes): in the import's utility process (type "utility") it would
 * reach for `document` and fail every PDF. This process has no page, so pdf.js is loaded with
 * the type hidden, and the type is put back once it has loaded.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const type = Object.getOwnPropertyDescriptor(process, 'type')
    const hide = process.versions.electron !== undefined && type?.configurable === true
    if (hide) Object.defineProperty(process, 'type', { value: undefined, configurable: true })
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs')
    } finally {
      if (hide) Object.defineProperty(process, 'type', type)
    }
  })()
  // One load at a time (two hiding the type at once would put back the hidden one); a failed
  // load is tried again by the next PDF, as each import of pdf.js was before.
  loading.catch(() => (loading = undefined))
  return loading
}

/**
 * Parses a PDF file, all or nothing: its text in reading order (see pdf-layout.ts), paragraphs and
 * headings (pdf-blocks.ts), title, author (as the source) and date from the document info.
 * Refused with a message naming the file: not a PDF, cut short, password-protected, damaged, more
 * than `limits.maxPdfPages` pages, or no text at all (a scan: there is no text recognition).
 */
export async function parsePdf(
  name: string,
  bytes: Uint8Array,
  limits: ImportLimits = IMPORT_LIMITS
): Promise<ParsedDocument | ImportFailure> {
  const shown = quoteName(name)
  if (!startsWithPdfHeader(bytes)) {
    return { error: `${shown} is not a PDF document: it does not start with "%PDF".` }
  }
  if (!hasEndMarker(bytes)) {
    return { error: `${shown} is cut short: the PDF ends before its end marker (%%EOF).` }
  }
  const pdfjs = await loadPdfJs()
  let task: ReturnType<PdfJs['getDocument']> | undefined
  let doc: PdfDocument | undefined
  try {
    // Inside the try: pdf.js refusing its options is a failure to read this file, reported so.
    task = pdfjs.getDocument({
      // pdf.js takes the buffer over and refuses a Node Buffer: give it a plain copy.
      data: new Uint8Array(bytes),
      ...pdfjsDataDirs(),
      disableFontFace: true,
      useSystemFonts: false,
      fontExtraProperties: true,
      enableXfa: false,
      stopAtErrors: true,
      verbosity: pdfjs.VerbosityLevel.ERRORS
    })
    doc = await task.promise
    if (doc.numPages > limits.maxPdfPages) {
      return {
        error:
          `${shown} has ${doc.numPages.toLocaleString('en-GB')} pages; the limit is ` +
          `${limits.maxPdfPages.toLocaleString('en-GB')} pages per PDF.`
      }
    }
    return await readDocument(doc, shown)
  } catch (error) {
    return { error: describeFailure(shown, error) }
  } finally {
    await task?.destroy()
  }
}

async function readDocument(
  doc: PdfDocument,
  shown: string
): Promise<ParsedDocument | ImportFailure> {
  const pages: PdfPage[] = []
  const empty: number[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await readPage(doc, n)
    if (page.pieces.every((piece) => piece.text.trim() === '')) empty.push(n)
    pages.push(page)
  }
  if (empty.length === pages.length) {
    return {
      error:
        `${shown} has no text to import: its pages are images only (a scan?). The app does not ` +
        'recognise text in images; run text recognition (OCR) on it first, or export it again ' +
        'with its text from the program that made it.'
    }
  }
  const outline = await readOutline(doc)
  const blocks = pdfBlocks(pageLines(pages).flat(), outline)
  const parsed = buildOutline(blocks, outline.length === 0, true)
  const info = await readInfo(doc)
  const document: ParsedDocument = { lead: parsed.lead, sections: parsed.sections }
  const title = info.title ?? parsed.title
  if (title) document.title = title
  // The title printed on the first page, when the info names the document otherwise, is text.
  if (parsed.title && info.title && parsed.title !== info.title) parsed.lead.unshift(parsed.title)
  if (info.author) document.source = info.author
  if (info.date) document.published = info.date
  if (empty.length > 0) {
    document.warnings = [
      `${empty.length === 1 ? 'Page' : 'Pages'} ${empty.join(', ')} had no text (images only) ` +
        `and ${empty.length === 1 ? 'was' : 'were'} left out.`
    ]
  }
  return document
}

async function readPage(doc: PdfDocument, n: number): Promise<PdfPage> {
  const page = await doc.getPage(n)
  const [, , width, height] = page.view as [number, number, number, number]
  const content = await page.getTextContent()
  const pieces: PdfPiece[] = []
  const hasText = content.items.some((item) => 'str' in item && item.str.trim() !== '')
  // The fonts' names (for bold) are known once the page's drawing operations are read.
  if (hasText) await page.getOperatorList()
  for (const item of content.items) {
    if (!('str' in item)) continue
    const [a, b, , , x, y] = item.transform as number[]
    pieces.push({
      text: item.str,
      x: x ?? 0,
      y: y ?? 0,
      width: item.width,
      size: Math.hypot(a ?? 0, b ?? 0),
      bold: hasText && BOLD_FONT.test(fontName(page, item.fontName)),
      mono: hasText && MONO_FONT.test(fontName(page, item.fontName))
    })
  }
  page.cleanup()
  return { width, height, pieces }
}

function fontName(
  page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } },
  id: string
): string {
  if (!page.commonObjs.has(id)) return ''
  const font = page.commonObjs.get(id) as { name?: unknown } | null
  return typeof font?.name === 'string' ? font.name : ''
}

/** The outline's titles, depth first, in order (at most a few thousand). */
async function readOutline(doc: PdfDocument): Promise<OutlineEntry[]> {
  type Node = { title: string; items: Node[] }
  const top = ((await doc.getOutline()) ?? []) as Node[]
  const entries: OutlineEntry[] = []
  const walk = (nodes: Node[], level: number) => {
    for (const node of nodes) {
      if (entries.length >= 5_000) return
      entries.push({ title: node.title, level })
      walk(node.items ?? [], level + 1)
    }
  }
  walk(top, 1)
  return entries
}

/** Title (unless it names a file or template), author and date (as written) from the info. */
async function readInfo(
  doc: PdfDocument
): Promise<{ title?: string; author?: string; date?: string }> {
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> }
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  const title = text(info['Title'])
  return {
    title: title && !JUNK_TITLE.test(title) ? title : undefined,
    author: text(info['Author']),
    date: pdfDate(info['CreationDate']) ?? pdfDate(info['ModDate'])
  }
}

/** "D:20240618093000+05'30'" → "2024-06-18": the date as written, not shifted to UTC. */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim())
  return match ? parseDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little junk (the PDF specification allows 1,024 bytes).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}

/** A complete PDF ends with "%%EOF" (some writers add a few bytes after it). */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)))
  return tail.includes('%%EOF')
}

function describeFailure(shown: string, error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'PasswordException') {
    return (
      `${shown} is protected by a password; the app cannot open it. Save or print it as a PDF ` +
      'without a password, then import that.'
    )
  }
  const message = describeError(error)
  if (name === 'InvalidPDFException') return `${shown} is not a readable PDF: ${message}`
  return `${shown} could not be read as a PDF (damaged?): ${message}`
}
