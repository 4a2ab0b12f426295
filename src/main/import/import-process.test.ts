// Import parsing in its own process: the same result as parsing here, and a process that dies
// mid-file fails that file with a message while the next file starts a fresh process.

import { readFileSync } from 'node:fs'

import { afterAll, describe, expect, it } from 'vitest'

import { SEED_PATH } from '../../test-support/fixtures'
import { startImportWorker } from './import-worker'
import { importFile } from './parse/import-file'
import { forkNodeProcess } from '../background/node-process'
import type { BackgroundPort } from '../background/rpc'

const options = { id: 'import', importedAt: '2026-11-27T00:00:00.000Z' }
const ports: BackgroundPort[] = []
const worker = startImportWorker(() => {
  const port = forkNodeProcess('import')
  ports.push(port)
  return port
})

afterAll(() => worker.close())

describe('import process', () => {
  it('parses a file exactly as this thread would', async () => {
    const bytes = new Uint8Array(readFileSync(SEED_PATH))
    const there = await worker.parseImport({ name: 'seed.txt', bytes, options })
    expect(there).toEqual(importFile('seed.txt', bytes, options))
    expect(ports).toHaveLength(1)
    // The child loads the parsers (compromise, Readability, linkedom) under tsx: seconds on a loaded machine.
  }, 30_000)

  it('fails the file in flight if the process dies, and starts a new one for the next', async () => {
    const bytes = new TextEncoder().encode('Title\n\nSome text about the harbour.\n')
    // Sent right after the kill, before its exit can be seen: it can only fail.
    ports[0]!.kill()
    const first = worker.parseImport({ name: 'a.txt', bytes, options })
    await expect(first).rejects.toThrow(/import process stopped/)
    const next = await worker.parseImport({ name: 'b.txt', bytes, options })
    expect('briefing' in next && next.briefing.sections.length).toBeGreaterThan(0)
    expect(ports).toHaveLength(2)
  }, 30_000)
})
