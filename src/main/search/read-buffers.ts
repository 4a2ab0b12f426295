// Buffers cache files are read into, reused from one shard to the next. A fresh buffer per file
// (fs.readFile) left the index process's RSS 370 MB above its heap at 200k sections: freeing
// each ~9 MB buffer raised glibc's mmap threshold, so the next ones came from the heap arena and
// their holes between the postings kept there were never given back.

import { open } from 'node:fs/promises'

/** Free buffers kept: a warm start reads one file while it decodes the one before. */
const KEEP = 2
/** Headroom when a buffer is made, so a slightly larger next file does not need another. */
const GROWTH = 1.25

export class ReadBuffers {
  readonly #free: Buffer[] = []
  readonly #ours = new WeakSet<ArrayBufferLike>()

  /**
   * The file's bytes, in a buffer of this pool; undefined when it cannot be read. Hand them back
   * with release() once nothing refers to them (they are overwritten by a later read).
   */
  async read(file: string): Promise<Buffer | undefined> {
    const handle = await open(file, 'r').catch(() => undefined)
    if (!handle) return undefined
    try {
      const { size } = await handle.stat()
      const buffer = this.#take(size)
      let length = 0
      while (length < size) {
        const { bytesRead } = await handle.read(buffer, length, size - length, length)
        if (bytesRead === 0) break
        length += bytesRead
      }
      return buffer.subarray(0, length)
    } catch {
      return undefined
    } finally {
      await handle.close().catch(() => undefined)
    }
  }

  /** Gives back bytes read by read(): later reads may reuse (overwrite) them. */
  release(bytes: Buffer): void {
    if (!this.#ours.has(bytes.buffer) || this.#free.length >= KEEP) return
    const whole = Buffer.from(bytes.buffer)
    if (!this.#free.some((free) => free.buffer === whole.buffer)) this.#free.push(whole)
  }

  #take(size: number): Buffer {
    // The smallest free buffer that fits; a new, roomier one if none does (the others stay).
    const fits = this.#free
      .filter((free) => free.length >= size)
      .sort((a, b) => a.length - b.length)[0]
    if (fits) {
      this.#free.splice(this.#free.indexOf(fits), 1)
      return fits
    }
    if (this.#free.length >= KEEP) this.#free.shift()
    const made = Buffer.allocUnsafeSlow(Math.ceil(size * GROWTH))
    this.#ours.add(made.buffer)
    return made
  }
}
