// Entry of `npm run cli`: a headless Briefing Reader on the same core as the desktop app.

import { installProcessLogger } from '../log/log'
import { parseArgs } from './args'
import { describeFailure, runCommand } from './commands'

// The log goes to stderr: warnings and errors, or what BRIEFING_LOG_LEVEL asks for.
installProcessLogger('cli')

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`)
}

try {
  process.exitCode = await runCommand(parseArgs(process.argv.slice(2)), io)
} catch (error) {
  const failure = describeFailure(error)
  io.err(failure.message)
  process.exitCode = failure.code
}
