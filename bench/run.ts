// `npm run bench`: performance figures as ratios to baselines measured in the same run, written
// to bench/results.md with the machine they were measured on. Not a test: nothing here fails.

import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { runAnnotationBenchmark } from './annotations-bench'
import { machine } from './measure'

const HERE = dirname(fileURLToPath(import.meta.url))

const sections: { title: string; rows: () => Promise<string[]> }[] = [
  { title: 'Annotation store (issue #3)', rows: runAnnotationBenchmark }
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
