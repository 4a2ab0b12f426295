// A fresh user-data folder for each test of the annotation store, and the stores a test opens on
// it, all closed and the folder removed after the test (call useStoreFolder at a file's top).

import { afterEach, beforeEach } from 'vitest'

import { openAnnotationStore } from '../main/annotations/store/annotation-store'
import type { AnnotationStore, StoreOptions } from '../main/annotations/store/types'
import { tempUserData } from './annotation-store'

export interface StoreFolder {
  /** This test's user-data folder. */
  dir(): string
  /** A store on the folder (`defaults` overridden by `options`), closed after the test. */
  openStore(options?: StoreOptions): Promise<AnnotationStore>
  /** The store opened last (and still open). */
  lastOpened(): AnnotationStore
}

export function useStoreFolder(defaults: StoreOptions = {}): StoreFolder {
  let dir = ''
  let cleanup = async (): Promise<void> => undefined
  const open: AnnotationStore[] = []
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempUserData())
  })
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()))
    await cleanup()
  })
  return {
    dir: () => dir,
    lastOpened: () => open.at(-1)!,
    async openStore(options) {
      const store = await openAnnotationStore(dir, { ...defaults, ...options })
      open.push(store)
      return store
    }
  }
}
