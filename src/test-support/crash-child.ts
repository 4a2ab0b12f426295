// Child process of the crash test: applies the seeded workload to a store in a loop and prints
// "ack <n>" after each step resolves as saved, until the test kills it with SIGKILL.
// Usage: node crash-child.mjs <userDataDir> <seed> <compactEvery>

import { writeSync } from 'node:fs'

import { openAnnotationStore } from '../main/annotations/store/annotation-store'
import { CRASH_BRIEFING, nextStep, seededRandom } from './crash-steps'
import type { CrashView } from './crash-steps'

/**
 * Writes a line to the test through fd 1 synchronously: once this returns the line is in the pipe
 * and survives the SIGKILL. (process.stdout may queue writes in the process when the pipe is
 * full — on a loaded machine — and a kill loses them: the test then saw fewer acks than steps.)
 */
function tell(line: string): void {
  const bytes = Buffer.from(`${line}\n`)
  let at = 0
  while (at < bytes.length) {
    try {
      at += writeSync(1, bytes, at)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
    }
  }
}

async function main(): Promise<void> {
  const [userData, seedText, compactEveryText] = process.argv.slice(2)
  const seed = Number(seedText)
  const store = await openAnnotationStore(userData!, { compactEvery: Number(compactEveryText) })
  if (store.readOnly) throw new Error(store.readOnly)
  let view: CrashView = await store.load(CRASH_BRIEFING)
  const random = seededRandom(seed)
  tell('ready')
  for (let n = 1; n <= 100_000; n++) {
    const step = nextStep(random, view, seed, n)
    const result =
      step.kind === 'apply'
        ? await store.apply(CRASH_BRIEFING, step.change)
        : await store[step.kind](CRASH_BRIEFING)
    if (!result?.saved) throw new Error(`step ${n} not saved: ${JSON.stringify(result)}`)
    tell(`ack ${n}`)
    view = await store.load(CRASH_BRIEFING)
  }
  await store.close()
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
