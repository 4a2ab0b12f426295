// The CLI's commands, on the same core as the desktop app. Each writes to the given streams and
// returns the exit code, so tests can run them in-process.

import { readFile, stat } from 'node:fs/promises'

import type { Library } from '../library/library'
import {
  DatasetLoadError,
  findUntaggedMentions,
  formatProblem,
  loadDatasetDir,
  parseDatasetFile
} from '../library/load-dataset'
import { getBriefing, listBriefings } from '../library/briefings'
import { searchAll } from '../search/search-all'
import { AppError } from '../errors'
import type { CliArgs } from './args'
import { USAGE, UsageError } from './args'
import { exportCommand, importAnnotationsCommand, importCommand } from './export-commands'
import { entitiesCommand } from './entity-commands'
import { withServices } from './services'
import { checkProfileFolder } from './profile-path'
import { defaultUserDataDir } from '../paths'

export type { Output } from './services'
import type { Output } from './services'

export async function runCommand(args: CliArgs, io: Output): Promise<number> {
  if (args.help || args.command === undefined) {
    io.out(USAGE)
    return args.help ? 0 : 2
  }
  // `validate` reads only the dataset; every other command opens the profile.
  if (args.command !== 'validate') await checkProfileFolder(args.profile ?? defaultUserDataDir())
  switch (args.command) {
    case 'validate':
      return validate(args, io)
    case 'list':
      return list(args, io)
    case 'show':
      return show(args, io)
    case 'search':
      return search(args, io)
    case 'export':
      return exportCommand(args, io)
    case 'import-annotations':
      return importAnnotationsCommand(args, io)
    case 'import':
      return importCommand(args, io)
    case 'entities':
      return entitiesCommand(args, io)
    default:
      throw new UsageError(`unknown command "${args.command}"`)
  }
}

async function validate(args: CliArgs, io: Output): Promise<number> {
  const target = args.positionals[0] ?? args.dataset
  if (!target) throw new UsageError('validate needs a dataset file or folder')
  let library: Library
  try {
    // A folder is checked exactly as the app loads it, including clashes between its files.
    library = (await stat(target)).isDirectory()
      ? await loadDatasetDir(target)
      : await loadDatasetFile(target)
  } catch (error) {
    if (!(error instanceof DatasetLoadError)) throw error
    for (const p of error.problems) io.err(formatProblem(p))
    const count = error.problems.length
    io.err(`${count} problem${count === 1 ? '' : 's'} found`)
    return 1
  }
  for (const u of findUntaggedMentions(library)) {
    io.err(
      `${target}: warning: "${u.surface}" (${u.entityId}) at ${u.briefingId}/${u.sectionId}:${u.start} is not tagged`
    )
  }
  io.out(`${target}: ok (${library.briefings.length} briefings, ${library.entities.size} entities)`)
  return 0
}

async function loadDatasetFile(file: string): Promise<Library> {
  const { dataset, problems } = parseDatasetFile(await readFile(file, 'utf8'), file)
  if (!dataset) throw new DatasetLoadError(problems)
  return { entities: new Map(dataset.entities.map((e) => [e.id, e])), briefings: dataset.briefings }
}

async function list(args: CliArgs, io: Output): Promise<number> {
  const briefings = await withServices(args, async (s) => listBriefings(s.library, s.imported))
  if (args.json) io.out(JSON.stringify(briefings, null, 2))
  else {
    for (const b of briefings) {
      io.out(`${b.id}\t${b.published}\t${b.title} (${b.source}; ${b.sectionCount} sections)`)
    }
  }
  return 0
}

async function show(args: CliArgs, io: Output): Promise<number> {
  const id = args.positionals[0]
  if (!id) throw new UsageError('show needs a briefing id (see `list`)')
  const briefing = await withServices(args, async (s) => getBriefing(s.library, id))
  if (args.json) {
    io.out(JSON.stringify(briefing, null, 2))
    return 0
  }
  const names = new Map(briefing.entities.map((e) => [e.id, e]))
  io.out(`${briefing.title}\n${briefing.source}, ${briefing.published}\n`)
  for (const section of briefing.sections) {
    io.out(`## ${section.heading}  [${section.id}]  tags: ${section.tags.join(', ')}\n`)
    io.out(`${section.text}\n`)
    for (const m of section.mentions) {
      const entity = names.get(m.entity)
      io.out(
        `  ${m.start}-${m.end}  "${m.text}" → ${entity?.name ?? m.entity} (${entity?.kind ?? '?'})`
      )
    }
    io.out('')
  }
  return 0
}

async function search(args: CliArgs, io: Output): Promise<number> {
  const query = args.positionals.join(' ')
  if (!query.trim()) throw new UsageError('search needs a query, e.g. search "Kishida"')
  // A one-off search waits for the whole library to be indexed (the app answers as it goes).
  const response = await withServices(args, async (s) => {
    await Promise.all([s.search.sync(), s.annotationSearch.whenIndexed?.()])
    return searchAll(s, { query, limit: args.limit ?? 20 })
  })
  if (args.json) {
    io.out(JSON.stringify(response, null, 2))
    return 0
  }
  io.out(`${response.total} hit${response.total === 1 ? '' : 's'} for ${JSON.stringify(query)}`)
  for (const hit of response.hits) {
    const snippet = hit.snippet.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')
    io.out(
      `\n${hit.briefingTitle} › ${hit.heading}  (${hit.briefingId}/${hit.sectionId}, score ${hit.score.toFixed(2)})`
    )
    io.out(`  ${snippet.replace(/\s+/g, ' ')}`)
  }
  return 0
}

/** Maps a thrown error to a message for stderr and an exit code. */
export function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: `${error.message}\n\n${USAGE}`, code: 2 }
  if (error instanceof AppError) return { message: error.message, code: 1 }
  if (error instanceof Error) return { message: error.message, code: 1 }
  return { message: String(error), code: 1 }
}
