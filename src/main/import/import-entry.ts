// Entry of the import process: parses imported files and proposes entities for the parent, off
// its thread (parse5 on a large page and compromise's NLP take seconds). No Electron module.

import { proposeEntities } from './entity-tagging'
import { importFile } from './parse/import-file'
import { serve } from '../background/serve'

serve({
  parseImport: async ({ name, bytes, options }) => importFile(name, bytes, options),
  proposeEntities: async ({ text, known }) => proposeEntities(text, known)
})
