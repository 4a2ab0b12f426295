// The work the import process does for main, off its thread: parsing an imported file (parse5
// on a large page takes seconds, pdf.js on a long PDF more) and proposing entities (compromise's NLP, seconds more). Served
// by the import process; tests use this object in their thread.

import type { Entity } from '../../shared/dataset'
import { proposeEntities } from './entity-tagging'
import { importDocument } from './parse/import-document'
import type { ImportOptions } from './parse/import-file'

export interface ImportRequest {
  name: string
  bytes: Uint8Array
  options: ImportOptions
}

export const importJobs = {
  parseImport: ({ name, bytes, options }: ImportRequest) => importDocument(name, bytes, options),
  proposeEntities: async ({ text, known }: { text: string; known: Entity[] }) =>
    proposeEntities(text, known)
}

export type ImportJobs = typeof importJobs
