// `npm run bench` (notebook): from the menu command to the first notebook item painted in the
// built renderer, through the e2e harness, for a profile of 10,000 highlights against one of 100.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

import { ms, ratio, summarise } from '../bench/measure'
import { openApp } from './harness'

/** Menu command to first item on screen in the built renderer, 10,000 highlights against 100. */
export async function notebookFirstPaint(
  datasetDir: string,
  big: string,
  small: string,
  n: string
): Promise<string[]> {
  const root = join(import.meta.dirname, '..', 'out', 'renderer', 'index.html')
  if (!existsSync(root))
    return ['| renderer first paint | not measured: run `npm run build:bundles` first | | |']
  const measure = async (userDataDir: string) => {
    const app = await openApp({ datasetDir, userDataDir })
    const samples: number[] = []
    try {
      for (let run = 0; run < 6; run++) {
        const start = performance.now()
        await app.menu('notebook')
        await app.page.locator('[data-testid="notebook-item"]').first().waitFor()
        if (run > 0) samples.push(performance.now() - start)
        await app.page.getByTestId('notebook-back').click()
        await app.page.locator('[data-testid="notebook"]').waitFor({ state: 'detached' })
      }
    } finally {
      await app.close()
    }
    return summarise(samples)!
  }
  const large = await measure(big)
  const baseline = await measure(small)
  return [
    `| renderer: menu command to the first item painted, ${n} highlights (median of ${large.runs}) | ${ms(large.median)} (p95 ${ms(large.p95)}) | the same with 100 highlights: ${ms(baseline.median)} | ${ratio(large.median, baseline.median)} |`
  ]
}
