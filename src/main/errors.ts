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
