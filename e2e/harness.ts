// e2e harness: the built renderer (out/renderer) in Debian Chromium, served over 127.0.0.1, with
// `window.briefing` from the preload's factory calling the real main-process IPC router. Only
// Electron's transport and window shell are swapped. Resolves once the app signals ready.

import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium } from '@playwright/test'
import Conf from 'conf'
import type { Browser, Page } from '@playwright/test'
import { buildSync } from 'esbuild'

import type { StoreFs } from '../src/main/fs/types'
import { startCore } from '../src/main/app-core'
import { forkNodeProcess } from '../src/main/background/node-process'
import type { BackgroundPort } from '../src/main/background/rpc'
import { UTILITY_PROCESS_ARGV } from '../src/test-support/utility-process'
import { createMainRouter } from '../src/main/app-router'
import type { ShellPorts } from '../src/main/app-router'
import type { MenuCommand } from '../src/shared/api-methods'
import { preferencesPort } from '../src/main/preferences/preferences-port'
import { OpenedFiles } from '../src/main/shell/opened-files'
import { createPreferences } from '../src/main/preferences/preferences'
import { createTrustedSenderCheck } from '../src/main/security/policy'
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium'
import { serveFolder } from './static-server'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
export const BUNDLED_DATASET_DIR = join(ROOT, 'resources', 'dataset')
const RENDERER_DIR = join(ROOT, 'out', 'renderer')

export interface OpenAppOptions {
  /** Folder of dataset JSON files; defaults to the bundled dataset. */
  datasetDir?: string
  /** Profile folder; defaults to a fresh temporary folder removed on close. */
  userDataDir?: string
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
  /**
   * How main's file dialogs answer (they stand in for Electron's): a path, or nothing for
   * "Cancel". `confirmOverwrite` answers the replace-existing-files question (default: Cancel).
   */
  dialogs?: {
    savePath?: string
    folderPath?: string
    /** The annotation file to import. */
    openPath?: string
    /** The briefing files to import (File → Import Briefings…). */
    openPaths?: string[]
    confirmOverwrite?: boolean
  }
  /** Files the system opened with the app when it started (a command line, a double-click). */
  openedFiles?: string[]
  /**
   * Wait for this app state (default 'ready'); 'error' for tests of a failed start; 'loading'
   * for the window while main still loads the library (hold it with `annotationFs`).
   */
  expectState?: 'ready' | 'error' | 'loading'
  /**
   * Filesystem calls of the annotation store (default node:fs), for tests of a failing disk,
   * e.g. FaultyFs from src/main/annotations/test-support.ts. Preferences are not affected.
   */
  annotationFs?: StoreFs
  /** Wraps the index process's channel (a start that holds back what main tells it). */
  indexPort?: (port: BackgroundPort) => BackgroundPort
  /**
   * Awaited before main answers each request (channel, request): holds some answers back, to see
   * the app while they are on their way (a big briefing opening from its first part).
   */
  holdRequest?: (channel: unknown, request: unknown) => Promise<void> | undefined
}

export interface OpenedApp {
  page: Page
  /** Every request the page tried to make outside the app's own origin (all were aborted). */
  externalRequests: string[]
  /** CSP violations reported in the page. */
  cspViolations: string[]
  /** Browser dialogs (alert/confirm/prompt) that opened; all were dismissed. */
  dialogs: string[]
  /** Links main was asked to open externally (confirmation is answered "Cancel"). */
  openedLinks: string[]
  /** Main's file dialogs as they were asked: "save <suggested name>", "folder", "overwrite …", "open". */
  dialogCalls: string[]
  /** Stands in for choosing a command in the application menu. */
  menu(command: MenuCommand): Promise<void>
  /** Stands in for the system opening files with the running app (a second start, Finder). */
  openFiles(paths: string[]): Promise<void>
  close(): Promise<void>
}

function emit(page: Page, command: MenuCommand): Promise<void> {
  return page.evaluate(
    (c) => (window as unknown as { __briefingEmit(p: unknown): void }).__briefingEmit(c),
    command
  )
}

let bridgeScript: string | undefined
function pageBridgeScript(): string {
  bridgeScript ??= buildSync({
    entryPoints: [join(HERE, 'bridge', 'page-bridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120'
  }).outputFiles[0]!.text
  return bridgeScript
}

export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build:bundles` before the e2e tests')
  }
  const ownProfile = options.userDataDir === undefined
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'briefing-e2e-'))
  const server = await serveFolder(RENDERER_DIR)
  const entryUrl = `${server.origin}/index.html`
  const prefs = createPreferences(Conf, { cwd: userDataDir })
  const core = startCore({
    datasetDir: options.datasetDir ?? BUNDLED_DATASET_DIR,
    userDataDir,
    appVersion: 'e2e',
    // No `afterLoad` collection as the app's main has: this process is the test runner, whose
    // whole heap it would collect at every start.
    notices: prefs.warnings,
    annotationFs: options.annotationFs,
    // The app runs both in Electron utility processes: given their shape, a library that
    // branches on it (pdf.js) behaves here as in the app.
    spawnIndex: () => {
      const port = forkNodeProcess('index', undefined, UTILITY_PROCESS_ARGV)
      return options.indexPort?.(port) ?? port
    },
    spawnImport: () => forkNodeProcess('import', undefined, UTILITY_PROCESS_ARGV)
  })
  const openedFiles = new OpenedFiles()
  openedFiles.add(options.openedFiles ?? [])
  const openedLinks: string[] = []
  const dialogCalls: string[] = []
  const shell: ShellPorts = {
    preferences: preferencesPort(prefs.preferences),
    // Stands in for Electron's confirmation dialog: records the link and answers "Cancel".
    confirmAndOpenExternal: async (url) => {
      openedLinks.push(url.href)
      return false
    },
    exportTarget: {
      chooseFile: async (suggestedName) => {
        dialogCalls.push(`save ${suggestedName}`)
        return options.dialogs?.savePath ?? null
      },
      chooseFolder: async () => {
        dialogCalls.push('folder')
        return options.dialogs?.folderPath ?? null
      },
      confirmOverwrite: async (names) => {
        dialogCalls.push(`overwrite ${names.join(', ')}`)
        return options.dialogs?.confirmOverwrite ?? false
      }
    },
    chooseImportFiles: async (kind) => {
      dialogCalls.push(`open ${kind}`)
      if (kind === 'annotations') return options.dialogs?.openPath ? [options.dialogs.openPath] : []
      return options.dialogs?.openPaths ?? []
    },
    takeOpenedFiles: () => openedFiles.take(),
    filesToOpen: () => openedFiles.size
  }
  const router = createMainRouter(core, shell, {
    isTrustedSender: createTrustedSenderCheck(entryUrl)
  })

  let browser: Browser | undefined
  try {
    browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      headless: true,
      args: CHROMIUM_ARGS
    })
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      colorScheme: options.colorScheme ?? 'light'
    })
    const externalRequests: string[] = []
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${server.origin}/`)) return route.continue()
      externalRequests.push(url)
      return route.abort('blockedbyclient')
    })
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })
    const cspViolations: string[] = []
    await page.exposeBinding('__reportCsp', (_source, text: string) => cspViolations.push(text))
    await page.addInitScript(() => {
      const report = (window as unknown as { __reportCsp(text: string): void }).__reportCsp
      document.addEventListener('securitypolicyviolation', (e) =>
        report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)
      )
    })
    await page.exposeBinding(
      '__briefingIpc',
      async (source, channel: unknown, request: unknown) => {
        await options.holdRequest?.(channel, request)
        return router.dispatch(
          { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
          channel,
          request
        )
      }
    )
    await page.addInitScript({ content: pageBridgeScript() })
    await page.goto(entryUrl)
    const expected = options.expectState ?? 'ready'
    const handle = await page.waitForFunction((early) => {
      const state = document.documentElement.dataset['appState']
      return state === 'ready' || state === 'error' || (early && state === 'loading')
        ? state
        : undefined
    }, expected === 'loading')
    const state = await handle.jsonValue()
    if (state !== expected) {
      const shown = await page.locator('body').innerText()
      throw new Error(`the app reached "${state}" instead of "${expected}":\n${shown}`)
    }
    // Specs search the whole library: wait until the index process has indexed all of it and
    // every annotation (the app answers before that, saying what is still indexing; unit tests
    // cover that state).
    if (state === 'ready') {
      const services = await core.ready
      await Promise.all([services.search.whenComplete(), services.annotationSearch.whenIndexed?.()])
    }
    const opened = browser
    return {
      page,
      externalRequests,
      cspViolations,
      dialogs,
      openedLinks,
      dialogCalls,
      menu: (command) => emit(page, command),
      // As main does: queue the files, then tell the window to take them.
      openFiles: async (paths) => {
        openedFiles.add(paths)
        await emit(page, 'import-opened')
      },
      async close() {
        await opened.close()
        await core.close()
        await server.close()
        if (ownProfile) rmSync(userDataDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await browser?.close()
    await core.close()
    await server.close()
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true })
    throw error
  }
}
