// Command-line parsing for the headless CLI: one command, positional arguments and flags.

import type { EntityKind } from '../../shared/dataset'
import { ENTITY_KINDS } from '../../shared/dataset'

export interface CliArgs {
  command: string | undefined
  positionals: string[]
  dataset: string | undefined
  profile: string | undefined
  json: boolean
  limit: number | undefined
  help: boolean
  /** --briefing, repeatable (export). */
  briefings: string[]
  format: 'md' | 'w3c' | 'bundle'
  groupBy: 'section' | 'color'
  /** --out file, folder or "-" for standard output (export). */
  out: string | undefined
  /** --replace: an import matching a briefing by title and source replaces it (import). */
  replace: boolean
  /** --kind (entities accept/reject: all proposals of a kind; accept --as: the new kind). */
  kind: EntityKind | undefined
  /** --as <name>: the name an accepted proposal takes (entities accept). */
  as: string | undefined
  /** --rest: every proposal not named (entities reject --rest). */
  rest: boolean
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set([
  '--dataset',
  '--profile',
  '--limit',
  '--briefing',
  '--format',
  '--group-by',
  '--out',
  '--kind',
  '--as'
])

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: undefined,
    positionals: [],
    dataset: undefined,
    profile: undefined,
    json: false,
    limit: undefined,
    help: false,
    briefings: [],
    format: 'md',
    groupBy: 'section',
    out: undefined,
    replace: false,
    kind: undefined,
    as: undefined,
    rest: false
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] = arg.startsWith('--') ? splitFlag(arg) : [arg, undefined]
    if (flag === '--json') args.json = true
    else if (flag === '--replace') args.replace = true
    else if (flag === '--rest') args.rest = true
    else if (flag === '--help' || flag === '-h') args.help = true
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`)
      if (flag === '--dataset') args.dataset = value
      else if (flag === '--profile') args.profile = value
      else if (flag === '--briefing') args.briefings.push(value)
      else if (flag === '--out') args.out = value
      else if (flag === '--as') args.as = value
      else if (flag === '--kind') args.kind = oneOf(flag, value, ENTITY_KINDS)
      else if (flag === '--format')
        args.format = oneOf(flag, value, ['md', 'w3c', 'bundle'] as const)
      else if (flag === '--group-by')
        args.groupBy = oneOf(flag, value, ['section', 'color'] as const)
      else args.limit = parseLimit(value)
    } else if (flag === '--') {
      args.positionals.push(...argv.slice(i + 1))
      break
    } else if (flag.startsWith('-') && flag.length > 1)
      throw new UsageError(`unknown option ${flag}`)
    else if (args.command === undefined) args.command = arg
    else args.positionals.push(arg)
  }
  return args
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=')
  return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)]
}

function oneOf<const T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`)
}

function parseLimit(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 200) {
    throw new UsageError(`--limit must be a whole number from 1 to 200, not "${value}"`)
  }
  return n
}

export const USAGE = `Briefing Reader CLI

Usage: npm run cli -- <command> [options]

Commands:
  validate <dataset file or folder>   check a dataset; exit 1 with every problem listed
  list [--json]                        list the briefings in the library
  show <briefing-id> [--json]          sections with headings, text and entity annotations
  search "<query>" [--json] [--limit N]
                                       full-text search (fields: briefing, heading, body,
                                       person, org, place, programme, tag; e.g. person:kishida)
  export [--briefing <id>]... [--format md|w3c] [--group-by section|color] [--out <file>|<dir>|-]
                                       export highlights and notes (all briefings with notes when
                                       no --briefing; one file per briefing when --out is a folder)
  export --format bundle [--out <file>|<dir>|-]
                                       library backup: imported briefings and every annotation
  import-annotations <file>            import a W3C Web Annotation JSON file or a library backup
                                       into the profile; exit 3 when some of it was not applied
                                       or waits for its briefing, 1 when none of it was
  import <files...> [--replace]        import briefings (.pdf, .docx, .eml, .txt, .md, .html,
                                       dataset .json) into the profile's library (an e-mail's
                                       attachments too); a file with the title and source
                                       of an imported briefing replaces it with --replace (its
                                       highlights re-anchored, the old text kept as a version)
  entities list [<briefing-id>] [--json]
                                       briefings with entities to review, or one briefing's
                                       proposals with their mentions in context
  entities accept <briefing-id> <name>... | --kind <kind> [--rest]
                                       accept proposals as proposed (--kind person|place|
                                       organisation: all of that kind); one name with
                                       --as <name> [--kind <kind>] is renamed
  entities reject <briefing-id> <name>... | --kind <kind> | --rest
                                       reject proposals (--rest: all but the names given)
  entities merge <briefing-id> <name> <entity-id>
                                       the name becomes an alias of a library entity

Options:
  --dataset <dir>    dataset folder (default: the bundled one)
  --profile <dir>    user-data folder (default: the desktop app's)
  --json             machine-readable output
  -h, --help         this help`
