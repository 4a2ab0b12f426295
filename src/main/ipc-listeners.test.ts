// Every ipcMain listener the Electron entry registers is a router channel, or is listed here with
// why it exists. Runs src/main/index.ts against a recording stand-in for Electron (no binary here).

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { afterAll, describe, expect, it, vi } from 'vitest'

import { CHANNELS } from '../shared/ipc-contract'

/**
 * Listeners that are not router channels. electron-store (preferences) registers one when its
 * store is created in main: a renderer calling `new Store()` asks it, synchronously, for the
 * profile folder and the app version. Our renderer never does (it has no Node and no ipcRenderer;
 * the preload exposes only the router's channels), and the answer holds no preference or note.
 */
const JUSTIFIED = { 'electron-store-get-data': 'on' }

const registered: { method: string; channel: string }[] = []
const profile = mkdtempSync(join(tmpdir(), 'ipc-listeners-'))
afterAll(() => rmSync(profile, { recursive: true, force: true }))

/** An object whose every property is a function returning another such object (Electron's shape). */
function anything(): unknown {
  const target = function () {}
  return new Proxy(target, {
    get: (_, key) => (key === 'then' ? undefined : anything()),
    apply: () => anything(),
    construct: () => anything() as object
  })
}

function recording(method: string) {
  return (channel: string) => {
    registered.push({ method, channel })
  }
}

vi.mock('electron', () => {
  const ipcMain = {
    on: recording('on'),
    once: recording('once'),
    addListener: recording('addListener'),
    handle: recording('handle'),
    handleOnce: recording('handleOnce')
  }
  const app = new Proxy(
    {
      isPackaged: false,
      commandLine: { getSwitchValue: () => '', hasSwitch: () => false },
      requestSingleInstanceLock: () => true,
      getPath: () => profile,
      getAppPath: () => resolve(__dirname, '../..'),
      getName: () => 'Briefing Reader',
      getVersion: () => '0.0.0',
      whenReady: () => Promise.resolve()
    } as Record<string | symbol, unknown>,
    { get: (t, key) => (key in t ? t[key] : anything()) }
  )
  const electron = new Proxy({ app, ipcMain } as Record<string | symbol, unknown>, {
    get: (t, key) => (key in t ? t[key] : key === 'then' ? undefined : anything())
  })
  return {
    ...Object.fromEntries(
      [
        'BrowserWindow',
        'Menu',
        'dialog',
        'nativeTheme',
        'protocol',
        'session',
        'shell',
        'utilityProcess',
        'webContents'
      ].map((k) => [k, anything()])
    ),
    app,
    ipcMain,
    default: electron
  }
})
// The utility processes are not started (their entries are separate bundles, `?modulePath`).
vi.mock('./electron-process', () => ({ forkElectronProcess: () => anything() }))

describe('ipcMain listeners of the Electron entry', () => {
  it('are the router’s channels, each once, and the justified few', async () => {
    await import('./index')
    await vi.waitFor(() =>
      expect(registered.filter((r) => r.method === 'handle').length).toBeGreaterThan(0)
    )
    const handled = registered.filter((r) => r.method === 'handle').map((r) => r.channel)
    expect(handled.sort()).toEqual([...CHANNELS].sort())
    const others = registered.filter((r) => r.method !== 'handle')
    expect(Object.fromEntries(others.map((r) => [r.channel, r.method]))).toEqual(JUSTIFIED)
    expect(others).toHaveLength(Object.keys(JUSTIFIED).length)
  })
})
