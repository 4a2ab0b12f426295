// The shards in memory, by key, with a version that changes whenever one is loaded or dropped:
// every query lists them and reports the index status, and both are worked out again only when
// the version changed (listing them per query showed in profiles of selective queries).

export class LoadedShards<T> extends Map<string, T> {
  /** Changes with every set, delete and clear. */
  version = 0
  #listed: { version: number; shards: readonly T[] } | undefined

  override set(key: string, value: T): this {
    this.version += 1
    return super.set(key, value)
  }

  override delete(key: string): boolean {
    this.version += 1
    return super.delete(key)
  }

  override clear(): void {
    this.version += 1
    super.clear()
  }

  /** The shards in the order loaded (as values() lists them); the same array until one changes. */
  list(): readonly T[] {
    if (this.#listed?.version !== this.version) {
      this.#listed = { version: this.version, shards: [...this.values()] }
    }
    return this.#listed.shards
  }
}
