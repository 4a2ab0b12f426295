// The installers' configuration, checked without an Electron binary: electron-builder.yml against
// app-builder-lib's own schema, then `electron-builder --dir` against a stand-in Electron (a file
// carrying Electron's fuse sentinel), read back with @electron/fuses and @electron/asar.

import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { extractAll, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import Ajv from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { UTILITY_PROCESS_ARGV } from '../test-support/utility-process'
import { forkNodeProcess } from './background/node-process'
import { startImportWorker } from './import/import-worker'
import { APP_ID, APP_NAME } from './paths'

const ROOT = resolve(__dirname, '../..')
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>

/** What each fuse must be in the packaged binary (docs/releasing.md says why). */
const FUSES: Record<string, boolean> = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
  EnableCookieEncryption: true
}

describe('electron-builder.yml', () => {
  it('is valid for app-builder-lib’s own schema', () => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')
    ) as object
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('names the app as the app does, and sets every fuse as docs/releasing.md says', () => {
    expect(config['productName']).toBe(APP_NAME)
    expect(config['appId']).toBe(APP_ID)
    const fuses = config['electronFuses'] as Record<string, boolean>
    for (const [fuse, value] of Object.entries(FUSES)) {
      const key = fuse[0]!.toLowerCase() + fuse.slice(1)
      expect(fuses[key], key).toBe(value)
    }
  })

  it('ships no update machinery and no native rebuild, and registers .briefing, not .json', () => {
    expect(config['publish']).toBeNull()
    expect(config['npmRebuild']).toBe(false)
    expect(config['asar']).toBe(true)
    const associations = config['fileAssociations'] as { ext: string }[]
    expect(associations.map((a) => a.ext)).toEqual(['briefing'])
  })
})

const PDF_FIXTURE = 'fixtures/import-formats/briefing.pdf'

/** Loads pdf.js as import/parse/pdf.ts does and compromise as import/nlp.ts does, from a folder. */
const PACKAGED_LIBRARIES = `
  import { readFileSync } from 'node:fs'
  import { createRequire } from 'node:module'
  const [root, pdf] = process.argv.slice(1)
  const dir = root + '/node_modules/pdfjs-dist'
  const pdfjs = await import(dir + '/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(pdf)), standardFontDataUrl: dir + '/standard_fonts/',
    cMapUrl: dir + '/cmaps/', wasmUrl: dir + '/wasm/', disableFontFace: true,
    useSystemFonts: false, verbosity: 0
  }).promise
  let text = ''
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent()
    text += content.items.map((item) => item.str).join(' ')
  }
  const require = createRequire(root + '/out/main/index.js')
  const nlp = require('compromise')
  const people = nlp('John Smith met Mary Jones in Japan.').people().out('array')
  const from = [require.resolve('compromise')]
  console.log(JSON.stringify({ pages: doc.numPages, text: text.slice(0, 200), people, from }))
`

// Electron's default fuse wire (v1, 8 fuses), as a released binary carries it.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const DEFAULT_WIRE = '10110001'

describe('a package built with electron-builder --dir (stand-in Electron)', () => {
  let work: string
  let unpacked: string

  beforeAll(() => {
    expect(
      existsSync(join(ROOT, 'out/main/index.js')),
      'out/ missing: run npm run build:bundles'
    ).toBe(true)
    work = mkdtempSync(join(tmpdir(), 'briefing-pack-'))
    const dist = join(work, 'electron-dist')
    mkdirSync(join(dist, 'resources'), { recursive: true })
    // Not Electron: a file with Electron's sentinel and fuse wire, which is all packaging reads.
    writeFileSync(
      join(dist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in for Electron, never shipped"\n'),
        Buffer.from(SENTINEL),
        Buffer.from([1, DEFAULT_WIRE.length]),
        Buffer.from(DEFAULT_WIRE)
      ]),
      { mode: 0o755 }
    )
    writeFileSync(join(dist, 'version'), '45.5.0')
    writeFileSync(join(dist, 'LICENSE'), 'stand-in')
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${join(work, 'out')}`
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } }
    )
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
    unpacked = join(work, 'out', 'linux-unpacked')
  }, 120_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  /** app.asar extracted (once) to a folder with no node_modules above it to fall back on. */
  function extractedPackage(): string {
    const extracted = join(work, 'extracted')
    if (!existsSync(extracted)) extractAll(join(unpacked, 'resources', 'app.asar'), extracted)
    return extracted
  }

  it('has the fuses flipped in the binary', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'briefing-reader'))
    for (const [fuse, value] of Object.entries(FUSES)) {
      const state = wire[FuseV1Options[fuse as keyof typeof FuseV1Options]]
      expect(state, fuse).toBe(value ? 49 : 48)
    }
  })

  it('holds the built app and the dataset in app.asar, and nothing else of the repository', () => {
    const archive = join(unpacked, 'resources', 'app.asar')
    const files = listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'))
    const app = files.filter((f) => !f.startsWith('/node_modules/'))
    expect(app).toContain('/package.json')
    expect(app).toContain('/out/main/index.js')
    expect(app).toContain('/out/preload/index.cjs')
    expect(app).toContain('/out/renderer/index.html')
    expect(app.some((f) => /^\/out\/main\/chunks\/index-entry-[\w-]+\.js$/.test(f))).toBe(true)
    expect(app.some((f) => /^\/out\/main\/chunks\/import-entry-[\w-]+\.js$/.test(f))).toBe(true)
    expect(app).toContain('/resources/dataset/india-japan-quad.json')
    const unwanted = app.filter((f) =>
      /^\/(src|e2e|bench|docs|scripts|fixtures|build)\/|\.map$|\.test\.|\.ts$/.test(f)
    )
    expect(unwanted).toEqual([])
    // Runtime dependencies are there; tooling is not.
    expect(files).toContain('/node_modules/lunr')
    expect(files).toContain('/node_modules/electron-store')
    expect(files).toContain('/node_modules/pdfjs-dist')
    // Required at its first use, not bundled (entity-tagging.ts): its CommonJS build must be there.
    expect(files).toContain('/node_modules/compromise/builds/three/compromise-three.cjs')
    // What of pdf.js and compromise the app never loads is left out (electron-builder.yml).
    expect(files).toContain('/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs')
    // pdf.js reads these from disk for PDFs that do not embed their fonts or use CJK CMaps.
    for (const data of ['standard_fonts', 'cmaps', 'wasm']) {
      expect(files.some((f) => f.startsWith(`/node_modules/pdfjs-dist/${data}/`))).toBe(true)
    }
    expect(files).not.toContain('/node_modules/pdfjs-dist/build/pdf.mjs')
    expect(files).not.toContain('/node_modules/pdfjs-dist/web/pdf_viewer.mjs')
    expect(files).not.toContain('/node_modules/compromise/src/three.js')
    // No native module (pdf.js's optional canvas binding is left out): nothing tied to one ABI.
    expect(files.filter((f) => f.endsWith('.node') || f.includes('/@napi-rs/'))).toEqual([])
    expect(files.some((f) => /^\/node_modules\/(electron|vite|vitest|svelte)(\/|$)/.test(f))).toBe(
      false
    )
    console.log(
      `app.asar: ${(statSync(archive).size / 1024 / 1024).toFixed(1)} MB, ${files.length} entries`
    )
  })

  // The trimmed packages still do their work from the package alone: the folder app.asar is
  // extracted to has no node_modules above it to fall back on.
  it('reads a PDF and finds people with only what app.asar holds of pdf.js and compromise', () => {
    const extracted = extractedPackage()
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', PACKAGED_LIBRARIES, extracted, join(ROOT, PDF_FIXTURE)],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
    )
    expect(run.status, run.stderr).toBe(0)
    const found = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      pages: number
      text: string
      people: string[]
      from: string[]
    }
    expect(found.pages).toBeGreaterThan(0)
    expect(found.text).toMatch(/\w{4,}/)
    expect(found.people).toEqual(['John Smith', 'Mary Jones'])
    // compromise came from the extracted package, not the repository's node_modules.
    expect(found.from.every((path) => path.startsWith(extracted))).toBe(true)
  })

  it('imports a PDF with the packaged import process, shaped as Electron’s utility process', async () => {
    const chunks = join(extractedPackage(), 'out', 'main', 'chunks')
    const entry = readdirSync(chunks).find((name) => /^import-entry-.*\.js$/.test(name))!
    const worker = startImportWorker(() =>
      forkNodeProcess('import', join(chunks, entry), UTILITY_PROCESS_ARGV)
    )
    try {
      const name = PDF_FIXTURE.split('/').pop()!
      const bytes = new Uint8Array(readFileSync(join(ROOT, PDF_FIXTURE)))
      const options = { id: 'import', importedAt: '2026-12-03T00:00:00.000Z' }
      const parsed = await worker.parseImport({ name, bytes, options })
      expect('error' in parsed ? parsed.error : parsed.format).toBe('pdf')
    } finally {
      await worker.close()
    }
  }, 60_000)
})

describe('the built main bundle inside app.asar', () => {
  it('finds its utility-process entries beside itself and the dataset under the app path', () => {
    const main = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8')
    // Paths relative to the bundle (inside app.asar once packaged), never the working folder.
    expect(main).toMatch(
      /join\$?\d*\(import\.meta\.dirname, "\.\/chunks\/index-entry-[\w-]+\.js"\)/
    )
    expect(main).toMatch(
      /join\$?\d*\(import\.meta\.dirname, "\.\/chunks\/import-entry-[\w-]+\.js"\)/
    )
    expect(main).toMatch(/join\$?\d*\(app\.getAppPath\(\), "resources", "dataset"\)/)
    // The working folder only resolves files named on the command line, never the app's own.
    expect(main).not.toMatch(/(join|resolve)\$?\d*\(process\.cwd\(\)/)
  })
})
