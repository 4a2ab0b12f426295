// Parsing imported files and proposing entities off main's thread: a 20 MB HTML page takes
// seconds in parse5, and the NLP of entity proposals seconds more. In the app and the CLI they
// run in a background process started on the first import; tests run them in this thread.

import type { Entity } from '../../shared/dataset'
import { createRpcClient } from '../background/rpc-client'
import type { RpcClient } from '../background/rpc-client'
import type { BackgroundPort, ImportMethods, ImportRequest } from '../background/rpc'
import { proposeEntities } from './entity-tagging'
import type { ProposedEntity } from './entity-tagging'
import { importFile } from './parse/import-file'
import type { ImportedFile } from './parse/import-file'
import type { ImportFailure } from './parse/types'

export interface ImportWorker extends ImportMethods {
  close(): Promise<void>
}

/** With `spawn`, a background process started on first use; without, this thread. */
export function startImportWorker(spawn?: () => BackgroundPort): ImportWorker {
  if (!spawn) {
    return {
      parseImport: async ({ name, bytes, options }) => importFile(name, bytes, options),
      proposeEntities: async ({ text, known }) => proposeEntities(text, known),
      close: async () => undefined
    }
  }
  let rpc: RpcClient | undefined
  function call<T>(method: keyof ImportMethods, params: unknown): Promise<T> {
    // A process that stopped (crashed on a hostile file, say) is started afresh for the next call.
    if (!rpc || rpc.stopped) rpc = createRpcClient(spawn!(), 'The import process')
    return rpc.call<T>(method, params)
  }
  return {
    parseImport: (request: ImportRequest) =>
      call<ImportedFile | ImportFailure>('parseImport', request),
    proposeEntities: (request: { text: string; known: Entity[] }) =>
      call<ProposedEntity[]>('proposeEntities', request),
    close: async () => {
      await rpc?.close()
    }
  }
}
