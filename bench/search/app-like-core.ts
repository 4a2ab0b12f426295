// The app's core as the bench's app-like mains start it: with what src/main/index.ts passes (the
// index in a process of its own, the collection that ends main's load and the memory reducer kept
// quiet during the first build), on the bench's folders.

import { type AppCore, startCore } from '../../src/main/app-core'
import type { BackgroundPort } from '../../src/main/background/rpc'
import { mainHeapAtStart } from '../../src/main/search/heap-settle'

export function startAppLikeCore(
  folders: { datasetDir: string; userDataDir: string },
  spawnIndex: () => BackgroundPort
): AppCore {
  const { datasetDir, userDataDir } = folders
  // As the app's main does as it starts (each app-like main starts its core at once).
  const heap = mainHeapAtStart()
  const core = startCore({
    datasetDir,
    userDataDir,
    appVersion: 'bench',
    afterLoad: heap.afterLoad,
    spawnIndex
  })
  core.ready.catch(heap.restore)
  return core
}
