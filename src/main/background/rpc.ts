// The messages between main (or the CLI) and a background process: calls by id and method name,
// replies with a value or an error as { code, message }. Transport-free: Electron's
// utility-process port and Node's child-process channel both carry them. What a process answers
// is the object it serves (serve.ts); main's typed handle on it is a proxy (process-proxy.ts).

export type HostMessage =
  /** Options for a process that makes its served object from them (the search index). */
  { type: 'init'; options: unknown } | { type: 'call'; id: number; method: string; args: unknown[] }

export type ProcessMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { code: string; message: string } }

/** The parent's end of the channel to a background process, whatever carries it. */
export interface BackgroundPort {
  post(message: HostMessage): void
  onMessage(listener: (message: ProcessMessage) => void): void
  /** Called once if the process exits; `reason` says how. */
  onExit(listener: (reason: string) => void): void
  kill(): void
  /** Keeps this process alive while calls are waiting for replies (Node child processes only). */
  hold?(waiting: boolean): void
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Record<string, unknown>
  if (message['type'] === 'init') return 'options' in message
  return (
    message['type'] === 'call' &&
    typeof message['id'] === 'number' &&
    typeof message['method'] === 'string' &&
    Array.isArray(message['args'])
  )
}
