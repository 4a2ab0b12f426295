// `npm run bench`: performance figures as ratios to baselines measured in the same run, written
// to bench/results.md with the machine they were measured on. Not a test: nothing here fails.
// `npm run bench -- search --sizes 1k` runs only the named benchmarks (and sizes); the sections
// not run are kept from the previous results.md.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { runExportBenchmark } from './export-bench'
import { runAnnotationBenchmark } from './annotations-bench'
import { notesBenchLines, runNotesBenchmark } from './notes-bench'
import { runNotebookBenchmark } from './notebook-bench'
import { runLibraryCountsBenchmark } from './library-counts-bench'
import { runMainStartBenchmark } from './main-start-bench'
import { runReaderBenchmark } from './reader-bench'
import { entityBenchLines, runEntityBenchmark } from './entity-bench'
import { machine, ms, ratio } from './measure'
import { DEFAULT_SIZES, runSearchBenchmark } from './search/search-bench'

const HERE = dirname(fileURLToPath(import.meta.url))
const RESULTS = join(HERE, 'results.md')

const table = (rows: string[]) => [
  '| measure | figure | baseline | ratio |',
  '|---|---|---|---|',
  ...rows
]

const { names, sizes } = parseArgs(process.argv.slice(2))

const sections: { name: string; title: string; lines: () => Promise<string[]> }[] = [
  {
    name: 'annotations',
    title: 'Annotation store (issue #3)',
    lines: async () => table(await runAnnotationBenchmark())
  },
  {
    name: 'export',
    title: 'Markdown export (issue #4)',
    lines: async () => {
      const r = runExportBenchmark({ highlights: 10_000, runs: 7 })
      return table([
        `| export ${r.highlights.toLocaleString('en')} highlights with notes to Markdown (median of ${r.runs}) | ${ms(r.exportMs)} | plain join of the same quotes: ${ms(r.joinMs)} | ${ratio(r.exportMs, r.joinMs)} |`
      ])
    }
  },
  {
    name: 'notes',
    title: 'Notes render in bounded time (issue #13)',
    lines: () =>
      Promise.resolve(table(notesBenchLines(runNotesBenchmark({ runs: 9, samples: 300 }))))
  },
  {
    name: 'notebook',
    title: 'Notebook across briefings (issue #15)',
    lines: async () => table(await runNotebookBenchmark())
  },
  {
    name: 'counts',
    title: 'Library counts on the first listing',
    lines: async () => table(await runLibraryCountsBenchmark())
  },
  {
    name: 'start',
    title: "Main's start: its bundle loaded (issue #17)",
    lines: () => Promise.resolve(table(runMainStartBenchmark()))
  },
  {
    name: 'reader',
    title: 'Continuous reader, headless Chromium (issue #14)',
    lines: () => Promise.resolve(table(runReaderBenchmark()))
  },
  {
    name: 'entities',
    title: 'Entity proposals on hand-annotated articles (issue #16)',
    lines: () => Promise.resolve(entityBenchLines(runEntityBenchmark()))
  },
  {
    name: 'search',
    title: 'Search (issue #5)',
    lines: () => runSearchBenchmark({ sizes })
  }
]

function parseArgs(args: string[]): { names: string[]; sizes: number[] } {
  const names: string[] = []
  let sizes = DEFAULT_SIZES
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--sizes' || arg === '--size') sizes = parseSizes(args[++i] ?? '')
    else if (arg.startsWith('--size')) sizes = parseSizes(arg.slice(arg.indexOf('=') + 1))
    else names.push(arg)
  }
  return { names, sizes }
}

/** `1k,10000,50k` → [1000, 10000, 50000]. */
function parseSizes(text: string): number[] {
  const sizes = text
    .split(',')
    .map((s) => Number(s.replace(/k$/i, '')) * (/k$/i.test(s) ? 1000 : 1))
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`bench: --sizes takes numbers like 1k,10k,50000, not "${text}"`)
    process.exit(2)
  }
  return sizes
}

const unknown = names.filter((n) => !sections.some((s) => s.name === n))
if (unknown.length > 0) {
  console.error(
    `bench: unknown benchmark ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}`
  )
  process.exit(2)
}
const chosen = sections.filter((s) => names.length === 0 || names.includes(s.name))

/** The previous results by section title, to keep the sections this run does not measure. */
function previousSections(): Map<string, string[]> {
  const kept = new Map<string, string[]>()
  if (!existsSync(RESULTS)) return kept
  let current: string[] | undefined
  for (const line of readFileSync(RESULTS, 'utf8').split('\n')) {
    if (line.startsWith('## ')) kept.set(line.slice(3), (current = []))
    else current?.push(line)
  }
  return kept
}

const previous = previousSections()
const measured = new Map<string, string[]>()
for (const section of chosen) {
  console.log(`bench: ${section.title}…`)
  measured.set(section.title, await section.lines())
}

const partial = chosen.length < sections.length
const out: string[] = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}${partial ? ` (${chosen.map((s) => s.name).join(', ')} only; the other sections are from an earlier run)` : ''}.`,
  'Ratios compare with a baseline measured in the same run (the machines are noisy).',
  ''
]
for (const { title } of sections) {
  const lines = measured.get(title) ?? previous.get(title)
  if (!lines) continue
  const first = lines.findIndex((line) => line.trim() !== '')
  const last = lines.findLastIndex((line) => line.trim() !== '')
  out.push(`## ${title}`, '', ...lines.slice(first, last + 1), '')
}
writeFileSync(RESULTS, `${out.join('\n')}\n`)
console.log(out.join('\n'))
