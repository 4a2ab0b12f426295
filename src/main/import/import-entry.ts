// Entry of the import process: serves the import jobs (parsing files, proposing entities) to the
// parent, off its thread. No Electron module.

import { parentPort, serve } from '../background/serve'
import { installProcessLogger } from '../log/log'
import { importJobs } from './import-jobs'

installProcessLogger('import')
serve(parentPort(), importJobs)
