// importFile end to end: each format gives a Briefing the loader accepts; each bad input named in
// the import issue is refused, as a whole, with a message naming the file.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { sectionBlocks } from '../../../shared/blocks'
import { DATASET_FORMAT, DATASET_VERSION, type Section } from '../../../shared/dataset'
import { validateDataset } from '../../library/load-dataset'
import { IMPORT_FORMATS_DIR } from '../../../test-support/fixtures'
import { detectFormat, importFile, type ImportOptions } from './import-file'
import { IMPORT_LIMITS } from './limits'
import { BUNDLED_PATH, seedText, utf8 } from '../../../test-support/import'

const OPTIONS: ImportOptions = { id: 'imported', importedAt: '2024-06-01T12:00:00.000Z' }

function imported(name: string, content: string | Uint8Array, options = OPTIONS) {
  const result = importFile(name, typeof content === 'string' ? utf8(content) : content, options)
  if ('error' in result) throw new Error(result.error)
  return result
}

function refused(name: string, content: string | Uint8Array, options = OPTIONS): string {
  const result = importFile(name, typeof content === 'string' ? utf8(content) : content, options)
  if (!('error' in result)) throw new Error(`expected ${name} to be refused`)
  return result.error
}

describe('importFile: formats', () => {
  it('imports the seed article as a valid briefing of seven sections', () => {
    const result = imported('india-japan-quad-briefing.txt', seedText())
    if (result.format === 'dataset') throw new Error('not a briefing')
    expect(result.format).toBe('text')
    expect(result.briefing.sections).toHaveLength(7)
    const dataset = {
      format: 'briefing-reader/dataset',
      version: 1,
      entities: [],
      briefings: [result.briefing]
    }
    expect(validateDataset(dataset, 'x.json')).toEqual([])
  })

  it('imports a package README with its code, lists, table and quote as blocks the loader accepts', () => {
    const result = imported(
      'package-readme.md',
      readFileSync(join(IMPORT_FORMATS_DIR, 'package-readme.md'))
    )
    if (result.format !== 'markdown') throw new Error('not Markdown')
    const dataset = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      entities: [],
      briefings: [result.briefing]
    }
    expect(validateDataset(dataset, 'x.json')).toEqual([])
    const [lead, install, usage, notes] = result.briefing.sections
    // The badges are gone; the picture links leave no URLs behind.
    expect(lead?.text).toBe(
      'Tide predictions for harbours, computed offline from harmonic constants.'
    )
    expect(install).toMatchObject({
      text: 'npm install tide-tables',
      blocks: [{ kind: 'code', start: 0, end: 23, language: 'sh' }]
    })
    const kinds = (section: Section | undefined) =>
      sectionBlocks(section!).map((b) => [b.kind, section!.text.slice(b.start, b.end)])
    expect(kinds(usage)).toEqual([
      [
        'code',
        "import { predict } from 'tide-tables'\n\nconst day = predict('manila', '2024-06-18')\n" +
          'for (const tide of day.extremes) {\n  console.log(tide.time, tide.height)\n}'
      ],
      ['paragraph', 'Options:'],
      ['table-row', 'Option\tDefault\tMeaning'],
      ['table-row', "datum\t'LAT'\tChart datum of the heights"],
      ['table-row', "units\t'm'\tMetres or feet ('ft')"]
    ])
    expect(usage?.blocks?.[2]).toMatchObject({ header: true })
    expect(kinds(notes)).toEqual([
      ['list-item', 'Heights are relative to the chosen datum.'],
      ['list-item', 'Times are local:'],
      ['list-item', 'standard time in winter;'],
      ['list-item', 'daylight time in summer.'],
      ['quote', 'Predictions are not a substitute for official tables.']
    ])
    expect(notes?.blocks?.map((b) => [b.level, b.ordered])).toEqual([
      [1, true],
      [1, true],
      [2, false],
      [2, false],
      [undefined, undefined]
    ])
  })

  it('imports Markdown and HTML by extension', () => {
    const md = imported('note.md', '---\ntitle: Note\n---\nLead.\n\n## Part\n\nBody.')
    expect(md.format === 'markdown' && md.briefing.title).toBe('Note')
    const html = imported('page.htm', '<title>Page</title><p>Hello &amp; welcome</p>')
    expect(html.format === 'html' && html.briefing.sections[0]!.text).toBe('Hello & welcome')
  })

  it('imports a dataset file with several briefings, validated', () => {
    const result = imported('india-japan-quad.json', readFileSync(BUNDLED_PATH))
    expect(result.format === 'dataset' && result.dataset.briefings.length).toBe(1)
    const two = JSON.parse(readFileSync(BUNDLED_PATH, 'utf8'))
    two.briefings.push({ ...two.briefings[0], id: 'copy' })
    const both = imported('two.json', JSON.stringify(two))
    expect(both.format === 'dataset' && both.dataset.briefings.map((b) => b.id)).toEqual([
      'india-japan-quad-2022',
      'copy'
    ])
  })

  it('refuses an invalid dataset file, listing the problems', () => {
    expect(refused('bad.json', '{"format": "briefing-reader/dataset", "version": 3}')).toBe(
      '"bad.json" is not a valid dataset file:\n$: missing required field "entities"\n' +
        '$: missing required field "briefings"\n$.version: must be one of 1, 2 (got 3)'
    )
    expect(refused('broken.json', '{"format": ')).toMatch(/invalid JSON at line 1/)
  })

  it('detects the format of files without a known extension', () => {
    expect(detectFormat('x', '  <!DOCTYPE html><p>')).toBe('html')
    expect(detectFormat('x.export', '{"format":')).toBe('dataset')
    expect(detectFormat('README', 'Plain words')).toBe('text')
    expect(detectFormat('A.MARKDOWN', '# x')).toBe('markdown')
    // The installers register .briefing; such a file is a dataset whatever it starts with.
    expect(detectFormat('Quad summit.briefing', '  {')).toBe('dataset')
    expect(detectFormat('x.briefing', 'not json')).toBe('dataset')
  })
})

describe('importFile: bad input from the issue', () => {
  it('refuses an empty file', () => {
    expect(refused('empty.txt', '')).toBe('"empty.txt" is empty (0 bytes).')
  })

  it('refuses a binary file', () => {
    expect(refused('photo.md', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(
      /^"photo\.md" is a JPEG image/
    )
  })

  it('refuses invalid UTF-8 with the byte offset', () => {
    expect(refused('cp1252.txt', new Uint8Array([0x41, 0x93, 0x42]))).toMatch(
      /^"cp1252\.txt" is not valid UTF-8: byte 0x93 at offset 1/
    )
  })

  it('imports UTF-16 with a byte order mark', () => {
    const text = 'Lead paragraph.\r\n\r\nHeading\r\n\r\nBody.'
    const bytes = new Uint8Array(2 + text.length * 2)
    bytes.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i)
    const result = imported('utf16.txt', bytes)
    expect(result.format !== 'dataset' && result.briefing.sections.map((s) => s.heading)).toEqual([
      'Overview',
      'Heading'
    ])
  })

  it('refuses a 200 MB file (checked before reading its content)', () => {
    const huge = new Uint8Array(new ArrayBuffer(200 * 1024 * 1024))
    expect(refused('huge.txt', huge)).toMatch(
      /^"huge\.txt" is too large to import \(200 MB\); the limit is 20 MB/
    )
  })

  it('refuses a file with 20,000 headings over the section limit', () => {
    const text = Array.from(
      { length: 20_000 },
      (_, i) => `Heading ${i + 1}\n\nText ${i + 1}.`
    ).join('\n\n')
    expect(refused('many.txt', text)).toBe(
      '"many.txt" has 20,000 sections; the limit is 5,000 sections per briefing.'
    )
    const md = Array.from({ length: 20_000 }, (_, i) => `## H${i}\n\nT.`).join('\n\n')
    expect(refused('many.md', md)).toMatch(/^"many\.md" has 20,000 sections/)
  })

  it('refuses a section over the length limit', () => {
    const limits = { ...IMPORT_LIMITS, maxSectionChars: 10 }
    expect(refused('long.txt', 'Lead.\n\nPart\n\nThis is too long.', { ...OPTIONS, limits })).toBe(
      '"long.txt": section "Part" is too long (17 characters); the limit is 10 characters per section.'
    )
  })

  it('imports only the text of HTML full of scripts', () => {
    const html =
      '<script>alert(1)</script><p onclick="alert(2)">Safe <a href="javascript:alert(3)">text</a></p>' +
      '<img src=x onerror=alert(4)><script>document.cookie</script>'
    const result = imported('scripts.html', html)
    expect(result.format !== 'dataset' && result.briefing.sections.map((s) => s.text)).toEqual([
      'Safe text'
    ])
  })

  it('refuses an HTML page whose only content is scripts', () => {
    expect(refused('only-scripts.html', '<script>alert(1)</script><style>p{}</style>')).toBe(
      '"only-scripts.html" contains no text to import.'
    )
  })

  it('refuses ../../x.md and CON.txt', () => {
    expect(refused('../../x.md', '# Title')).toMatch(
      /^"\.\.\/\.\.\/x\.md": the file name contains a path/
    )
    expect(refused('CON.txt', 'Text')).toMatch(
      /^"CON\.txt": the file name is a reserved device name/
    )
  })
})
