// Reads the files main's own open dialog (or the CLI's arguments) named, refusing one over the
// size limit before reading it, so a huge file is never loaded only to be refused.

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'

import { IMPORT_MAX_BYTES } from '../../shared/import-requests'
import type { ImportReport } from '../../shared/import-requests'
import type { FileToImport } from './import-candidates'

/** The chosen files read into memory, and a failure for each that is too large or unreadable. */
export async function readChosenFiles(
  paths: string[]
): Promise<{ files: FileToImport[]; failed: ImportReport['failed'] }> {
  const files: FileToImport[] = []
  const failed: ImportReport['failed'] = []
  for (const path of paths) {
    const name = basename(path)
    try {
      const { size } = await stat(path)
      if (size > IMPORT_MAX_BYTES) {
        const mb = (size / 2 ** 20).toFixed(1)
        failed.push({
          file: name,
          message: `"${name}" is ${mb} MB; files up to 20 MB can be imported.`
        })
        continue
      }
      files.push({ name, bytes: await readFile(path) })
    } catch (error) {
      failed.push({
        file: name,
        message: `"${name}" could not be read: ${(error as Error).message}`
      })
    }
  }
  return { files, failed }
}
