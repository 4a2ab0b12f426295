// Electron entry: orchestration only. Single-instance lock, hardened session and window, the
// core (dataset + index) started once, and every feature's IPC handlers bound to ipcMain.

import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { app, dialog, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import ElectronStore from 'electron-store'

import { startCore } from './app-core'
import { createMainRouter } from './app-router'
import { preferencesPort } from './preferences/preferences-port'
import type { ShellPorts } from './app-router'
import { bindRouterToIpcMain } from './ipc/electron-ipc'
import { installLogger, LOG_LEVEL_ENV, log } from './log/log'
import { createFileLogger, parseLevel } from './log/logger'
import { installAppMenu } from './menu'
import { APP_ID } from './paths'
import { createPreferences } from './preferences/preferences'
import { forkElectronProcess } from './electron-process'
import { mainHeapAtStart } from './search/heap-settle'
import { refusedMessage, refusedSwitches } from './security/launch-switches'
import { filesFromArgv, OpenedFiles } from './shell/opened-files'
import { MENU_EVENT } from '../shared/api-methods'
import { APP_ENTRY_URL, createTrustedSenderCheck, devServerUrlFrom } from './security/policy'
import {
  confirmAndOpenExternal,
  confirmQuitUnsaved,
  createMainWindow,
  fileDialogs,
  guardAllWebContents,
  hardenSession,
  registerAppScheme
} from './window'

// Development build only (electron-vite bakes import.meta.env.DEV in at build time): the built
// app never loads anything but app://, whatever the environment says.
const isDevBuild = import.meta.env.DEV
const devServerUrl = devServerUrlFrom(process.env['ELECTRON_RENDERER_URL'], isDevBuild)
const entryUrl = devServerUrl ?? APP_ENTRY_URL

// Every renderer sandboxed, whatever a window's options say (checklist #4); before `ready`.
app.enableSandbox()

// A packaged app refuses switches that hand control of it to another program (debuggers,
// remote debugging, a weaker sandbox). Development builds keep them for debugging.
const refused = app.isPackaged ? refusedSwitches(process.argv.slice(1), process.platform) : []

// `--user-data-dir=<dir>` picks the profile (tests, several analysts' profiles on one laptop);
// the single-instance lock below is per profile.
const profileSwitch = app.commandLine.getSwitchValue('user-data-dir')
if (profileSwitch) {
  // setPath needs an absolute path to an existing folder.
  const profileDir = resolve(profileSwitch)
  mkdirSync(profileDir, { recursive: true })
  app.setPath('userData', profileDir)
}

// Files the system opens with the app: the command line now, a second start's command line, and
// macOS's open-file (which can come before `ready`). They wait here until the window takes them
// (`library:import-opened`), through the normal import with its limits and report.
const opened = new OpenedFiles()
const argvSkip = app.isPackaged ? 1 : 2
opened.add(filesFromArgv(process.argv, argvSkip, process.cwd()))
app.on('open-file', (event, path) => {
  event.preventDefault()
  opened.add([path])
})

const startedAt = performance.now()
if (refused.length > 0) {
  const message = refusedMessage(app.getName(), refused)
  console.error(message)
  dialog.showErrorBox(app.getName(), message)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  // Another instance owns the profile: it gets focused (below) and this one leaves.
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  let closing = false
  // Logs sit in the profile (userData/logs; ~/Library/Logs on macOS), set after the profile is.
  app.setAppLogsPath()
  const logsDir = app.getPath('logs')
  installLogger(
    createFileLogger({ dir: logsDir, name: 'main', level: parseLevel(process.env[LOG_LEVEL_ENV]) })
  )
  log.info(`starting ${app.getName()} ${app.getVersion()} (Electron ${process.versions.electron})`)
  // Now, as main starts (heap-settle.ts says why then): V8's memory reducer quiet until the
  // index's first build is complete, and main's load ended by a collection of what it left.
  const heap = mainHeapAtStart()
  // Windows groups taskbar entries and notifications by this id: the installers' appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

  app.on('second-instance', (_event, argv, workingDirectory) => {
    opened.add(filesFromArgv(argv, argvSkip, workingDirectory))
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  registerAppScheme()
  guardAllWebContents()

  // electron-store keeps preferences only; annotations have their own journaled store.
  const { preferences, warnings } = createPreferences(ElectronStore, {
    cwd: app.getPath('userData')
  })
  for (const warning of warnings) log.warn(`preferences: ${warning}`)
  // A failed preferences write stays in memory; try again now and then.
  setInterval(() => void preferences.retry(), 30_000).unref()
  const core = startCore({
    datasetDir: join(app.getAppPath(), 'resources', 'dataset'),
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    notices: warnings,
    spawnIndex: () => forkElectronProcess('index', logsDir),
    spawnImport: () => forkElectronProcess('import', logsDir),
    afterLoad: heap.afterLoad
  })
  const dialogs = fileDialogs(() => mainWindow)
  const shellPorts: ShellPorts = {
    preferences: preferencesPort(preferences),
    confirmAndOpenExternal: (url) => confirmAndOpenExternal(mainWindow, url),
    exportTarget: dialogs,
    chooseImportFiles: dialogs.chooseImportFiles,
    takeOpenedFiles: () => opened.take(),
    filesToOpen: () => opened.size
  }
  // Files opened while the app runs: the window is told to take them (at start it asks itself).
  opened.onAdded(() => mainWindow?.webContents.send(MENU_EVENT, 'import-opened'))
  const router = createMainRouter(core, shellPorts, {
    isTrustedSender: createTrustedSenderCheck(entryUrl),
    onInternalError: (channel, error) => log.error(`${channel} failed`, error)
  })

  void app.whenReady().then(() => {
    hardenSession(join(__dirname, '../renderer'), devServerUrl)
    bindRouterToIpcMain(router, (contents) => contents === mainWindow?.webContents)
    installAppMenu(app.getName(), () => mainWindow, {
      'open-log-folder': () => void shell.openPath(logsDir)
    })
    mainWindow = createMainWindow(entryUrl, isDevBuild)
    mainWindow.on('closed', () => (mainWindow = null))
    log.info(`window created ${Math.round(performance.now() - startedAt)} ms after start`)
    void core.ready.then(
      () =>
        log.info(
          `library and index ready ${Math.round(performance.now() - startedAt)} ms after start`
        ),
      (error: unknown) => {
        heap.restore()
        log.error('the library could not be loaded', error)
      }
    )
  })

  app.on('window-all-closed', () => app.quit())
  // Before quitting, unsaved annotation changes get another write; if the disk still refuses,
  // the analyst decides (the window is still there to keep working in).
  app.on('before-quit', (event) => {
    if (closing) return
    event.preventDefault()
    void (async () => {
      const status = await (await core.ready.catch(() => undefined))?.annotations.saveStatus()
      if (status && !status.saved) {
        const quit = await confirmQuitUnsaved(mainWindow, status.pending, status.error)
        if (!quit) return
      }
      closing = true
      await core.close()
      app.quit()
    })()
  })
}
