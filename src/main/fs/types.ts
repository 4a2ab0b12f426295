// The filesystem seam every durable write goes through (node:fs in the app, a failing disk in
// tests), and what a write tells its caller.

/** Whether a write reached the disk. `saved: false` means the change lives in memory only. */
export type SaveOutcome = { saved: true } | { saved: false; error: string }

/** The part of a node:fs/promises FileHandle durable writes use. */
export interface StoreFileHandle {
  /** Writes all of `data` (at the end, for a handle opened with 'a'). */
  writeFile(data: string | Uint8Array): Promise<void>
  truncate(length: number): Promise<void>
  stat(): Promise<{ size: number }>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The filesystem calls durable writes make; errors carry node's `code` (ENOENT, ENOSPC...). */
export interface StoreFs {
  readFile(path: string): Promise<Uint8Array>
  open(path: string, flags: 'a' | 'w' | 'wx'): Promise<StoreFileHandle>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** Creates the folder and its parents; succeeds if it exists. */
  mkdir(path: string): Promise<void>
  /** fsyncs a folder so renames and new files in it survive power loss. */
  syncDir(path: string): Promise<void>
  exists(path: string): Promise<boolean>
  /**
   * What tells one version of a file from another without reading it. Optional: without it, a
   * reader that would trust a cached summary of a file reads the file itself.
   */
  stat?(path: string): Promise<{ size: number; mtimeMs: number; ino: number }>
}
