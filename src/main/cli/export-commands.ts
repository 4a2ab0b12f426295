// CLI export and imports (annotations, briefings), on the same code as the desktop app.

import { existsSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

import type { ExportOptions } from '../../shared/annotation-requests'
import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import { buildExport, runExport } from '../export/export-service'
import { importAnnotationsText, readAnnotationsFile } from '../annotations/import-annotations'
import { isBundleText } from '../import/import-bundle'
import { readChosenFiles } from '../import/read-files'
import { importBriefings } from '../import/import-service'
import { defaultUserDataDir } from '../paths'
import type { CliArgs } from './args'
import { UsageError } from './args'
import type { Output } from './services'
import { withServices, withWriter } from './services'
import { settleVersions } from './version-commands'
import { reportAnnotations } from './annotation-report'
import { exportBundleCommand, importBundle } from './bundle-commands'

function exportOptions(args: CliArgs, perBriefing: boolean): ExportOptions {
  const scope: ExportOptions['scope'] =
    args.briefings.length === 0
      ? { kind: 'library' }
      : args.briefings.length === 1
        ? { kind: 'briefing', briefingId: args.briefings[0]! }
        : { kind: 'briefings', briefingIds: args.briefings }
  return {
    scope,
    format: args.format === 'w3c' ? 'w3c' : 'md',
    groupBy: args.groupBy,
    includeSectionNotes: true,
    includeEntities: true,
    includeOrphans: true,
    layout: perBriefing ? 'per-briefing' : 'single'
  }
}

/** `export`: to standard output (`--out -` or no --out), a file, or one file per briefing in a folder. */
export async function exportCommand(args: CliArgs, io: Output): Promise<number> {
  if (args.format === 'bundle') return exportBundleCommand(args, io)
  const out = args.out ?? '-'
  const toFolder = out !== '-' && existsSync(out) && statSync(out).isDirectory()
  const options = exportOptions(args, toFolder)
  // The CLI has no colour-label preferences of its own: the defaults name the colours.
  const labels = DEFAULT_COLOR_LABELS
  return withServices(args, async (services) => {
    if (out === '-') {
      const built = await buildExport(services, labels, options)
      io.out(built.files.map((f) => f.content).join('\n'))
      return 0
    }
    const result = await runExport(services, labels, options, {
      chooseFile: async (suggestedName) => {
        const path = toFolder ? join(out, suggestedName) : resolve(out)
        if (!existsSync(path)) return path
        io.err(`not replacing the existing file ${path} (remove it first)`)
        return null
      },
      chooseFolder: async () => resolve(out),
      confirmOverwrite: async (names) => {
        io.err(`not replacing existing files (remove them first): ${names.join(', ')}`)
        return false
      }
    })
    if (result.status === 'cancelled') return 1
    io.out(
      `exported ${result.highlights} highlights and ${result.notes} notes to ${result.files.join(', ')}`
    )
    return 0
  })
}

/**
 * `import-annotations <file>`: merges a W3C Web Annotation file (or a library bundle) into the
 * profile. Exit 0 when all of it applied, 3 when some did not or waits for its briefing, 1 when
 * none did (a file that is not JSON, say); each reason on stderr.
 */
export async function importAnnotationsCommand(args: CliArgs, io: Output): Promise<number> {
  const file = args.positionals[0]
  if (!file) throw new UsageError('import-annotations needs a W3C Web Annotation JSON file')
  return withWriter(args, async (services) => {
    const text = await readAnnotationsFile(resolve(file), basename(file))
    if (isBundleText(text)) return importBundle(services, file, text, io)
    const result = await importAnnotationsText(services, basename(file), text)
    if (result.status !== 'imported') return 1
    return reportAnnotations(file, result, io)
  })
}

/** `import <files...>`: briefings into the profile's library; exit 1 if any file failed. */
export async function importCommand(args: CliArgs, io: Output): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('import needs one or more files')
  return withWriter(args, async (services) => {
    const { files, failed } = await readChosenFiles(args.positionals.map((p) => resolve(p)))
    const userDataDir = args.profile ?? defaultUserDataDir()
    const report = await importBriefings(services, userDataDir, files)
    for (const i of report.imported) {
      io.out(
        `${i.file}: imported "${i.title}" as ${i.briefingId} (${i.sections} sections, ${i.mentions} entity mentions)`
      )
      for (const warning of i.warnings ?? []) io.out(`${i.file}: warning: ${warning}`)
    }
    for (const d of report.duplicates)
      io.out(`${d.file}: already in the library as ${d.briefingId}`)
    const versionFailures = await settleVersions(services, userDataDir, report, args.replace, io)
    for (const f of [...failed, ...report.failed]) io.err(f.message)
    return failed.length + report.failed.length + versionFailures > 0 ? 1 : 0
  })
}
