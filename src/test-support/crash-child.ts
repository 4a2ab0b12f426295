// Child process of the crash test: applies the seeded workload to a store in a loop and prints
// "ack <n>" after each step resolves as saved, until the test kills it with SIGKILL.
// Usage: node crash-child.mjs <userDataDir> <seed> <compactEvery>

import { writeSync } from 'node:fs'

import { openAnnotationStore } from '../main/annotations/store/annotation-store'
import { CRASH_BRIEFING, nextStep, seededRandom } from './crash-steps'
import type { CrashView } from './crash-steps'

/**
 * Writes a line to stdout before returning. process.stdout buffers in this process when the
 * test reads slowly (a loaded machine), and SIGKILL would drop acks of changes already on disk.
 */
function say(line: string): void {
  for (;;) {
    try {
      writeSync(1, line)
      return
    } catch (error) {
      if ((error as { code?: string }).code !== 'EAGAIN') throw error
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
  say('ready\n')
  for (let n = 1; n <= 100_000; n++) {
    const step = nextStep(random, view, seed, n)
    const result =
      step.kind === 'apply'
        ? await store.apply(CRASH_BRIEFING, step.change)
        : await store[step.kind](CRASH_BRIEFING)
    if (!result?.saved) throw new Error(`step ${n} not saved: ${JSON.stringify(result)}`)
    say(`ack ${n}\n`)
    view = await store.load(CRASH_BRIEFING)
  }
  await store.close()
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
