// Child process of the import crash and race tests: imports files into a profile with the real
// import service. `crash <k>`: SIGKILLs itself just before the k-th filesystem call of the import
// (0: never); `race`: prints "ready" and imports on a line on stdin. Prints the report and "ops <n>".
// Usage: node import-child.mjs <crash|race> <k> <userDataDir> <datasetDir> <file>...

import fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import { basename } from 'node:path'

import { importBriefings } from '../main/import/import-service'
import type { ImportServices } from '../main/import/import-services'
import { ImportState } from '../main/import/import-state'
import { startImportWorker } from '../main/import/import-worker'
import type { Library } from '../main/library/library'
import { loadLibrary } from '../main/library/library-loader'

let counting = false
let ops = 0

/** Wraps every fs.promises call and FileHandle write/sync so the k-th one kills the process. */
async function killAt(k: number): Promise<void> {
  const step = () => {
    if (!counting) return
    ops++
    if (ops === k) process.kill(process.pid, 'SIGKILL')
  }
  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const name of ['open', 'rename', 'unlink', 'link', 'mkdir', 'rm', 'writeFile', 'readdir']) {
    const original = promises[name]!
    promises[name] = (...args: unknown[]) => {
      step()
      return original(...args)
    }
  }
  const handle = await fs.promises.open(process.execPath, 'r')
  const proto = Object.getPrototypeOf(handle) as Record<string, (...args: unknown[]) => unknown>
  await handle.close()
  for (const name of ['writeFile', 'sync', 'close']) {
    const original = proto[name]!
    proto[name] = function (this: unknown, ...args: unknown[]) {
      step()
      return original.apply(this, args)
    }
  }
  syncBuiltinESMExports()
}

async function services(userData: string, datasetDir: string): Promise<ImportServices> {
  const loaded = await loadLibrary(datasetDir, userData)
  let library: Library = loaded.library
  let imported: ReadonlySet<string> = loaded.imported
  return {
    get library() {
      return library
    },
    get imported() {
      return imported
    },
    async replaceLibrary(next, nextImported) {
      library = next
      imported = nextImported
    },
    importWorker: startImportWorker(),
    importState: new ImportState(),
    // Plain imports never touch annotations (only version changes re-anchor them).
    annotations: undefined as never
  }
}

function line(): Promise<void> {
  return new Promise((resolve) => process.stdin.once('data', () => resolve()))
}

async function main(): Promise<void> {
  const [mode, k, profile, dataset, ...files] = process.argv.slice(2)
  if (mode === 'crash') await killAt(Number(k))
  const core = await services(profile!, dataset!)
  const toImport = await Promise.all(
    files.map(async (path) => ({ name: basename(path), bytes: await readFile(path) }))
  )
  if (mode === 'race') {
    process.stdout.write('ready\n')
    await line()
  }
  counting = true
  const report = await importBriefings(core, profile!, toImport)
  counting = false
  process.stdout.write(`${JSON.stringify(report)}\nops ${ops}\n`)
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
