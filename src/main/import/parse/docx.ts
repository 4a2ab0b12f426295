// Reads a Word file (.docx) with mammoth: its archive checked first (zip-guard.ts), converted to
// HTML (Heading styles to h1–h6, lists, tables, quote and code styles; images left out) and read by
// the HTML importer; title, author and date from the file's own properties.

import { inflateRawSync } from 'node:zlib'

import { quoteName } from './file-name'
import { parseHtml } from './html'
import { IMPORT_LIMITS, type ImportLimits } from './limits'
import type { ImportFailure, ParsedDocument } from './types'
import { checkZip, type ZipEntry } from './zip-guard'
import { describeError } from '../../errors'

/**
 * Parses a .docx file, all or nothing. Refused with a message naming the file: not a ZIP archive,
 * cut short or damaged, unpacking to more than `limits.maxUnpackedBytes` (a ZIP bomb), an
 * OpenDocument file (no kept library reads those), or a ZIP that is not a Word document.
 */
export async function parseDocx(
  name: string,
  bytes: Uint8Array,
  limits: ImportLimits = IMPORT_LIMITS
): Promise<ParsedDocument | ImportFailure> {
  const shown = quoteName(name)
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return { error: `${shown} is not a Word document (.docx): it is not a ZIP archive.` }
  }
  const entries = checkZip(name, bytes, limits.maxUnpackedBytes)
  if ('error' in entries) return entries
  const has = (part: string) => entries.some((entry) => entry.name === part)
  if (!has('word/document.xml')) {
    if (has('content.xml') && has('mimetype')) return refuseOpenDocument(name)
    return { error: `${shown} is a ZIP archive but not a Word document (no word/document.xml).` }
  }
  const mammoth = (await import('mammoth')).default
  let html: string
  let pictures = 0
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Pictures are not kept: an empty source instead of the image data in the page.
        convertImage: mammoth.images.imgElement(async () => {
          pictures++
          return { src: '' }
        }),
        externalFileAccess: false,
        styleMap: STYLE_MAP,
        transformDocument: monospaceAsCode(mammoth)
      }
    )
    // Soft hyphens only mark where a word may break: not text.
    html = cellsAsText(result.value).replace(/\u00ad/g, '')
  } catch (error) {
    const why = describeError(error)
    return { error: `${shown} could not be read as a Word document (damaged?): ${why}` }
  }
  const document = parseHtml(`<!doctype html><html><body>${html}</body></html>`, name)
  const properties = coreProperties(bytes, entries)
  if (properties.title) document.title = properties.title
  if (properties.creator) document.source = properties.creator
  if (properties.created) document.published = properties.created
  if (pictures > 0) {
    const what = pictures === 1 ? '1 picture was' : `${pictures} pictures were`
    document.warnings = [...(document.warnings ?? []), `${what} left out (text only is imported).`]
  }
  return document
}

/**
 * Word's and LibreOffice's quotation and code paragraph styles (mammoth maps only headings and
 * lists by itself): quotes into one <blockquote>, consecutive code lines into one <pre>.
 */
const STYLE_MAP = [
  ...['Quote', 'Intense Quote', 'Quotations', 'Block Text'].map(
    (name) => `p[style-name='${name}'] => blockquote > p:fresh`
  ),
  ...['Code', 'Preformatted Text', 'HTML Preformatted', 'Source Code', 'Source Text'].map(
    (name) => `p[style-name='${name}'] => pre:separator('\\n')`
  )
]

/** Fonts of fixed width: a paragraph set wholly in one is code, whatever its style. */
const MONOSPACE = /mono|courier|consol|menlo|inconsolata|typewriter|fixed|source code/i

interface DocxParagraph {
  styleName?: string | null
  styleId?: string | null
}

interface MammothTransforms {
  transforms: {
    paragraph(
      transform: (paragraph: DocxParagraph) => DocxParagraph
    ): (document: unknown) => unknown
    getDescendantsOfType(element: unknown, type: 'run'): { font?: string | null }[]
  }
}

/** Marks paragraphs whose runs are all in a monospace font with the "Code" style (mammoth's recipe). */
function monospaceAsCode(mammoth: unknown): (document: unknown) => unknown {
  const { transforms } = mammoth as MammothTransforms
  return transforms.paragraph((paragraph) => {
    const runs = transforms.getDescendantsOfType(paragraph, 'run')
    const code = runs.length > 0 && runs.every((run) => MONOSPACE.test(run.font ?? ''))
    return code ? { ...paragraph, styleId: 'code', styleName: 'Code' } : paragraph
  })
}

/**
 * Mammoth writes each table cell's paragraphs as <p>: keep a cell's text inline, so that a row
 * stays one line of text (cells a tab apart in a data table, a space apart in a layout table).
 */
function cellsAsText(html: string): string {
  return html.replace(
    /<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/g,
    (_cell, tag: string, attributes: string | undefined, inner: string) =>
      `<${tag}${attributes ?? ''}>${inner.replace(/<\/?p>/g, ' ')}</${tag}>`
  )
}

/** OpenDocument text (.odt): refused, with what to do instead. */
export function refuseOpenDocument(name: string): ImportFailure {
  return {
    error:
      `${quoteName(name)} is an OpenDocument file, which the app cannot import yet; save it as ` +
      'Word (.docx) or PDF and import that.'
  }
}

/** Title, author and creation date from docProps/core.xml (already checked by checkZip). */
function coreProperties(
  bytes: Uint8Array,
  entries: ZipEntry[]
): { title?: string; creator?: string; created?: string } {
  const entry = entries.find((e) => e.name === 'docProps/core.xml')
  if (!entry || entry.size > 1024 * 1024) return {}
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  let xml: string
  try {
    const raw = entry.method === 8 ? inflateRawSync(data, { maxOutputLength: entry.size }) : data
    xml = new TextDecoder().decode(raw)
  } catch {
    return {}
  }
  const field = (tag: string) => {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)
    const value = match?.[1] ? decodeXmlText(match[1]).trim() : ''
    return value === '' ? undefined : value
  }
  return {
    title: field('dc:title'),
    creator: field('dc:creator'),
    created: field('dcterms:created')
  }
}

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : entity
    }
    return named[name.toLowerCase()] ?? entity
  })
}
