// "Open with Briefing Reader": the files the system hands the app (command line at start, a second
// instance's command line, macOS open-file), queued until the window takes them for the normal
// import path with its limits and report. Pure but for the listener; no Electron import.

import { isAbsolute, resolve } from 'node:path'

/** The file type the installers register. */
export const BRIEFING_EXTENSION = '.briefing'

/**
 * The files named on a command line. `argv` is the whole process.argv; `skip` is how many leading
 * entries are not the user's (1 packaged: the executable; 2 unpackaged: electron and the app).
 * Switches are ignored, everything after a lone "--" is a file; relative paths are read from `cwd`
 * (a second instance's own working folder).
 */
export function filesFromArgv(argv: readonly string[], skip: number, cwd: string): string[] {
  const files: string[] = []
  let switchesEnded = false
  for (const arg of argv.slice(skip)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true
      continue
    }
    if (!switchesEnded && arg.startsWith('-')) continue
    if (!arg.toLowerCase().endsWith(BRIEFING_EXTENSION)) continue
    files.push(isAbsolute(arg) ? arg : resolve(cwd, arg))
  }
  return files
}

/** Files waiting to be imported, in the order they arrived, each once. */
export class OpenedFiles {
  #waiting: string[] = []
  #listener: () => void = () => undefined

  add(paths: readonly string[]): void {
    const fresh = paths.filter((path) => !this.#waiting.includes(path))
    if (fresh.length === 0) return
    this.#waiting.push(...fresh)
    this.#listener()
  }

  /** Everything waiting, now no longer waiting. */
  take(): string[] {
    return this.#waiting.splice(0)
  }

  get size(): number {
    return this.#waiting.length
  }

  /** Called when files arrive (main tells the window to take them). */
  onAdded(listener: () => void): void {
    this.#listener = listener
  }
}
