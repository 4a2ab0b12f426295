// Menu commands while main still loads the library: find, undo and redo (the search box's text)
// and the reading settings run at once; the others (export, import, the notebook) wait until it
// is loaded, and are dropped if the analyst has moved to another view meanwhile.

import type { MenuCommand } from '../../../shared/api-methods'

const EARLY_COMMANDS: ReadonlySet<MenuCommand> = new Set<MenuCommand>([
  'find',
  'undo',
  'redo',
  'reading-settings',
  'text-bigger',
  'text-smaller',
  'text-reset'
])

export class EarlyMenu<View> {
  readonly #held: { command: MenuCommand; view: View }[] = []

  constructor(private readonly run: (command: MenuCommand) => void) {}

  /** A command as it arrives: run now once ready (or if it needs nothing), else held, once. */
  take(command: MenuCommand, ready: boolean, view: View): void {
    if (ready || EARLY_COMMANDS.has(command)) this.run(command)
    else if (!this.#held.some((held) => held.command === command)) {
      this.#held.push({ command, view })
    }
  }

  /**
   * At ready: runs what was asked for on the view `shown` now (a hit opened since, the analyst
   * has moved on); files opened with the app are imported whatever is shown.
   */
  release(shown: View): void {
    for (const held of this.#held.splice(0)) {
      if (held.view === shown || held.command === 'import-opened') this.run(held.command)
    }
  }
}
