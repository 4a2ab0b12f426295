// Child process of the one-writer tests. It waits until a start time shared with its rivals, then:
//   lock:  takes the profile lock, prints "held" or "other", and keeps it until stdin closes;
//   write: opens the store, prints "readonly" or one "ack <id>" per saved highlight, and exits.
// Usage: node writer-child.mjs <lock|write> <userDataDir> <name> <startAtMs> [changes]

import { openAnnotationStore } from '../main/annotations/store/annotation-store'
import { ProfileLock } from '../main/fs/profile-lock'
import { CRASH_BRIEFING } from './crash-steps'
import type { Highlight } from '../shared/annotations'

function waitUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())))
}

function highlightOf(id: string): Highlight {
  const at = new Date(Date.UTC(2026, 0, 1)).toISOString()
  return {
    id,
    target: {
      briefingId: CRASH_BRIEFING,
      sectionId: 's1',
      quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 5 }
    },
    color: 'yellow',
    tags: [],
    note: '',
    createdAt: at,
    updatedAt: at
  }
}

async function main(): Promise<void> {
  const [mode, userData, name, startAt, changes] = process.argv.slice(2)
  await waitUntil(Number(startAt))
  if (mode === 'lock') {
    const attempt = await new ProfileLock(userData!, name!).acquire()
    process.stdout.write(`${attempt.kind}\n`)
    process.stdin.resume()
    await new Promise((resolve) => process.stdin.on('end', resolve))
    return
  }
  const store = await openAnnotationStore(userData!, { compactEvery: 7 })
  if (store.readOnly) {
    process.stdout.write(`readonly ${store.readOnly}\n`)
    return
  }
  for (let n = 1; n <= Number(changes); n++) {
    const id = `h-${name}-${n}`
    const result = await store.apply(CRASH_BRIEFING, {
      op: 'highlight.put',
      highlight: highlightOf(id)
    })
    if (result.saved) process.stdout.write(`ack ${id}\n`)
  }
  await store.close()
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
