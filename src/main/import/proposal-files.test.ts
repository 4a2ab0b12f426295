// Proposal files are kept exactly when the import they belong to is: written before the library
// files, removed again when those fail; a failed proposal write stops the import.

import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { FaultyFs } from '../../test-support/annotation-store'
import type { ProposalFile } from './proposal-files'
import { proposalPath, readProposalFile, withProposalFiles } from './proposal-files'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const file = (briefingId: string): ProposalFile => ({
  format: 'briefing-reader/entity-proposals',
  version: 1,
  briefingId,
  analysedChars: 10,
  totalChars: 10,
  proposals: [{ name: 'Osaka', kind: 'place', count: 1, examples: ['in Osaka.'] }]
})

describe('withProposalFiles', () => {
  it('keeps the proposals when the library write succeeds, and removes them when it fails', async () => {
    const dir = temp('proposals-')
    expect(await withProposalFiles(dir, [file('a')], 'a.txt', async () => undefined)).toBe(
      undefined
    )
    expect(await readProposalFile(dir, 'a')).toEqual(file('a'))
    const failed = await withProposalFiles(dir, [file('b')], 'b.txt', async () => 'disk full')
    expect(failed).toBe('disk full')
    expect(existsSync(proposalPath(dir, 'b'))).toBe(false)
    expect(await readProposalFile(dir, 'b')).toBeUndefined()
  })

  it('does not write the library when the proposals cannot be saved', async () => {
    const dir = temp('proposals-')
    const fs = new FaultyFs()
    fs.failWith('ENOSPC', ['write'])
    let wrote = false
    const failed = await withProposalFiles(
      dir,
      [file('c')],
      'c.txt',
      async () => {
        wrote = true
        return undefined
      },
      fs
    )
    expect(failed).toMatch(/^"c.txt" could not be saved in the library: ENOSPC/)
    expect(wrote).toBe(false)
    expect(existsSync(proposalPath(dir, 'c'))).toBe(false)
  })
})
