// Command-line parsing for the headless CLI: one command, positional arguments and flags.

export interface CliArgs {
  command: string | undefined
  positionals: string[]
  dataset: string | undefined
  profile: string | undefined
  json: boolean
  limit: number | undefined
  help: boolean
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--dataset', '--profile', '--limit'])

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: undefined,
    positionals: [],
    dataset: undefined,
    profile: undefined,
    json: false,
    limit: undefined,
    help: false
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] = arg.startsWith('--') ? splitFlag(arg) : [arg, undefined]
    if (flag === '--json') args.json = true
    else if (flag === '--help' || flag === '-h') args.help = true
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i]
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`)
      if (flag === '--dataset') args.dataset = value
      else if (flag === '--profile') args.profile = value
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

Options:
  --dataset <dir>    dataset folder (default: the bundled one)
  --profile <dir>    user-data folder (default: the desktop app's)
  --json             machine-readable output
  -h, --help         this help`
