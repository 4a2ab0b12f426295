// Entry of the import process: serves the import jobs (parsing files, proposing entities) to the
// parent, off its thread. No Electron module.

import { parentPort, serve } from '../background/serve'
import { importJobs } from './import-jobs'

serve(parentPort(), importJobs)
