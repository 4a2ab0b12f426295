// Static check of the built preload: sandboxed preloads must be one CommonJS file that requires
// nothing but `electron` (no ES module syntax, no relative chunks, no Node built-ins).

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

const PRELOAD_DIR = resolve(__dirname, '../../out/preload')

describe('built preload bundle', () => {
  it('is a single CommonJS file requiring only electron', () => {
    expect(existsSync(PRELOAD_DIR), 'out/preload missing: run npm run build:bundles').toBe(true)
    const files = readdirSync(PRELOAD_DIR).filter((f) => !f.endsWith('.map'))
    expect(files).toEqual(['index.cjs'])
    const code = readFileSync(join(PRELOAD_DIR, 'index.cjs'), 'utf8')
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toMatch(/\bimport\(/)
  })

  it('exposes only the named briefing API, never ipcRenderer itself', () => {
    const code = readFileSync(join(PRELOAD_DIR, 'index.cjs'), 'utf8')
    const exposed = [...code.matchAll(/exposeInMainWorld\(\s*["'](\w+)["']/g)].map((m) => m[1])
    expect(exposed).toEqual(['briefing'])
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })
})
