// Runs a CLI command in this process as `npm run cli` would, collecting what it prints and the
// exit code it would end with (failures described as main.ts describes them).

import { parseArgs } from '../main/cli/args'
import { describeFailure, runCommand } from '../main/cli/commands'

export interface CliRun {
  code: number
  out: string
  err: string
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }
  let code: number
  try {
    code = await runCommand(parseArgs(argv), io)
  } catch (error) {
    const failure = describeFailure(error)
    err.push(failure.message)
    code = failure.code
  }
  return { code, out: out.join('\n'), err: err.join('\n') }
}
