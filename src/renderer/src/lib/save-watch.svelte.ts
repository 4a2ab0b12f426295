// Whether every acknowledged annotation change is on disk, as main last said: an unsaved state
// is polled until main has written it (main retries the writes), then "Saved" shows briefly.

import type { SaveStatus } from '../../../shared/annotation-requests'
import { api } from './api'
import { messageOf } from './errors'

export const SAVE_POLL_MS = 3000
export const SAVED_NOTICE_MS = 2500

export class SaveWatch {
  /** Last known save status; `saved: false` shows the persistent banner. */
  save = $state.raw<SaveStatus>({ saved: true, pending: 0 })
  /** Briefly true after unsaved changes have been written. */
  savedNotice = $state(false)

  #pollTimer: ReturnType<typeof setTimeout> | undefined
  #noticeTimer: ReturnType<typeof setTimeout> | undefined

  /** Takes the save status an answer carried. */
  watch(save: SaveStatus): void {
    const wasUnsaved = !this.save.saved
    this.save = save
    if (!save.saved) {
      this.savedNotice = false
      this.#schedulePoll()
    } else if (wasUnsaved) {
      this.savedNotice = true
      clearTimeout(this.#noticeTimer)
      this.#noticeTimer = setTimeout(() => (this.savedNotice = false), SAVED_NOTICE_MS)
    }
  }

  #schedulePoll(): void {
    if (this.#pollTimer !== undefined) return
    this.#pollTimer = setTimeout(async () => {
      this.#pollTimer = undefined
      try {
        this.watch(await api.saveStatus())
      } catch (error) {
        this.save = { ...this.save, error: messageOf(error) }
        this.#schedulePoll()
      }
    }, SAVE_POLL_MS)
  }
}
