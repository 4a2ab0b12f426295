// The process's log, installed once by its entry (main, a background process, the CLI) and used
// by any module without threading a logger through every call. Silent until installed (tests).

import type { Logger, LogLevel } from './logger'
import { createFileLogger, createStreamLogger, parseLevel, silentLogger } from './logger'

let current: Logger = silentLogger

export function installLogger(logger: Logger): void {
  current = logger
}

export const log: Logger = {
  error: (message, error) => current.error(message, error),
  warn: (message, error) => current.warn(message, error),
  info: (message) => current.info(message),
  debug: (message) => current.debug(message)
}

/** The parent (main) names the log folder for its utility processes. */
export const LOG_DIR_ENV = 'BRIEFING_LOG_DIR'
export const LOG_LEVEL_ENV = 'BRIEFING_LOG_LEVEL'

/**
 * For a background process: its own rotating file (`<name>.log`) in the folder main named, or,
 * started by the CLI or a test (no folder), stderr from `fallback` up.
 */
export function installProcessLogger(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  fallback: LogLevel = 'warn'
): void {
  const dir = env[LOG_DIR_ENV]
  const wanted = env[LOG_LEVEL_ENV]
  installLogger(
    dir
      ? createFileLogger({ dir, name, level: parseLevel(wanted) })
      : createStreamLogger(process.stderr, wanted ? parseLevel(wanted) : fallback, name)
  )
}
