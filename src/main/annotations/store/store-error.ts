// Errors the annotation store raises on purpose. The IPC layer maps `code` to its own error codes:
// 'read-only' (a newer app's data or another process), 'write-failed', 'invalid' (bad input).

/** Why the store refused a call. */
export type StoreErrorCode = 'read-only' | 'write-failed' | 'invalid'

/** An error the store raises on purpose, with a stable machine-readable code. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'StoreError'
  }
}
