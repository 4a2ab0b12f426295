// Imported files that list the same entity: aliases may differ (entity review adds one), the
// order of a record's fields does not matter, anything else refuses the later file with a notice.

import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { DatasetFile, Entity } from '../../shared/dataset'
import { minimal } from '../../test-support/dataset'
import { steppingSlice } from '../../test-support/time-slices'
import { LIBRARY_DIR, type ParsedFiles, differs, loadLibrary } from './library-loader'
import type { SectionTextPacker } from './text-packer'

const DATASET = fileURLToPath(new URL('../../../resources/dataset', import.meta.url))

let profile: string
beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'loader-'))
  mkdirSync(join(profile, LIBRARY_DIR))
})
afterEach(() => rmSync(profile, { recursive: true, force: true }))

// Ids the bundled dataset does not define (it has its own Narendra Modi and Tokyo).
const rename = (id: string) => `test-${id}`

/** The minimal file as briefing `id`, its entities renamed and the Tokyo record `tokyo`. */
function fileWith(id: string, tokyo: Entity): DatasetFile {
  const file = minimal()
  file.briefings[0]!.id = id
  for (const mention of file.briefings[0]!.sections[0]!.mentions)
    mention.entity = rename(mention.entity)
  file.entities = file.entities.map((e) => (e.id === 'tokyo' ? tokyo : { ...e, id: rename(e.id) }))
  return file
}

function write(name: string, file: DatasetFile): void {
  writeFileSync(join(profile, LIBRARY_DIR, name), JSON.stringify(file))
}

const TOKYO = { ...minimal().entities.find((e) => e.id === 'tokyo')!, id: rename('tokyo') }

describe('loadLibrary: one entity in several files', () => {
  it('loads both files when only the aliases differ, and keeps the aliases of both', async () => {
    write('a.json', fileWith('a', { ...TOKYO, aliases: ['Tōkyō'] }))
    write('b.json', fileWith('b', { ...TOKYO, aliases: ['Tokio'] }))
    const { library, imported, notices } = await loadLibrary(DATASET, profile)
    expect(notices).toEqual([])
    expect([...imported].sort()).toEqual(['a', 'b'])
    expect(library.entities.get(TOKYO.id)?.aliases).toEqual(['Tōkyō', 'Tokio'])
  })

  it('loads both files when a record lists its fields in another order', async () => {
    // As another tool may write it: same values, fields in another order.
    const reordered = {
      description: TOKYO.description,
      aliases: [],
      name: TOKYO.name,
      kind: TOKYO.kind,
      id: TOKYO.id
    } as Entity
    write('a.json', fileWith('a', TOKYO))
    write('b.json', fileWith('b', reordered))
    const { imported, notices } = await loadLibrary(DATASET, profile)
    expect(notices).toEqual([])
    expect([...imported].sort()).toEqual(['a', 'b'])
  })

  it.each([
    ['the name differs', { ...TOKYO, name: 'Tokyo Metropolis' }],
    ['the kind differs', { ...TOKYO, kind: 'organisation' as const }],
    ['the description differs', { ...TOKYO, description: 'A city.' }],
    [
      'the description is missing',
      { id: TOKYO.id, kind: TOKYO.kind, name: TOKYO.name, aliases: [] }
    ]
  ])('skips the later file, with a notice, when %s', async (_, other) => {
    write('a.json', fileWith('a', TOKYO))
    write('b.json', fileWith('b', other))
    const { library, imported, notices } = await loadLibrary(DATASET, profile)
    expect([...imported]).toEqual(['a'])
    expect(library.briefings.some((b) => b.id === 'b')).toBe(false)
    expect(library.entities.get(TOKYO.id)).toEqual(TOKYO)
    expect(notices).toEqual([
      expect.stringContaining(
        `(${join(profile, LIBRARY_DIR, 'b.json')}): entity "${TOKYO.id}" is defined`
      )
    ])
  })
})

describe('loadLibrary: records listed alike', () => {
  it('keeps one record for the files that list an entity alike, whichever is read first', async () => {
    write('a.json', fileWith('a', TOKYO))
    write('b.json', fileWith('b', { ...TOKYO }))
    write('c.json', fileWith('c', { ...TOKYO, aliases: ['Tokio'] }))
    write('d.json', fileWith('d', { ...TOKYO, aliases: ['Tokio'] }))
    const cache: ParsedFiles = new Map()
    const { library, notices } = await loadLibrary(DATASET, profile, { cache })
    expect(notices).toEqual([])
    const tokyoIn = (name: string) =>
      cache
        .get(join(profile, LIBRARY_DIR, name))!
        .parsed.dataset!.entities.find((e) => e.id === TOKYO.id)
    expect(tokyoIn('b.json')).toBe(tokyoIn('a.json'))
    expect(tokyoIn('d.json')).toBe(tokyoIn('c.json'))
    expect(tokyoIn('c.json')).not.toBe(tokyoIn('a.json'))
    // Records are compared, never changed: the library still combines the aliases.
    expect(tokyoIn('a.json')).toEqual(TOKYO)
    expect(tokyoIn('c.json')?.aliases).toEqual(['Tokio'])
    expect(library.entities.get(TOKYO.id)?.aliases).toEqual([...TOKYO.aliases, 'Tokio'])
  })
})

describe('loadLibrary: files read together', () => {
  it('parses them one at a time, a waiting message handled between two', async () => {
    for (let i = 0; i < 30; i++) write(`p${i}.json`, fileWith(`p${i}`, TOKYO))
    const order: string[] = []
    // Each parsed file is handed to the packer: that is where the order shows.
    const packer = {
      addBriefings: (briefings: { id: string }[]) => {
        for (const b of briefings) if (/^p\d+$/.test(b.id)) order.push(b.id)
      },
      flush: () => undefined
    } as unknown as SectionTextPacker
    // A message arriving at every turn of the event loop, as queries do during a start.
    let loading = true
    const arrive = () => {
      order.push('message')
      if (loading) setImmediate(arrive)
    }
    setImmediate(arrive)
    // Every file's parse uses up a slice.
    const { imported } = await loadLibrary(DATASET, profile, { packer, slice: steppingSlice() })
    loading = false
    expect(imported.size).toBe(30)
    const parsed = order.flatMap((entry, i) => (entry === 'message' ? [] : [i]))
    expect(parsed).toHaveLength(30)
    for (let k = 1; k < parsed.length; k++) {
      expect(order.slice(parsed[k - 1]! + 1, parsed[k])).toContain('message')
    }
  })
})

describe('loadLibrary: a file that cannot be read', () => {
  it('skips it with a notice naming it, and loads the others', async () => {
    write('good.json', fileWith('good', TOKYO))
    // Reading a folder fails (EISDIR) where a stat succeeds, as an unreadable file would.
    mkdirSync(join(profile, LIBRARY_DIR, 'folder.json'))
    const cache: ParsedFiles = new Map()
    const loaded = await loadLibrary(DATASET, profile, { cache })
    expect([...loaded.imported]).toEqual(['good'])
    expect(loaded.notices).toHaveLength(1)
    expect(loaded.unreadable).toEqual([join(profile, LIBRARY_DIR, 'folder.json')])
    expect(loaded.notices[0]).toMatch(
      /could not be read and was skipped \(.*folder\.json\): EISDIR/
    )
    // Not remembered as read: the next scan tries it again.
    expect([...cache.keys()].map((file) => file.split('/').pop())).toEqual(['good.json'])
  })
})

describe('loadLibrary: a file that cannot even be stat-ed', () => {
  it('skips it with a notice naming it, and loads the others', async () => {
    write('good.json', fileWith('good', TOKYO))
    // A link to itself: stat and read both fail (ELOOP).
    const looped = join(profile, LIBRARY_DIR, 'looped.json')
    symlinkSync(looped, looped)
    const cache: ParsedFiles = new Map()
    const loaded = await loadLibrary(DATASET, profile, { cache })
    expect([...loaded.imported]).toEqual(['good'])
    expect(loaded.unreadable).toEqual([looped])
    expect(loaded.notices).toEqual([expect.stringMatching(/\(.*looped\.json\): ELOOP/)])
    expect([...cache.keys()].map((file) => file.split('/').pop())).toEqual(['good.json'])
  })
})

describe('loadLibrary: a library folder that cannot be listed', () => {
  it('loads the bundled briefings and says the imported ones are not shown', async () => {
    rmSync(join(profile, LIBRARY_DIR), { recursive: true })
    // Listing a file as a folder fails (ENOTDIR), as a folder without permission would.
    writeFileSync(join(profile, LIBRARY_DIR), 'not a folder')
    const loaded = await loadLibrary(DATASET, profile)
    expect(loaded.imported.size).toBe(0)
    expect(loaded.library.briefings.map((b) => b.id)).toEqual(['india-japan-quad-2022'])
    expect(loaded.unreadable).toEqual([join(profile, LIBRARY_DIR)])
    expect(loaded.notices.at(-1)).toMatch(
      /folder of imported briefings could not be read, so they are not shown \(.*library\): ENOTDIR/
    )
  })

  it('says nothing when there is no folder yet (nothing imported)', async () => {
    rmSync(join(profile, LIBRARY_DIR), { recursive: true })
    const loaded = await loadLibrary(DATASET, profile)
    expect(loaded.notices).toEqual([])
    expect(loaded.unreadable).toEqual([])
  })
})

describe('differs', () => {
  it('finds no conflict with an entity not known yet, or with the same record', () => {
    expect(differs(undefined, TOKYO)).toBe(false)
    expect(differs(TOKYO, TOKYO)).toBe(false)
  })

  it('compares every field but the aliases', () => {
    expect(differs(TOKYO, { ...TOKYO, aliases: ['Edo'] })).toBe(false)
    // A description left out and one set to undefined (an object spread) are the same record.
    const bare: Entity = { id: TOKYO.id, kind: TOKYO.kind, name: TOKYO.name, aliases: [] }
    expect(differs(bare, { ...bare, description: undefined })).toBe(false)
    expect(differs(TOKYO, { ...TOKYO, id: 'tokyo-2' })).toBe(true)
    expect(differs(TOKYO, { ...TOKYO, description: undefined })).toBe(true)
  })
})

describe("loadLibrary: the files it holds, and the index's read of main's", () => {
  const stampOf = (name: string) => {
    const info = statSync(join(profile, LIBRARY_DIR, name))
    return `${info.size}:${info.mtimeMs}`
  }

  it('lists the files the library holds with their size and mtime, not those it skipped', async () => {
    write('a.json', fileWith('a', TOKYO))
    writeFileSync(join(profile, LIBRARY_DIR, 'broken.json'), '{')
    write('clash.json', fileWith('a', TOKYO))
    const loaded = await loadLibrary(DATASET, profile)
    expect(loaded.notices).toHaveLength(2)
    expect([...loaded.files]).toEqual([['a.json', stampOf('a.json')]])
  })

  it("reads only main's files, and does not check again one main checked as it is", async () => {
    // Passes JSON parsing, fails the schema (no field but the schema's): main never held it so.
    write('odd.json', { ...fileWith('odd', TOKYO), extra: true } as DatasetFile)
    write('seen.json', fileWith('seen', TOKYO))
    write('unseen.json', fileWith('unseen', TOKYO))
    const checked = new Map([
      ['odd.json', stampOf('odd.json')],
      ['seen.json', stampOf('seen.json')]
    ])
    const loaded = await loadLibrary(DATASET, profile, { checked })
    expect([...loaded.imported].sort()).toEqual(['odd', 'seen'])
    expect(loaded.notices).toEqual([])
  })

  it('checks a file whose size or mtime is no longer what main read, and one that does not parse', async () => {
    write('odd.json', { ...fileWith('odd', TOKYO), extra: true } as DatasetFile)
    writeFileSync(join(profile, LIBRARY_DIR, 'cut.json'), '{"briefings": [')
    const checked = new Map([
      ['odd.json', '1:1'],
      ['cut.json', stampOf('cut.json')]
    ])
    const loaded = await loadLibrary(DATASET, profile, { checked })
    expect(loaded.imported.size).toBe(0)
    expect(loaded.notices).toEqual([
      expect.stringMatching(/cut\.json: invalid JSON at line 1/),
      expect.stringMatching(/\(.*odd\.json\): .*extra/)
    ])
  })
})
