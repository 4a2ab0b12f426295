// Static check of the built main bundle: the search index and the import worker run from their own utility-process entry,
// a separate file that loads no Electron module, and main forks exactly that file.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

const MAIN_DIR = resolve(__dirname, '../../out/main')

describe('built background-process entry', () => {
  it('is a separate bundle without Electron, and main forks it as a utility process', () => {
    expect(existsSync(MAIN_DIR), 'out/main missing: run npm run build:bundles').toBe(true)
    const chunks = readdirSync(join(MAIN_DIR, 'chunks')).filter((f) =>
      /^process-entry.*\.js$/.test(f)
    )
    expect(chunks).toHaveLength(1)
    const entry = readFileSync(join(MAIN_DIR, 'chunks', chunks[0]!), 'utf8')
    const imports = [...entry.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1])
    expect(imports).not.toContain('electron')
    expect(imports.every((name) => !name!.startsWith('.'))).toBe(true)
    expect(entry).toMatch(/parentPort/)
    const main = readFileSync(join(MAIN_DIR, 'index.js'), 'utf8')
    expect(main).toContain(`"./chunks/${chunks[0]}"`)
    expect(main).toMatch(/utilityProcess\.fork\(/)
  })
})
