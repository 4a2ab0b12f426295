// Export and import of notes through the app's own services and the CLI: Markdown that reads back
// with the notes in it, W3C JSON that round-trips into an empty profile and merges without
// duplicates, and exports that never replace files without asking.
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import type { ExportOptions } from '../../shared/annotation-requests'
import { parseArgs } from '../cli/args'
import { runCommand } from '../cli/commands'
import { startCore } from '../app-core'
import type { AppCore, CoreServices } from '../app-core'
import { writeBundle } from './bundle-export'
import { runExport } from './export-service'
import { importAnnotationsFile } from '../annotations/import-annotations'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const DATASET = join(ROOT, 'resources/dataset')
const BRIEFING = 'india-japan-quad-2022'

const cores: AppCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function profile(dir = temp('export-')) {
  const core = startCore({ datasetDir: DATASET, userDataDir: dir, appVersion: 'test' })
  cores.push(core)
  return { dir, services: await core.ready, core }
}

async function annotate(services: CoreServices) {
  const lead = services.library.briefings[0]!.sections[0]!
  const start = lead.text.indexOf('Fumio Kishida')
  const target = describeRange(lead.text, start, start + 13, {
    briefingId: BRIEFING,
    sectionId: 'lead'
  })!
  await services.annotations.change(BRIEFING, {
    op: 'highlight.create',
    target,
    color: 'blue',
    note: 'Ask about **Kishida**\n\n# not a heading of the file',
    tags: ['follow-up']
  })
  await services.annotations.change(BRIEFING, {
    op: 'note.create',
    target: { kind: 'briefing' },
    body: 'Overall: consolidation 🇯🇵'
  })
}

const options = (format: 'md' | 'w3c'): ExportOptions => ({
  scope: { kind: 'briefing', briefingId: BRIEFING },
  format,
  groupBy: 'section',
  includeSectionNotes: true,
  includeEntities: true,
  includeOrphans: true,
  layout: 'single'
})

function target(file: string | null, confirm = false) {
  return {
    chooseFile: async () => file,
    chooseFolder: async () => (file ? dirname(file) : null),
    confirmOverwrite: async () => confirm
  }
}

describe('export and import of notes', () => {
  it('writes Markdown with the quote, colour label, tags and note, where the analyst chose', async () => {
    const { services } = await profile()
    await annotate(services)
    const out = join(temp('out-'), 'notes.md')
    const result = await runExport(services, DEFAULT_COLOR_LABELS, options('md'), target(out))
    expect(result).toMatchObject({ status: 'written', files: [out], highlights: 1, notes: 1 })
    const md = readFileSync(out, 'utf8')
    expect(md).toMatch(/^---\n/)
    expect(md).toContain('# PM Modi in Tokyo')
    expect(md).toContain('## Overview')
    expect(md).toContain('> Fumio Kishida')
    expect(md).toContain('Question')
    expect(md).toContain('#follow-up')
    expect(md).toContain('Overall: consolidation 🇯🇵')
    expect(md).toMatch(/\^hl-/)
  })

  it('cancels without writing when no file is chosen', async () => {
    const { services } = await profile()
    await annotate(services)
    expect(await runExport(services, DEFAULT_COLOR_LABELS, options('md'), target(null))).toEqual({
      status: 'cancelled'
    })
  })

  it('round-trips W3C JSON into an empty profile, and merges a second import without duplicates', async () => {
    const { services } = await profile()
    await annotate(services)
    const out = join(temp('out-'), 'notes.json')
    await runExport(services, DEFAULT_COLOR_LABELS, options('w3c'), target(out))
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.type).toBe('AnnotationCollection')
    const before = await services.annotations.load(BRIEFING)

    const fresh = await profile()
    const first = await importAnnotationsFile(fresh.services, out)
    expect(first).toMatchObject({
      status: 'imported',
      added: 2,
      unchanged: 0,
      orphaned: 0,
      problems: []
    })
    const after = await fresh.services.annotations.load(BRIEFING)
    const strip = (v: typeof before) => ({
      highlights: v.highlights.map(({ id, target, color, tags, note, status, range }) => ({
        id,
        target,
        color,
        tags,
        note,
        status,
        range
      })),
      notes: v.notes.map(({ id, target, body, tags }) => ({ id, target, body, tags }))
    })
    expect(strip(after)).toEqual(strip(before))
    const second = await importAnnotationsFile(fresh.services, out)
    expect(second).toMatchObject({ added: 0, unchanged: 2 })
    expect((await fresh.services.annotations.load(BRIEFING)).highlights).toHaveLength(1)
  })

  it('never lets an older file overwrite a later local edit, and skips refused records with a reason', async () => {
    const { services } = await profile()
    await annotate(services)
    const out = join(temp('out-'), 'notes.json')
    await runExport(services, DEFAULT_COLOR_LABELS, options('w3c'), target(out))
    const id = (await services.annotations.load(BRIEFING)).highlights[0]!.id
    await new Promise((done) => setTimeout(done, 5))
    await services.annotations.change(BRIEFING, {
      op: 'highlight.update',
      id,
      note: 'my later edit'
    })
    const json = JSON.parse(readFileSync(out, 'utf8'))
    // A third-party annotation with a tag the store refuses.
    const bad = structuredClone(json.first.items[0])
    bad.id = 'https://example.org/anno/42'
    bad.body = [{ type: 'TextualBody', purpose: 'tagging', value: 'x'.repeat(5000) }]
    json.first.items.push(bad)
    writeFileSync(out, JSON.stringify(json))
    const result = await importAnnotationsFile(services, out)
    expect(result).toMatchObject({ status: 'imported', updated: 0 })
    const view = await services.annotations.load(BRIEFING)
    expect(view.highlights.find((h) => h.id === id)?.note).toBe('my later edit')
    if (result.status === 'imported') {
      expect(result.problems.join('\n')).toMatch(/your versions were kept/)
    }
  })

  it('imports a file made against an older text with orphans reported, not lost', async () => {
    const { services } = await profile()
    await annotate(services)
    const out = join(temp('out-'), 'notes.json')
    await runExport(services, DEFAULT_COLOR_LABELS, options('w3c'), target(out))
    // The same briefing in a newer version whose lead no longer names Kishida.
    const dataset = JSON.parse(readFileSync(join(DATASET, 'india-japan-quad.json'), 'utf8'))
    const lead = dataset.briefings[0].sections[0]
    const cut = lead.text.indexOf(' and his Japanese counterpart Fumio Kishida')
    lead.text = lead.text.slice(0, cut) + '.'
    lead.mentions = lead.mentions.filter((m: { end: number }) => m.end <= cut)
    const newer = temp('dataset-')
    writeFileSync(join(newer, 'india-japan-quad.json'), JSON.stringify(dataset))
    const core = startCore({
      datasetDir: newer,
      userDataDir: temp('export-'),
      appVersion: 'test'
    })
    cores.push(core)
    const result = await importAnnotationsFile(await core.ready, out)
    expect(result).toMatchObject({ status: 'imported', added: 2, orphaned: 1 })
    // Left out of a Markdown export on request, and then not counted as exported either.
    const md = join(temp('out-'), 'notes.md')
    const withoutOrphans = { ...options('md'), includeOrphans: false }
    const written = await runExport(
      await core.ready,
      DEFAULT_COLOR_LABELS,
      withoutOrphans,
      target(md)
    )
    expect(written).toMatchObject({ status: 'written', highlights: 0, notes: 1 })
    expect(readFileSync(md, 'utf8')).not.toContain('Fumio Kishida')
    const view = await (await core.ready).annotations.load(BRIEFING)
    expect(view.highlights).toMatchObject([
      {
        status: 'orphaned',
        note: expect.stringContaining('Kishida'),
        target: { quote: { exact: 'Fumio Kishida' } }
      }
    ])
  })

  it('reports refused input clearly and imports nothing from it', async () => {
    const { services } = await profile()
    const bad = join(temp('bad-'), 'bad.json')
    writeFileSync(bad, '{"type": "Annotation"')
    const result = await importAnnotationsFile(services, bad)
    expect(result).toMatchObject({ status: 'imported', added: 0 })
    if (result.status === 'imported') expect(result.problems.join('\n')).toMatch(/JSON/)
  })

  it('CLI: exports Markdown to stdout and W3C to a file, and imports it into another profile', async () => {
    const { dir, services, core } = await profile()
    await annotate(services)
    await core.close()
    cores.pop()
    const lines: string[] = []
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(`ERR ${t}`) }
    expect(await runCommand(parseArgs(['export', '--profile', dir]), io)).toBe(0)
    expect(lines.join('\n')).toContain('> Fumio Kishida')
    const out = join(temp('cli-'), 'backup.json')
    expect(
      await runCommand(parseArgs(['export', '--format', 'w3c', '--out', out, '--profile', dir]), io)
    ).toBe(0)
    expect(existsSync(out)).toBe(true)
    // Existing files are not replaced from the CLI; into a folder, the file is named from the title.
    expect(
      await runCommand(parseArgs(['export', '--format', 'w3c', '--out', out, '--profile', dir]), io)
    ).toBe(1)
    expect(lines.join('\n')).toContain('not replacing')
    const folder = dirname(out)
    const args = ['export', '--out', folder, '--briefing', BRIEFING, '--profile', dir]
    expect(await runCommand(parseArgs(args), io)).toBe(0)
    expect(
      existsSync(
        join(folder, 'PM Modi in Tokyo - QUAD Leaders Summit and the India–Japan bilateral.md')
      )
    ).toBe(true)
    const other = temp('cli-other-')
    lines.length = 0
    expect(await runCommand(parseArgs(['import-annotations', out, '--profile', other]), io)).toBe(0)
    expect(lines.join('\n')).toMatch(/2 added/)
  })
})

describe('Export library backup…', () => {
  it('asks before replacing a file and never writes through a symbolic link', async () => {
    const { dir, services } = await profile()
    const path = join(dir, 'backup.json')
    writeFileSync(path, 'keep me')
    const asked: string[][] = []
    const target = (answer: boolean) => ({
      chooseFile: async () => path,
      chooseFolder: async () => null,
      confirmOverwrite: async (names: string[]) => (asked.push(names), answer)
    })
    const ports = { ...services, userDataDir: dir }
    expect(await writeBundle(ports, DEFAULT_COLOR_LABELS, target(false))).toEqual({
      status: 'cancelled'
    })
    expect(readFileSync(path, 'utf8')).toBe('keep me')
    expect(asked).toEqual([['backup.json']])
    expect(await writeBundle(ports, DEFAULT_COLOR_LABELS, target(true))).toMatchObject({
      status: 'written'
    })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      format: 'briefing-reader/library-bundle'
    })
    const link = join(dir, 'link.json')
    symlinkSync(join(dir, 'nowhere.json'), link)
    const linked = { ...target(true), chooseFile: async () => link }
    await expect(writeBundle(ports, DEFAULT_COLOR_LABELS, linked)).rejects.toThrow(/symbolic link/)
    expect(existsSync(join(dir, 'nowhere.json'))).toBe(false)
  })
})
