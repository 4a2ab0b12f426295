import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { findOutsideReferences } from './check-standalone'

const ROOT = resolve('/repo')
// The sibling folder's name, joined at run time so this file itself names no path outside.
const SHARED = ['shared', 'seed', 'a.txt'].join('/')
const at = (path: string) => resolve(ROOT, path)

describe('findOutsideReferences', () => {
  it('flags a relative path that climbs out of the repository', () => {
    const text = `const SEED = resolve(HERE, '../../../../${SHARED}')`
    const found = findOutsideReferences(at('src/main/x/a.test.ts'), text, ROOT)
    expect(found).toEqual([
      expect.objectContaining({ line: 1, why: 'resolves outside the repository' })
    ])
  })

  it('flags the sibling shared folder named from the repository root', () => {
    const text = `const ROOT = '..'\nconst SEED = resolve(ROOT, '../${SHARED}')`
    const found = findOutsideReferences(at('scripts/build.ts'), text, ROOT)
    expect(found.map((f) => f.line)).toEqual([2])
  })

  it('flags an absolute path to the work folder', () => {
    const found = findOutsideReferences(at('e2e/a.ts'), "read('/work/shared/x')", ROOT)
    expect(found).toHaveLength(1)
  })

  it('skips a line marked as a hostile input, never read', () => {
    const text = "getBriefing({ id: '../../etc/passwd' }) // check-standalone: not a path"
    expect(findOutsideReferences(at('e2e/a.spec.ts'), text, ROOT)).toEqual([])
  })

  it('accepts imports and paths inside the repository', () => {
    const text = [
      "import type { Briefing } from '../../shared/dataset'",
      "const DATA = resolve(HERE, '../../../resources/dataset')",
      "import { SEED_PATH } from '../../test-support/fixtures'"
    ].join('\n')
    expect(findOutsideReferences(at('src/main/dataset/a.test.ts'), text, ROOT)).toEqual([])
  })
})
