// Chooses the id of an imported briefing. Ids name the library file and the annotations folder,
// so every id chosen here satisfies the one briefing-id rule (src/shared/ids.ts) and is new.

import { isBriefingId } from '../../shared/ids'
import { kebabCase } from './parse/to-briefing'

/** Names Windows reserves for devices: a folder so named cannot be created there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/
/** Room left for a "-2", "-3" … suffix within the rule's 128 characters. */
const MAX_BASE_LENGTH = 100

/**
 * The file's own id when it has one (a dataset file) that is free, else the title in kebab-case
 * ("briefing" when nothing of it is left); made unique with -2, -3 … when taken. `taken` also
 * covers ids used by files on disk, not only by the library.
 */
export function importedBriefingId(
  ownId: string | undefined,
  title: string,
  taken: { has(id: string): boolean }
): string {
  const preferred =
    ownId !== undefined && isBriefingId(ownId) && !taken.has(ownId) ? ownId : kebabCase(title)
  const short = preferred.slice(0, MAX_BASE_LENGTH).replace(/-+$/, '') || 'briefing'
  const base = WINDOWS_DEVICE.test(short) ? `${short}-briefing` : short
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}
