// Unit tests of the application-menu commands: text undo while typing, annotation undo in the
// reader, nothing behind the export dialog.

import { describe, expect, it } from 'vitest'

import type { MenuCommand } from '../../../shared/api-methods'
import { runMenuCommand } from './menu-commands'
import type { MenuTarget } from './menu-commands'

function run(command: MenuCommand, state: Partial<MenuTarget> = {}): string[] {
  const calls: string[] = []
  const target: MenuTarget = {
    modalOpen: false,
    typing: false,
    reading: true,
    editText: (c) => calls.push(`text ${c}`),
    undo: () => calls.push('undo'),
    redo: () => calls.push('redo'),
    focusSearch: () => calls.push('find'),
    openExport: () => calls.push('export'),
    importBriefings: () => calls.push('import'),
    importOpened: () => calls.push('import-opened'),
    readingSettings: () => calls.push('reading-settings'),
    textSize: (step) => calls.push(`text size ${step}`),
    showNotebook: () => calls.push('notebook'),
    togglePanel: () => calls.push('toggle-panel'),
    ...state
  }
  runMenuCommand(command, target)
  return calls
}

describe('runMenuCommand', () => {
  it('undoes and redoes annotations in the reader', () => {
    expect(run('undo')).toEqual(['undo'])
    expect(run('redo')).toEqual(['redo'])
  })

  it('leaves annotation history alone outside the reader and behind the dialog', () => {
    expect(run('undo', { reading: false })).toEqual([])
    expect(run('redo', { modalOpen: true })).toEqual([])
  })

  it('undoes the text edit while a text field has focus', () => {
    expect(run('undo', { typing: true })).toEqual(['text undo'])
    expect(run('redo', { typing: true, reading: false })).toEqual(['text redo'])
  })

  it('focuses search unless the dialog is open', () => {
    expect(run('find', { reading: false })).toEqual(['find'])
    expect(run('find', { modalOpen: true })).toEqual([])
  })

  it('opens the export dialog from any view', () => {
    expect(run('export-notes', { reading: false })).toEqual(['export'])
  })

  it('imports briefings from any view, not behind the dialog', () => {
    expect(run('import-briefings', { reading: false })).toEqual(['import'])
    expect(run('import-briefings', { modalOpen: true })).toEqual([])
    // Files opened with the app are imported whatever is on screen: no dialog opens for them.
    expect(run('import-opened', { modalOpen: true })).toEqual(['import-opened'])
  })

  it('opens the reading settings, not behind the dialog, and sizes the text from any view', () => {
    expect(run('reading-settings', { reading: false })).toEqual(['reading-settings'])
    expect(run('reading-settings', { modalOpen: true })).toEqual([])
    expect(run('text-bigger')).toEqual(['text size 1'])
    expect(run('text-smaller', { reading: false })).toEqual(['text size -1'])
    expect(run('text-reset')).toEqual(['text size 0'])
  })

  it('opens the notebook from any view, and toggles the side panel only in the reader', () => {
    expect(run('notebook', { reading: false })).toEqual(['notebook'])
    expect(run('notebook', { modalOpen: true })).toEqual([])
    expect(run('toggle-panel')).toEqual(['toggle-panel'])
    expect(run('toggle-panel', { reading: false })).toEqual([])
  })
})
