// Exclusive writes: nothing at the path is ever replaced without `replace`, a file that appears
// after the check is kept, and a symbolic link (dangling or not) is never written through.
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { TargetTakenError, nodeExclusiveFs, writeFileExclusively } from './exclusive-write'
import type { ExclusiveFs } from './exclusive-write'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()
const folder = () => temp('exclusive-')
const code = (c: string) => Object.assign(new Error(c), { code: c })

describe('writeFileExclusively', () => {
  it('creates a new file with the whole text and leaves no temp file', async () => {
    const dir = folder()
    await writeFileExclusively(nodeExclusiveFs, join(dir, 'a.md'), 'hello', { replace: false })
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('hello')
    expect(readdirSync(dir)).toEqual(['a.md'])
  })

  it('keeps an existing file unless told to replace it', async () => {
    const dir = folder()
    const path = join(dir, 'a.md')
    writeFileSync(path, 'mine')
    await expect(
      writeFileExclusively(nodeExclusiveFs, path, 'export', { replace: false })
    ).rejects.toThrow(TargetTakenError)
    expect(readFileSync(path, 'utf8')).toBe('mine')
    expect(readdirSync(dir)).toEqual(['a.md'])
    await writeFileExclusively(nodeExclusiveFs, path, 'export', { replace: true })
    expect(readFileSync(path, 'utf8')).toBe('export')
  })

  it.each([false, true])(
    'refuses a dangling symbolic link and creates nothing where it points (replace: %s)',
    async (replace) => {
      const dir = folder()
      const path = join(dir, 'a.md')
      symlinkSync(join(dir, 'elsewhere.md'), path)
      await expect(writeFileExclusively(nodeExclusiveFs, path, 'x', { replace })).rejects.toThrow(
        /a\.md is a symbolic link/
      )
      expect(existsSync(join(dir, 'elsewhere.md'))).toBe(false)
      expect(lstatSync(path).isSymbolicLink()).toBe(true)
    }
  )

  it('refuses a link to an existing file even when replacing, leaving that file alone', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'real.md'), 'real')
    symlinkSync(join(dir, 'real.md'), join(dir, 'a.md'))
    await expect(
      writeFileExclusively(nodeExclusiveFs, join(dir, 'a.md'), 'x', { replace: true })
    ).rejects.toThrow(TargetTakenError)
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('real')
  })

  it('keeps a file that appears between the check and the write', async () => {
    const dir = folder()
    const path = join(dir, 'a.md')
    const racing: ExclusiveFs = {
      ...nodeExclusiveFs,
      link: async (from, to) => {
        writeFileSync(to, 'appeared')
        await nodeExclusiveFs.link(from, to)
      }
    }
    const error = await writeFileExclusively(racing, path, 'export', { replace: false }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(TargetTakenError)
    expect((error as Error).message).toBe(`a file appeared at ${path}; it was not replaced`)
    expect(readFileSync(path, 'utf8')).toBe('appeared')
    expect(readdirSync(dir)).toEqual(['a.md'])
  })

  it('keeps a symbolic link that appears between the check and the rename of a replacement', async () => {
    const dir = folder()
    const path = join(dir, 'a.md')
    writeFileSync(path, 'old')
    let checks = 0
    const racing: ExclusiveFs = {
      ...nodeExclusiveFs,
      kindOf: async (p) => (++checks === 2 ? 'symlink' : nodeExclusiveFs.kindOf(p))
    }
    await expect(writeFileExclusively(racing, path, 'x', { replace: true })).rejects.toThrow(
      /symbolic link/
    )
    expect(readFileSync(path, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['a.md'])
  })

  it('of writers racing for one path, exactly one wins and its text is whole (×50)', async () => {
    for (let round = 0; round < 50; round++) {
      const dir = folder()
      const path = join(dir, 'a.md')
      const texts = Array.from({ length: 4 }, (_, i) => `writer ${i} `.repeat(2000 + round))
      const results = await Promise.allSettled(
        texts.map((text) => writeFileExclusively(nodeExclusiveFs, path, text, { replace: false }))
      )
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []))
      expect(won).toHaveLength(1)
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TargetTakenError)
      }
      expect(readFileSync(path, 'utf8')).toBe(texts[won[0]!])
      expect(readdirSync(dir)).toEqual(['a.md'])
    }
  })

  it('on a disk without hard links, copies exclusively: still never over an existing file', async () => {
    const dir = folder()
    const path = join(dir, 'a.md')
    const noLinks: ExclusiveFs = {
      ...nodeExclusiveFs,
      link: async () => {
        throw code('EPERM')
      }
    }
    await writeFileExclusively(noLinks, path, 'first', { replace: false })
    expect(readFileSync(path, 'utf8')).toBe('first')
    await expect(
      writeFileExclusively({ ...noLinks, kindOf: async () => 'missing' }, path, 'second', {
        replace: false
      })
    ).rejects.toThrow(TargetTakenError)
    expect(readFileSync(path, 'utf8')).toBe('first')
    expect(readdirSync(dir)).toEqual(['a.md'])
  })
})
