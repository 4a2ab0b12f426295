// What every IPC call answers: the value, or an error as { code, message } (errors cross IPC as
// plain data, never as thrown objects).

/** How every error crosses IPC. `code` is stable and machine-readable; `message` is for people. */
export interface IpcError {
  code: IpcErrorCode
  message: string
}
export type IpcErrorCode =
  | 'forbidden'
  | 'invalid-request'
  | 'unknown-channel'
  | 'not-found'
  | 'not-ready'
  | 'query-syntax'
  | 'read-only'
  | 'internal'

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }
