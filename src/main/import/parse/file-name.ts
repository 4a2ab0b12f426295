// Checks the name an imported file arrived with. The name is only ever shown and used as a default
// title, never joined into a path, but names that could be mistaken for one are refused outright.

import type { ImportFailure } from './types'

/** Longest name accepted, in UTF-16 code units (common file systems allow 255 bytes). */
export const MAX_NAME_LENGTH = 255

// C0/C1 controls and DEL, plus the bidirectional overrides that can disguise an extension.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
// Windows device names, with or without an extension ("CON", "con.txt", "LPT1.md", "COM¹").
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu

/** The name quoted for a message, with control and invisible characters escaped. */
export function quoteName(name: string): string {
  return JSON.stringify(name).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/**
 * The file's name if it is a bare, harmless file name; otherwise a message naming it. Refused:
 * empty names, names with a path (`/`, `\`, `..`), control or bidi-override characters, Windows
 * device names (`CON.txt`) and names longer than MAX_NAME_LENGTH. Pass the base name of a path.
 */
export function checkImportName(name: string): { name: string } | ImportFailure {
  const shown = quoteName(name)
  if (name.trim() === '') return { error: 'A file without a name cannot be imported.' }
  if (CONTROL.test(name)) {
    return { error: `${shown}: the file name contains control characters; rename the file.` }
  }
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    return {
      error: `${shown}: the file name contains a path; only a plain file name is accepted.`
    }
  }
  if (DEVICE.test(name.trim())) {
    return {
      error: `${shown}: the file name is a reserved device name on Windows; rename the file.`
    }
  }
  if (name.length > MAX_NAME_LENGTH) {
    return {
      error: `${quoteName(name.slice(0, 40))}…: the file name is longer than ${MAX_NAME_LENGTH} characters.`
    }
  }
  return { name: name.normalize('NFC') }
}

/** The lower-case extension without the dot ("md" for "Notes.MD"), or "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** The name without its extension ("Quad briefing" for "Quad briefing.txt"). */
export function baseTitle(name: string): string {
  const dot = name.lastIndexOf('.')
  return (dot > 0 ? name.slice(0, dot) : name).trim()
}
