// Main-process code is tested on the Node major Electron embeds: the devDependency `node` puts
// that Node first on the PATH of npm scripts (and npx), so vitest and its workers run on it.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

describe('the Node the tests run on', () => {
  it('is the major of the `node` devDependency (Electron’s), not the machine’s', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
    const wanted = pkg.devDependencies['node']!.split('.')[0]
    expect(process.versions.node.split('.')[0]).toBe(wanted)
  })
})
