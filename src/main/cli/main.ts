// Entry of `npm run cli`: a headless Briefing Reader on the same core as the desktop app.

import { parseArgs } from './args'
import { describeFailure, runCommand } from './commands'

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
