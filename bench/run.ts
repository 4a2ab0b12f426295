// `npm run bench`: performance figures as ratios to baselines measured in the same run, written
// to bench/results.md with the machine they were measured on. Not a test: nothing here fails.

import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { runExportBenchmark } from '../src/main/export/bench-export'
import { runAnnotationBenchmark } from './annotations-bench'
import { machine, ms, ratio } from './measure'

const HERE = dirname(fileURLToPath(import.meta.url))

const sections: { title: string; rows: () => Promise<string[]> }[] = [
  { title: 'Annotation store (issue #3)', rows: runAnnotationBenchmark },
  {
    title: 'Markdown export (issue #4)',
    rows: async () => {
      const r = runExportBenchmark({ highlights: 10_000, runs: 7 })
      return [
        `| export ${r.highlights.toLocaleString('en')} highlights with notes to Markdown (median of ${r.runs}) | ${ms(r.exportMs)} | plain join of the same quotes: ${ms(r.joinMs)} | ${ratio(r.exportMs, r.joinMs)} |`
      ]
    }
  }
]

const out: string[] = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
  'Ratios compare with a baseline measured in the same run (the machines are noisy).',
  ''
]
for (const section of sections) {
  console.log(`bench: ${section.title}…`)
  out.push(
    `## ${section.title}`,
    '',
    '| measure | figure | baseline | ratio |',
    '|---|---|---|---|'
  )
  out.push(...(await section.rows()), '')
}
writeFileSync(join(HERE, 'results.md'), `${out.join('\n')}\n`)
console.log(out.join('\n'))
