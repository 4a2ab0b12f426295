// Entity records shared as a library's files are parsed: every file lists the entities it cites,
// and equal records read from many files become one object.

import type { Entity } from '../../shared/dataset'
import { sameEntity } from './load-dataset'

/**
 * Replaces each record of a file's list by an equal one (field for field) read before. Every file
 * lists the entities it cites: at 50,000 tagged sections the files listed 294,031 records. Shared
 * as each file is parsed, the copies die young; kept until the load ended, they filled main's old
 * generation with holes that V8's memory-reducing collection compacted during a first build.
 */
export class SharedRecords {
  readonly #first: Map<string, Entity>
  /** The other forms of an id whose records differ (aliases an entity review added): rare. */
  readonly #others = new Map<string, Entity[]>()

  constructor(bundled: ReadonlyMap<string, Entity>) {
    this.#first = new Map(bundled)
  }

  share(listed: Entity[]): void {
    for (let i = 0; i < listed.length; i++) {
      const record = listed[i]!
      const first = this.#first.get(record.id)
      if (first === undefined) this.#first.set(record.id, record)
      else if (sameEntity(first, record)) listed[i] = first
      else listed[i] = this.#other(record)
    }
  }

  #other(record: Entity): Entity {
    const others = this.#others.get(record.id)
    const equal = others?.find((other) => sameEntity(other, record))
    if (equal) return equal
    if (others) others.push(record)
    else this.#others.set(record.id, [record])
    return record
  }
}
