// Fails when a file under src/, e2e/, bench/ or scripts/ refers to a path outside the repository
// (such as the ../shared folder a developer's checkout has beside it): a user's clone has nothing
// beside it, so such a test or script would fail for them. Run by `npm test`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const FOLDERS = ['src', 'e2e', 'bench', 'scripts']
const EXTENSIONS = /\.(ts|js|mjs|cjs|svelte|json|sh)$/
const SKIP = new Set(['node_modules', 'out', '.corpus'])

export interface OutsideReference {
  file: string
  line: number
  text: string
  why: string
}

/** Every string in `text` (a file at `file` in the repository at `root`) that leaves the repository. */
export function findOutsideReferences(
  file: string,
  text: string,
  root: string
): OutsideReference[] {
  const found: OutsideReference[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    // Hostile inputs that tests send on purpose are marked and never read as files.
    if (line.includes('check-standalone: not a path')) return
    for (const match of line.matchAll(/(['"`])((?:\.\.?\/)[^'"`\s]*)\1/g)) {
      const literal = match[2] as string
      const target = resolve(dirname(file), literal)
      const inside = target === root || target.startsWith(root + sep)
      if (!inside) {
        found.push({ file, line: index + 1, text: literal, why: 'resolves outside the repository' })
      } else if (/(^|\/)shared\/(seed|testdata|hooks|STYLE)/.test(literal) && !existsSync(target)) {
        found.push({ file, line: index + 1, text: literal, why: 'names the ../shared folder' })
      }
    }
    for (const match of line.matchAll(/\.\.\/shared\/(seed|testdata|hooks|STYLE)[^'"`\s]*/g)) {
      if (found.some((f) => f.line === index + 1)) continue
      found.push({ file, line: index + 1, text: match[0], why: 'names the ../shared folder' })
    }
    for (const match of line.matchAll(/(['"`])(\/work\/[^'"`\s]*)\1/g)) {
      found.push({ file, line: index + 1, text: match[2] as string, why: 'an absolute path' })
    }
  })
  return found
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return []
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return EXTENSIONS.test(name) ? [path] : []
  })
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const files = [...FOLDERS.flatMap((f) => filesUnder(join(root, f))), join(root, 'package.json')]
  const problems = files.flatMap((file) =>
    // This file and its test hold such paths on purpose, as examples.
    /check-standalone(\.test)?\.ts$/.test(file)
      ? []
      : findOutsideReferences(file, readFileSync(file, 'utf8'), root)
  )
  for (const p of problems) {
    console.error(`${relative(root, p.file)}:${p.line}: "${p.text}" ${p.why}`)
  }
  if (problems.length > 0) {
    console.error(
      `check-standalone: ${problems.length} reference(s) to paths outside the repository; ` +
        'copy what a test needs into fixtures/ (with its licence and source).'
    )
    process.exit(1)
  }
  console.log(`check-standalone: ${files.length} files refer to nothing outside the repository`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
