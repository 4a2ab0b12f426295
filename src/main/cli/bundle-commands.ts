// CLI library backups (issue #13): `export --format bundle` writes the imported briefings and all
// annotations in one file; `import-annotations` given such a file restores both.

import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import { BUNDLE_FILE_NAME, buildBundle } from '../export/bundle-export'
import { nodeExclusiveFs, TargetTakenError, writeFileExclusively } from '../fs/exclusive-write'
import type { BundleImportResult } from '../import/import-bundle'
import { importBundleText } from '../import/import-bundle'
import type { CoreServices } from '../app-core'
import type { CliArgs } from './args'
import { UsageError } from './args'
import { reportAnnotations } from './annotation-report'
import type { Output } from './services'
import { withServices } from './services'

/** `export --format bundle [--out file|folder|-]`: never replaces an existing file. */
export async function exportBundleCommand(args: CliArgs, io: Output): Promise<number> {
  if (args.briefings.length > 0) {
    throw new UsageError('a library backup holds the whole library: leave out --briefing')
  }
  const out = args.out ?? '-'
  return withServices(args, async (services) => {
    const built = await buildBundle(services, DEFAULT_COLOR_LABELS)
    if (out === '-') {
      io.out(built.content.trimEnd())
      return 0
    }
    const isFolder = existsSync(out) && statSync(out).isDirectory()
    const path = isFolder ? join(out, BUNDLE_FILE_NAME) : resolve(out)
    try {
      // Created only if nothing is there when it is linked into place; never through a link.
      await writeFileExclusively(nodeExclusiveFs, path, built.content, { replace: false })
    } catch (error) {
      if (!(error instanceof TargetTakenError)) throw error
      io.err(`not replacing ${path}: ${error.message} (remove it first)`)
      return 1
    }
    io.out(
      `backed up ${built.briefings} imported briefing files, ${built.highlights} highlights and ${built.notes} notes to ${path}`
    )
    return 0
  })
}

/** A bundle given to `import-annotations`: briefings, then annotations; returns the exit code. */
export async function importBundle(
  services: CoreServices,
  file: string,
  text: string,
  io: Output
): Promise<number> {
  const result = await importBundleText(services, file, text)
  const briefingsCode = reportBriefings(file, result, io)
  const annotationsCode = reportAnnotations(file, result.annotations, io)
  if (briefingsCode === 0) return annotationsCode
  const anything = result.briefings.imported.length + result.briefings.duplicates.length > 0
  return anything || annotationsCode !== 1 ? 3 : 1
}

/** Lists the restored briefings; 0 when every one is in the library now, else 1. */
function reportBriefings(file: string, { briefings }: BundleImportResult, io: Output): number {
  for (const i of briefings.imported) io.out(`${file}: restored "${i.title}" as ${i.briefingId}`)
  for (const d of briefings.duplicates) io.out(`${file}: "${d.title}" is already in the library`)
  for (const v of briefings.versions) {
    io.err(`${file}: "${v.title}" matches a briefing here by title and source: not restored`)
  }
  for (const f of briefings.failed) io.err(`${file}: ${f.message}`)
  return briefings.failed.length + briefings.versions.length > 0 ? 1 : 0
}
