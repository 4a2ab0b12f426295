// That every test file runs on the fixed seed through vitest's setupFiles: this file does not
// import fast-check-seed.ts itself (vitest isolates each file's modules), so only the setup can
// have set it.
import fc from 'fast-check'
import { expect, it } from 'vitest'

it('property tests run on the fixed seed unless FC_SEED says otherwise', () => {
  const env = process.env.FC_SEED
  if (env === 'random') return
  expect(fc.readConfigureGlobal().seed).toBe(env ? Number(env) : 20261204)
  const draw = (): number[] => fc.sample(fc.nat(), 5)
  expect(draw()).toEqual(draw())
})
