// Main's start before it can do anything: loading the built main bundle (out/main/index.js, run
// `npm run build:bundles` first) in a fresh Node process, with a stand-in for `electron` that
// ends the start at the single-instance lock. Baseline, same run: the same bundle followed by
// what main loaded at start before the import's parsers, NLP, engine and export were deferred.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as module from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { ms, ratio, summarise } from './measure'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../out/main')

// Every Electron API main touches while its module is evaluated: the lock is refused, so main
// quits before it opens a profile or a window; anything else answers with a no-op.
const STUB = `
const noop = new Proxy(function () {}, {
  get: (_t, name) => (name === 'then' ? undefined : noop),
  apply: () => noop
})
export const app = new Proxy({}, {
  get: (_t, name) =>
    name === 'isPackaged' ? false
    : name === 'requestSingleInstanceLock' ? () => false
    : name === 'commandLine' ? { getSwitchValue: () => '' }
    : name === 'then' ? undefined
    : noop
})
export const BrowserWindow = noop, Menu = noop, dialog = noop, ipcMain = noop, nativeTheme = noop,
  protocol = noop, session = noop, shell = noop, utilityProcess = noop, net = noop, webContents = noop
export default { app, BrowserWindow, Menu, dialog, ipcMain, nativeTheme, protocol, session, shell,
  utilityProcess, net, webContents }
`

const HOOKS = (stub: string) => `
import { registerHooks } from 'node:module'
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: ${JSON.stringify(stub)}, shortCircuit: true } : next(specifier, context)
})
`

// What the old main also loaded: compromise as an ES module, and the code now in lazy chunks.
const CHILD = (main: string, before: string[]) => `
const started = performance.now()
await import(${JSON.stringify(main)})
${before.map((url) => `await import(${JSON.stringify(url)})`).join('\n')}
console.log(JSON.stringify({ ms: performance.now() - started, heap: process.memoryUsage().heapUsed }))
`

export function runMainStartBenchmark(runs = 9): string[] {
  const main = join(OUT, 'index.js')
  if (!existsSync(main)) throw new Error('out/main/index.js missing: run npm run build:bundles')
  // The chunks main imports where first used: all of them, or the baseline would load less.
  const deferred = [...readFileSync(main, 'utf8').matchAll(/\bimport\("\.\/([\w.-]+\.js)"\)/g)]
  const lazy = [...new Set(deferred.map((m) => m[1]!))].map(
    (name) => pathToFileURL(join(OUT, name)).href
  )
  if (lazy.length < 3) {
    throw new Error(
      `main's bundle imports ${lazy.length} chunks where first used; expected 3 or more`
    )
  }
  if (!('registerHooks' in module)) {
    throw new Error(
      `the start benchmark needs Node 22.15 or later (module.registerHooks); this is ${process.version}`
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'))
  try {
    const stub = join(dir, 'electron.mjs')
    writeFileSync(stub, STUB)
    writeFileSync(join(dir, 'hooks.mjs'), HOOKS(pathToFileURL(stub).href))
    const mainUrl = pathToFileURL(main).href
    // compromise resolved from the repository, as main's own import of it was.
    const compromise = import.meta.resolve('compromise')
    writeFileSync(join(dir, 'now.mjs'), CHILD(mainUrl, []))
    writeFileSync(join(dir, 'before.mjs'), CHILD(mainUrl, [compromise, ...lazy]))
    const once = (script: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', join(dir, 'hooks.mjs'), join(dir, script)], {
          encoding: 'utf8'
        })
      ) as { ms: number; heap: number }
    const now: { ms: number; heap: number }[] = []
    const before: { ms: number; heap: number }[] = []
    // Alternated, so load on the machine falls on both alike.
    for (let i = 0; i < runs; i++) {
      now.push(once('now.mjs'))
      before.push(once('before.mjs'))
    }
    const t = summarise(now.map((r) => r.ms))!
    const b = summarise(before.map((r) => r.ms))!
    const heap = (rs: { heap: number }[]) =>
      rs.map((r) => r.heap).sort((x, y) => x - y)[rs.length >> 1]!
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
    return [
      `| main bundle loaded, until it can start (median of ${runs} fresh processes) | ${ms(t.median)} | with the deferred code loaded as before (compromise's ES modules and ${lazy.length} chunks: the import jobs, the in-thread engine, the Markdown export): ${ms(b.median)} | ${ratio(t.median, b.median)} |`,
      `| main's heap then (median) | ${mb(heap(now))} | as before: ${mb(heap(before))} | ${ratio(heap(now), heap(before))} |`
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
