// The CLI side of briefing versions (issue #6): an imported file that is a new version of a
// briefing is reported as such, and with --replace it replaces that briefing (the report of how
// its highlights re-anchored is printed); without --replace it is left out.

import type { ImportReport } from '../../shared/import-requests'
import type { CoreServices } from '../app-core'
import { importBriefings } from '../import/import-service'
import { decideVersion } from '../import/version-offers'
import type { Output } from './services'

/** Prints each offer and, with `replace`, replaces; returns how many replacements failed. */
export async function settleVersions(
  services: CoreServices,
  userDataDir: string,
  report: ImportReport,
  replace: boolean,
  io: Output
): Promise<number> {
  let failures = 0
  for (const offer of report.versions) {
    const what = `${offer.file}: a new version of "${offer.briefingTitle}" (${offer.briefingId})`
    if (!replace || offer.bundled) {
      const why = offer.bundled
        ? 'it came with the app and cannot be replaced'
        : 'not imported; add --replace to replace it'
      io.out(`${what}: ${why}`)
      await decide(services, userDataDir, offer.token, 'skip')
      continue
    }
    try {
      const result = await decide(services, userDataDir, offer.token, 'replace')
      if (result.status !== 'replaced') continue
      const { counts, keptAs, notes } = result.report
      io.out(
        `${what}: replaced; previous text kept as version ${keptAs}; highlights: ${counts.unchanged} unchanged, ${counts.moved} moved, ${counts.edited} text edited, ${counts.orphaned} orphaned`
      )
      for (const h of result.report.highlights) {
        if (h.status === 'edited') io.out(`  edited: "${h.oldQuote}" → "${h.newQuote}"`)
        if (h.status === 'orphaned') io.out(`  orphaned: "${h.oldQuote}" (${h.oldHeading})`)
      }
      for (const n of notes) {
        io.out(
          `  note "${n.label}" on "${n.oldHeading}" is now on ${n.heading ? `"${n.heading}"` : 'the whole briefing'}`
        )
      }
    } catch (error) {
      failures++
      io.err(`${what}: not replaced: ${(error as Error).message}`)
    }
  }
  return failures
}

function decide(
  services: CoreServices,
  userDataDir: string,
  token: string,
  mode: 'replace' | 'skip'
) {
  return decideVersion(
    { services, userDataDir },
    { token, mode },
    {
      queue: (work) => services.importState.queue(work),
      importSeparately: (file, index) =>
        importBriefings(services, userDataDir, [file], new Date(), { separate: index })
    }
  )
}
