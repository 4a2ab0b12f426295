// Folders under src/main are layers: their import graph must have no cycle, so each can be read,
// tested and moved without the ones that use it. A file at src/main's root (errors.ts, paths.ts,
// app-core.ts, …) is a node of its own. Production code never imports src/test-support.

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const MAIN = resolve(__dirname)
const TEST_SUPPORT = resolve(__dirname, '../test-support')

interface Edge {
  from: string
  to: string
  /** The importing file and the imported one, relative to src/main. */
  file: string
  target: string
}

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return productionFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** Module specifiers of the file's imports, re-exports and dynamic imports. */
function specifiers(code: string): string[] {
  return ts
    .preProcessFile(code, true, true)
    .importedFiles.map((imported) => imported.fileName.replace(/\?.*$/, ''))
}

/** The folder under src/main, or for a file at the root the file itself. */
function folderOf(path: string): string {
  const parts = relative(MAIN, path).split(sep)
  return parts.length > 1 ? `${parts[0]!}/` : parts[0]!.replace(/(\.ts)?$/, '.ts')
}

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep)
}

function imports(): { edges: Edge[]; testSupport: string[] } {
  const edges: Edge[] = []
  const testSupport: string[] = []
  for (const file of productionFiles(MAIN)) {
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue
      const target = resolve(dirname(file), specifier)
      if (within(target, TEST_SUPPORT)) {
        testSupport.push(`${relative(MAIN, file)} imports ${specifier}`)
      }
      if (!within(target, MAIN) || folderOf(target) === folderOf(file)) continue
      edges.push({
        from: folderOf(file),
        to: folderOf(target),
        file: relative(MAIN, file),
        target: relative(MAIN, target).replace(/(\.ts)?$/, '.ts')
      })
    }
  }
  return { edges, testSupport }
}

/** A cycle per edge that closes one in a depth-first walk: "a -> b -> a" and the imports. */
function cycles(edges: Edge[]): string[] {
  const next = new Map<string, Map<string, Edge>>()
  for (const edge of edges) {
    if (!next.has(edge.from)) next.set(edge.from, new Map())
    if (!next.get(edge.from)!.has(edge.to)) next.get(edge.from)!.set(edge.to, edge)
  }
  const found: string[] = []
  const done = new Set<string>()
  const walk = (path: string[]) => {
    const folder = path.at(-1)!
    for (const to of [...(next.get(folder)?.keys() ?? [])].sort()) {
      const at = path.indexOf(to)
      if (at >= 0) {
        const cycle = [...path.slice(at), to]
        const via = cycle.slice(1).map((f, i) => next.get(cycle[i]!)!.get(f)!)
        found.push(
          `${cycle.join(' -> ')} (${via.map((e) => `${e.file} imports ${e.target}`).join('; ')})`
        )
      } else if (!done.has(to)) walk([...path, to])
    }
    done.add(folder)
  }
  for (const folder of [...next.keys()].sort()) if (!done.has(folder)) walk([folder])
  return found
}

describe('src/main folder graph', () => {
  const { edges, testSupport } = imports()

  it('has no cycle between folders', () => {
    expect(cycles(edges)).toEqual([])
  })

  it('sees the imports it checks (a walk that found none would pass)', () => {
    expect(edges.some((e) => e.from === 'annotations/' && e.to === 'errors.ts')).toBe(true)
    expect(edges.some((e) => e.from === 'app-core.ts' && e.to === 'search/')).toBe(true)
  })

  it('has no production code that imports src/test-support', () => {
    expect(testSupport).toEqual([])
  })
})
