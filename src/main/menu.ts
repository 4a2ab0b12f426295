// Installs the application menu built from menu-template.ts; command items send the command to
// the app window's renderer, which owns undo, search focus and export.

import { Menu } from 'electron'
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron'

import { MENU_EVENT } from '../shared/api-methods'
import { menuTemplate } from './menu-template'
import type { MainMenuAction } from './menu-template'

export function installAppMenu(
  appName: string,
  target: () => BrowserWindow | null,
  actions: Record<MainMenuAction, () => void>
): void {
  const template: MenuItemConstructorOptions[] = menuTemplate(process.platform, appName).map(
    (section) => ({
      label: section.label,
      submenu: section.entries.map((entry): MenuItemConstructorOptions => {
        if (entry.kind === 'separator') return { type: 'separator' }
        if (entry.kind === 'role') {
          return entry.accelerator
            ? { role: entry.role, accelerator: entry.accelerator }
            : { role: entry.role }
        }
        if (entry.kind === 'main') return { label: entry.label, click: actions[entry.action] }
        return {
          label: entry.label,
          accelerator: entry.accelerator,
          click: () => target()?.webContents.send(MENU_EVENT, entry.command)
        }
      })
    })
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
