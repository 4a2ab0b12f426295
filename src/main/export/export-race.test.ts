// Exports never replace a file without asking: a file that appears after the analyst was asked
// is asked about again (and kept when they decline), and a symbolic link is never written through.
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { basename, join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import type { ExportOptions } from '../../shared/annotation-requests'
import { syntheticBriefing } from '../../test-support/export'
import { nodeExclusiveFs } from '../fs/exclusive-write'
import type { ExclusiveFs } from '../fs/exclusive-write'
import { buildExport, runExport } from './export-service'
import type { ExportServices, ExportTarget } from './export-service'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

/** Two briefings without notes: enough for a folder export of two files. */
function services(): ExportServices {
  const briefings = [
    syntheticBriefing('Quad summit', ['Lead']),
    syntheticBriefing('Tokyo visit', ['Lead'])
  ]
  return {
    library: { briefings, entities: new Map() },
    annotations: { load: async () => ({ highlights: [], notes: [] }) }
  } as unknown as ExportServices
}

const options = (briefingIds: string[]): ExportOptions => ({
  scope: { kind: 'briefings', briefingIds },
  format: 'md',
  groupBy: 'section',
  includeSectionNotes: true,
  includeEntities: true,
  includeOrphans: true,
  layout: 'per-briefing'
})

/** A target that records each question and answers `answer`. */
function target(out: string, answer: boolean) {
  const asked: string[][] = []
  const t: ExportTarget = {
    chooseFile: async () => out,
    chooseFolder: async () => out,
    confirmOverwrite: async (names) => {
      asked.push(names)
      return answer
    }
  }
  return { t, asked }
}

/** The disk, where another program creates `name` just before the export puts its file there. */
function racingFs(name: string): ExclusiveFs {
  const appear = (to: string) => {
    if (basename(to) === name && !existsSync(to)) writeFileSync(to, 'written by another program')
  }
  return {
    ...nodeExclusiveFs,
    link: async (from, to) => {
      appear(to)
      await nodeExclusiveFs.link(from, to)
    },
    rename: async (from, to) => {
      appear(to)
      await nodeExclusiveFs.rename(from, to)
    }
  }
}

describe('exports that never replace', () => {
  async function folderExport() {
    const s = services()
    const ids = s.library.briefings.slice(0, 2).map((b) => b.id)
    const built = await buildExport(s, DEFAULT_COLOR_LABELS, options(ids))
    const names = built.files.map((f) => f.name)
    expect(names).toHaveLength(2)
    return { s, ids, names, out: temp('out-') }
  }
  const OTHER = 'written by another program'

  it('asks about a file that appeared after the check, and keeps it when declined', async () => {
    const { s, ids, names, out } = await folderExport()
    const { t, asked } = target(out, false)
    const result = await runExport(s, DEFAULT_COLOR_LABELS, options(ids), t, racingFs(names[0]!))
    expect(result).toEqual({ status: 'cancelled' })
    expect(asked).toEqual([[names[0]]])
    expect(readFileSync(join(out, names[0]!), 'utf8')).toBe(OTHER)
    expect(readdirSync(out)).toEqual([names[0]])
  })

  it('replaces that file when the analyst agrees', async () => {
    const { s, ids, names, out } = await folderExport()
    const { t, asked } = target(out, true)
    const result = await runExport(s, DEFAULT_COLOR_LABELS, options(ids), t, racingFs(names[0]!))
    expect(result).toMatchObject({ status: 'written', files: names.map((n) => join(out, n)) })
    expect(asked).toEqual([[names[0]]])
    expect(readFileSync(join(out, names[0]!), 'utf8')).toMatch(/^---\n/)
    expect(readdirSync(out).sort()).toEqual([...names].sort())
  })

  it('stops at a file that appeared mid-export, saying what was already written', async () => {
    const { s, ids, names, out } = await folderExport()
    const { t } = target(out, false)
    await expect(
      runExport(s, DEFAULT_COLOR_LABELS, options(ids), t, racingFs(names[1]!))
    ).rejects.toThrow(
      `Export stopped: a file appeared at ${join(out, names[1]!)}; it was not replaced. Already written: ${join(out, names[0]!)}.`
    )
    expect(readFileSync(join(out, names[1]!), 'utf8')).toBe(OTHER)
  })

  it('refuses a dangling symbolic link chosen as the file, creating nothing where it points', async () => {
    const s = services()
    const dir = temp('out-')
    const link = join(dir, 'notes.md')
    symlinkSync(join(dir, 'elsewhere.md'), link)
    const single: ExportOptions = {
      ...options([]),
      scope: { kind: 'briefing', briefingId: s.library.briefings[0]!.id },
      layout: 'single'
    }
    const { t, asked } = target(link, true)
    await expect(runExport(s, DEFAULT_COLOR_LABELS, single, t)).rejects.toThrow(
      `Export stopped: ${link} is a symbolic link; an export never writes through a link.`
    )
    expect(asked).toEqual([])
    expect(existsSync(join(dir, 'elsewhere.md'))).toBe(false)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })

  it('refuses a symbolic link among the files of a folder export before asking anything', async () => {
    const { s, ids, names, out } = await folderExport()
    symlinkSync(join(out, 'elsewhere.md'), join(out, names[1]!))
    const { t, asked } = target(out, true)
    await expect(runExport(s, DEFAULT_COLOR_LABELS, options(ids), t)).rejects.toThrow(
      /is a symbolic link/
    )
    expect(asked).toEqual([])
    expect(readdirSync(out)).toEqual([names[1]])
  })
})
