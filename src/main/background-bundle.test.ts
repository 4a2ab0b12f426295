// Static check of the built main bundle: the search index and the import worker run from their
// own utility-process entries, separate files that load no Electron module, and main forks
// exactly those files. The index's entry loads none of the import's parsers or NLP, and main's
// start loads neither them nor the search engine (~0.4-0.6 s of module loading here, ~35 MB of heap).

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

const MAIN_DIR = resolve(__dirname, '../../out/main')

function entry(name: string): { file: string; imports: string[] } {
  const chunks = readdirSync(join(MAIN_DIR, 'chunks')).filter((f) =>
    new RegExp(`^${name}-.*\\.js$`).test(f)
  )
  expect(chunks, name).toHaveLength(1)
  const code = readFileSync(join(MAIN_DIR, 'chunks', chunks[0]!), 'utf8')
  const imports = [...code.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]!)
  return { file: chunks[0]!, imports }
}

describe('built background-process entries', () => {
  it('are separate bundles without Electron, and main forks them as utility processes', () => {
    expect(existsSync(MAIN_DIR), 'out/main missing: run npm run build:bundles').toBe(true)
    const main = readFileSync(join(MAIN_DIR, 'index.js'), 'utf8')
    expect(main).toMatch(/utilityProcess\.fork\(/)
    for (const name of ['index-entry', 'import-entry']) {
      const { file, imports } = entry(name)
      expect(imports, name).not.toContain('electron')
      expect(
        imports.every((imported) => !imported.startsWith('.')),
        name
      ).toBe(true)
      expect(main).toContain(`"./chunks/${file}"`)
    }
  })

  it('keeps the import parsers and NLP out of the index process', () => {
    const { imports } = entry('index-entry')
    expect(imports).toContain('lunr')
    for (const heavy of ['compromise', 'parse5', 'commonmark']) {
      expect(imports).not.toContain(heavy)
    }
    // compromise is required where it is first used (import/nlp.ts), in either process, and never
    // imported as well: its ES modules would hold a second copy of its lexicon.
    expect(entry('import-entry').imports).not.toContain('compromise')
    const importEntry = readFileSync(join(MAIN_DIR, 'chunks', entry('import-entry').file), 'utf8')
    expect(importEntry).toMatch(/createRequire\(import\.meta\.url\)\("compromise"\)/)
  })

  it("keeps the import parsers, the NLP and the search engine out of main's start", () => {
    const main = readFileSync(join(MAIN_DIR, 'index.js'), 'utf8')
    const imports = [...main.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]!)
    expect(imports).toContain('electron')
    for (const heavy of [
      'compromise',
      'parse5',
      'linkedom',
      '@mozilla/readability',
      'lunr',
      'commonmark',
      'yaml'
    ]) {
      expect(imports, heavy).not.toContain(heavy)
    }
    // Tagging known entities on an import may need compromise in main: loaded then, not at start.
    const required = [
      ...main.matchAll(/^(\s*).*createRequire\(import\.meta\.url\)\("compromise"\)/gm)
    ]
    expect(required).toHaveLength(1)
    expect(required[0]![1]!.length, 'required inside a function').toBeGreaterThan(0)
  })
})
