// Menu commands during the start: the early ones run at once, the others wait for the library,
// once each, and only on the view they were asked on (an import of opened files on any).
import { describe, expect, it } from 'vitest'

import type { MenuCommand } from '../../../shared/api-methods'
import { EarlyMenu } from './early-menu'

describe('EarlyMenu', () => {
  it('runs find at once, holds the rest until release, and drops what the analyst moved past', () => {
    const ran: MenuCommand[] = []
    const menu = new EarlyMenu<string>((command) => ran.push(command))
    menu.take('find', false, 'library')
    expect(ran).toEqual(['find'])
    menu.take('export-notes', false, 'library')
    menu.take('export-notes', false, 'library')
    menu.take('import-opened', false, 'library')
    menu.take('notebook', false, 'library')
    expect(ran).toEqual(['find'])
    // A search hit was opened meanwhile: the library's commands are dropped, the import is not.
    menu.release('briefing')
    expect(ran).toEqual(['find', 'import-opened'])
    menu.take('notebook', true, 'briefing')
    expect(ran).toEqual(['find', 'import-opened', 'notebook'])
  })

  it('runs each held command once, in order, on the view it was asked on', () => {
    const ran: MenuCommand[] = []
    const menu = new EarlyMenu<string>((command) => ran.push(command))
    menu.take('notebook', false, 'library')
    menu.take('export-notes', false, 'library')
    menu.take('notebook', false, 'library')
    menu.release('library')
    menu.release('library')
    expect(ran).toEqual(['notebook', 'export-notes'])
  })
})
