// Cache files read into reused buffers must come back whole and unmixed, however many are read
// at once, and a buffer handed back is reused rather than a new one made.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { ReadBuffers } from './read-buffers'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function files(sizes: number[]): string[] {
  dir = mkdtempSync(join(tmpdir(), 'read-buffers-'))
  return sizes.map((size, i) => {
    const file = join(dir, `${i}.idx`)
    writeFileSync(file, Buffer.alloc(size, 65 + i))
    return file
  })
}

describe('read buffers', () => {
  it('reads files whole, several at once, each into its own buffer', async () => {
    const names = files([10, 5000, 70_000, 3])
    const buffers = new ReadBuffers()
    const read = await Promise.all(names.map((name) => buffers.read(name)))
    read.forEach((bytes, i) => {
      expect(bytes?.length).toBe([10, 5000, 70_000, 3][i])
      expect(bytes?.every((byte) => byte === 65 + i)).toBe(true)
    })
    expect(await buffers.read(join(dir, 'missing.idx'))).toBeUndefined()
  })

  it('reuses a buffer handed back, for a file that fits in it', async () => {
    const [big, small] = files([4000, 1000])
    const buffers = new ReadBuffers()
    const first = (await buffers.read(big!))!
    buffers.release(first)
    const second = (await buffers.read(small!))!
    expect(second.buffer).toBe(first.buffer)
    expect(second.length).toBe(1000)
    expect(second.every((byte) => byte === 66)).toBe(true)
  })
})
