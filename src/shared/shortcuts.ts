// The one table of keyboard shortcuts: the application menu takes its accelerators from it, the
// renderer matches keys against it, and the command palette and the `?` sheet list it.
// Keys use Electron's accelerator syntax ("CmdOrCtrl+Shift+P", "Alt+Left", "/").

export interface Shortcut {
  label: string
  group: 'File' | 'Edit' | 'Go' | 'Reading' | 'Help'
  /** Every key that does it; the first is the menu's accelerator. */
  keys: readonly string[]
  /** macOS's keys when they differ (Cmd+[ for back, say). */
  macKeys?: readonly string[]
  /** Not a key: the mouse's back and forward buttons, listed on the sheet. */
  mouse?: string
  /** Keys pressed one after the other ("G" then "N"); the menu shows none of them. */
  sequence?: readonly string[]
}

export const SHORTCUTS = {
  'import-briefings': { label: 'Import Briefings…', group: 'File', keys: ['CmdOrCtrl+O'] },
  'export-notes': { label: 'Export Notes…', group: 'File', keys: ['CmdOrCtrl+E'] },
  undo: { label: 'Undo', group: 'Edit', keys: ['CmdOrCtrl+Z'] },
  redo: { label: 'Redo', group: 'Edit', keys: ['Shift+CmdOrCtrl+Z', 'Ctrl+Y'] },
  find: { label: 'Find…', group: 'Edit', keys: ['CmdOrCtrl+F', '/'] },
  palette: {
    label: 'Command Palette…',
    group: 'Go',
    keys: ['CmdOrCtrl+K', 'Shift+CmdOrCtrl+P']
  },
  back: {
    label: 'Back',
    group: 'Go',
    keys: ['Alt+Left'],
    macKeys: ['Cmd+['],
    mouse: 'Mouse back button'
  },
  forward: {
    label: 'Forward',
    group: 'Go',
    keys: ['Alt+Right'],
    macKeys: ['Cmd+]'],
    mouse: 'Mouse forward button'
  },
  library: { label: 'Go to Library', group: 'Go', keys: [] },
  notebook: { label: 'Notebook', group: 'Go', keys: [], sequence: ['G', 'N'] },
  'toggle-panel': { label: 'Show or Hide Side Panel', group: 'Reading', keys: ['CmdOrCtrl+B'] },
  'next-section': { label: 'Next Section', group: 'Reading', keys: ['J'] },
  'previous-section': { label: 'Previous Section', group: 'Reading', keys: ['K'] },
  // The reading cursor (Tab into the text): the keys act there, the sheet lists them.
  'cursor-next-sentence': { label: 'Next Sentence', group: 'Reading', keys: ['Down'] },
  'cursor-previous-sentence': { label: 'Previous Sentence', group: 'Reading', keys: ['Up'] },
  'cursor-next-paragraph': {
    label: 'Next Paragraph',
    group: 'Reading',
    keys: ['Alt+Down', 'Ctrl+Down']
  },
  'cursor-previous-paragraph': {
    label: 'Previous Paragraph',
    group: 'Reading',
    keys: ['Alt+Up', 'Ctrl+Up']
  },
  'extend-sentence-forward': {
    label: 'Select Next Sentence Too',
    group: 'Reading',
    keys: ['Shift+Down']
  },
  'extend-sentence-back': {
    label: 'Select One Sentence Less',
    group: 'Reading',
    keys: ['Shift+Up']
  },
  'extend-word-forward': { label: 'Select Next Word Too', group: 'Reading', keys: ['Shift+Right'] },
  'extend-word-back': { label: 'Select One Word Less', group: 'Reading', keys: ['Shift+Left'] },
  highlight: { label: 'Highlight Selection (last colour)', group: 'Reading', keys: ['H'] },
  'highlight-color': {
    label: 'Highlight Selection in Colour 1–5',
    group: 'Reading',
    keys: ['1', '2', '3', '4', '5']
  },
  'note-selection': { label: 'Highlight and Write a Note', group: 'Reading', keys: ['N'] },
  // Tab and Shift+Tab reach highlights too; the browser moves focus for those.
  'next-highlight': { label: 'Next Highlight', group: 'Reading', keys: [']', 'Tab'] },
  'previous-highlight': { label: 'Previous Highlight', group: 'Reading', keys: ['[', 'Shift+Tab'] },
  'open-highlight': { label: 'Open Focused Highlight', group: 'Reading', keys: ['Enter'] },
  deselect: {
    label: 'Close Editor (back to its highlight) / Deselect',
    group: 'Reading',
    keys: ['Escape']
  },
  'reading-settings': { label: 'Reading Settings…', group: 'Reading', keys: [] },
  // The reading text only; the whole window zooms with the same keys and Shift (View menu).
  'text-bigger': { label: 'Larger Text', group: 'Reading', keys: ['CmdOrCtrl+='] },
  'text-smaller': { label: 'Smaller Text', group: 'Reading', keys: ['CmdOrCtrl+-'] },
  'text-reset': { label: 'Default Text Size', group: 'Reading', keys: ['CmdOrCtrl+0'] },
  'shortcut-sheet': { label: 'Keyboard Shortcuts', group: 'Help', keys: ['?', 'F1'] }
} as const satisfies Record<string, Shortcut>

export type ShortcutId = keyof typeof SHORTCUTS

/** The keys of shortcut `id` on a platform. */
export function keysOf(id: ShortcutId, mac: boolean): readonly string[] {
  const shortcut: Shortcut = SHORTCUTS[id]
  return mac && shortcut.macKeys ? shortcut.macKeys : shortcut.keys
}

/** How a key sequence reads on screen ("G then N"); '' for a shortcut without one. */
export function sequenceOf(id: ShortcutId): string {
  const shortcut: Shortcut = SHORTCUTS[id]
  return shortcut.sequence?.join(' then ') ?? ''
}

/** The menu's accelerator for shortcut `id` (its first key). */
export function acceleratorOf(id: ShortcutId): string | undefined {
  return SHORTCUTS[id].keys[0]
}

const MAC_NAMES: Record<string, string> = {
  CmdOrCtrl: '⌘',
  Cmd: '⌘',
  Ctrl: '⌃',
  Shift: '⇧',
  Alt: '⌥',
  Left: '←',
  Right: '→',
  Up: '↑',
  Down: '↓'
}
const OTHER_NAMES: Record<string, string> = {
  CmdOrCtrl: 'Ctrl',
  Left: '←',
  Right: '→',
  Up: '↑',
  Down: '↓'
}

/** How a key reads on screen: "⇧⌘P" on macOS, "Ctrl+Shift+P" elsewhere. */
export function formatKey(accelerator: string, mac: boolean): string {
  // "+" splits the parts; a trailing "+" is the plus key itself.
  const parts = accelerator.split(/\+(?!$)/)
  const order = ['Ctrl', 'CmdOrCtrl', 'Cmd', 'Alt', 'Shift']
  const modifiers = parts.slice(0, -1).sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const named = [...modifiers, parts[parts.length - 1] ?? ''].map(
    (part) => (mac ? MAC_NAMES : OTHER_NAMES)[part] ?? part
  )
  if (!mac) return named.join('+')
  // macOS's order is ⌃⌥⇧⌘.
  const macOrder = ['⌃', '⌥', '⇧', '⌘']
  const mods = named.slice(0, -1).sort((a, b) => macOrder.indexOf(a) - macOrder.indexOf(b))
  return [...mods, named[named.length - 1]].join('')
}
