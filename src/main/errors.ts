// Errors a handler raises on purpose; the router turns them into `{ code, message }` for the renderer.

import type { IpcErrorCode } from '../shared/ipc-result'

export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** A one-line description of an error for warnings and the "not saved" banner. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
