// The app's log: one rotating file per process (main.log, index.log, import.log) in Electron's logs
// folder, size-capped with a few old files kept; the CLI logs to stderr. Callers log ids, counts and
// timings, never note or briefing text. The level comes from BRIEFING_LOG_LEVEL.

import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Logger {
  error(message: string, error?: unknown): void
  warn(message: string, error?: unknown): void
  info(message: string): void
  debug(message: string): void
}

/** The level named by `value` (BRIEFING_LOG_LEVEL), or `info` when unset or unknown. */
export function parseLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase()
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : 'info'
}

/** One line: time, level, scope and message; an error adds its stack (or message) indented. */
export function formatLine(
  time: Date,
  level: LogLevel,
  scope: string,
  message: string,
  error?: unknown
): string {
  let line = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} [${scope}] ${message}`
  if (error !== undefined) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    line += `\n  ${detail.replaceAll('\n', '\n  ')}`
  }
  return `${line}\n`
}

function levelLogger(
  level: LogLevel,
  scope: string,
  write: (line: string) => void,
  now: () => Date
): Logger {
  const rank = LOG_LEVELS.indexOf(level)
  const at =
    (wanted: LogLevel) =>
    (message: string, error?: unknown): void => {
      if (LOG_LEVELS.indexOf(wanted) > rank) return
      try {
        write(formatLine(now(), wanted, scope, message, error))
      } catch {
        // A log that cannot be written must never break what it was logging.
      }
    }
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }
}

export interface FileLogOptions {
  dir: string
  /** The process: the file is `<name>.log`, rotated to `<name>.1.log` … `<name>.<keep>.log`. */
  name: string
  level: LogLevel
  scope?: string
  maxBytes?: number
  keep?: number
  now?: () => Date
}

/** A logger appending to `<dir>/<name>.log`, rotating it once it passes `maxBytes`. */
export function createFileLogger(options: FileLogOptions): Logger {
  const { dir, name, level, maxBytes = 1024 * 1024, keep = 3, now = () => new Date() } = options
  const file = (n: number) => join(dir, n === 0 ? `${name}.log` : `${name}.${n}.log`)
  let size: number | undefined
  const write = (line: string) => {
    if (size === undefined) {
      mkdirSync(dir, { recursive: true })
      size = fileSize(file(0))
    }
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
      rmSync(file(keep), { force: true })
      for (let n = keep - 1; n >= 0; n--) {
        if (fileSize(file(n)) > 0 || n === 0) renameIfThere(file(n), file(n + 1))
      }
      size = 0
    }
    appendFileSync(file(0), line)
    size += Buffer.byteLength(line)
  }
  return levelLogger(level, options.scope ?? name, write, now)
}

/** A logger writing to a stream (the CLI: stderr). */
export function createStreamLogger(
  stream: { write(text: string): unknown },
  level: LogLevel,
  scope = 'cli',
  now = () => new Date()
): Logger {
  return levelLogger(level, scope, (line) => stream.write(line), now)
}

/** Logs nothing (tests, and code that was given no logger). */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function renameIfThere(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch {
    // Nothing to rotate yet.
  }
}
