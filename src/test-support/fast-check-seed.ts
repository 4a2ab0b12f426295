// Property tests run on one fixed seed so that `npm test` gives the same answer on every run
// (CI lands nothing on a red run); `FC_SEED=random npm run test:unit` or `FC_SEED=<n>` explores.
import fc from 'fast-check'

/** The seed every property test uses unless FC_SEED says otherwise. */
export const DEFAULT_FC_SEED = 20261204

export function propertySeed(env: string | undefined): number | undefined {
  if (env === 'random') return undefined
  if (env === undefined || env === '') return DEFAULT_FC_SEED
  const seed = Number(env)
  if (!Number.isInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not "${env}"`)
  return seed
}

const seed = propertySeed(process.env.FC_SEED)
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed })
