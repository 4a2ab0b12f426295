// One import's files on their way into the profile (issue #13): ids claimed exclusively, so a
// second process importing at the same time takes the next id; files staged under the paths they
// will have; all committed in one step by the commit record (library/staged-imports.ts).

import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'

import { describeError } from '../errors'
import { writeFileAtomically } from '../fs/atomic-write'
import { nodeStoreFs } from '../fs/node-fs'
import {
  COMMIT_RECORD,
  LIBRARY_DIR,
  STAGING_DIR,
  commitRecord,
  completeCommit,
  releaseClaim,
  rollBack,
  stagingName,
  writeClaim
} from '../library/staged-imports'
import { log } from '../log/log'
import { PROPOSALS_DIR } from './proposal-files'

export class ImportStaging {
  readonly #userDataDir: string
  readonly #name: string
  /** The staging folder: the profile's layout in miniature. */
  readonly folder: string
  readonly #claims: string[] = []
  readonly #files = new Set<string>()
  readonly #removes = new Set<string>()

  private constructor(userDataDir: string, name: string) {
    this.#userDataDir = userDataDir
    this.#name = name
    this.folder = join(userDataDir, STAGING_DIR, name)
  }

  /** A new staging folder; made before any claim names it. */
  static async open(userDataDir: string): Promise<ImportStaging> {
    const staging = new ImportStaging(userDataDir, stagingName())
    await mkdir(staging.folder, { recursive: true })
    return staging
  }

  /** How many ids are claimed: a mark to release back to when a file fails. */
  get claimCount(): number {
    return this.#claims.length
  }

  /** Claims `id` for this import; false when another import (here or elsewhere) has it. */
  async claim(id: string): Promise<boolean> {
    if (!(await writeClaim(this.#userDataDir, id, this.#name))) return false
    // Claimed after another import had moved its file in and released the claim: not free.
    if (await nodeStoreFs.exists(join(this.#userDataDir, LIBRARY_DIR, `${id}.json`))) {
      await releaseClaim(this.#userDataDir, id)
      return false
    }
    this.#claims.push(id)
    return true
  }

  /** Releases the claims made after `mark` (a file that failed keeps none). */
  async releaseSince(mark: number): Promise<void> {
    for (const id of this.#claims.splice(mark)) await releaseClaim(this.#userDataDir, id)
  }

  /** Where a claimed briefing's library file is staged (written by the caller, atomically). */
  briefingPath(id: string): string {
    return join(this.folder, LIBRARY_DIR, `${id}.json`)
  }

  /**
   * Takes the files staged for one imported file into the commit: each briefing's library file
   * and its proposal file (written into the folder by withProposalFiles, or, when it proposes
   * nothing, any stale file of that id removed). `proposals` is undefined for a dataset file.
   */
  keep(briefings: { id: string; proposals?: number }[]): void {
    for (const { id, proposals } of briefings) {
      this.#files.add(join(LIBRARY_DIR, `${id}.json`))
      if (proposals === undefined) continue
      const rel = join(PROPOSALS_DIR, `${id}.json`)
      if (proposals > 0) this.#files.add(rel)
      else this.#removes.add(rel)
    }
  }

  /**
   * The commit: the record is written atomically (from then on the import is whole, and a crash
   * is completed at the next start), then the files are moved in. Throws when the record cannot
   * be written; the import is then rolled back.
   */
  async commit(): Promise<void> {
    const record = commitRecord([...this.#files], [...this.#removes], [...this.#claims])
    try {
      await writeFileAtomically(
        nodeStoreFs,
        join(this.folder, COMMIT_RECORD),
        JSON.stringify(record, null, 2)
      )
    } catch (error) {
      await this.abandon()
      throw error
    }
    // Committed: a move that fails now is completed by the next load of the library.
    await completeCommit(this.#userDataDir, this.#name, record).catch((error: unknown) =>
      log.warn(`import: committed, moving its files in failed (${describeError(error)})`)
    )
  }

  /** Releases every claim and deletes the folder: nothing of this import reaches the profile. */
  abandon(): Promise<void> {
    this.#claims.length = 0
    return rollBack(this.#userDataDir, this.#name)
  }
}
