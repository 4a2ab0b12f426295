// The process boundaries (and test-only code staying out of production) are enforced by lint:
// this pins that the rules really fire.
import { resolve } from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: ROOT })

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.ruleId === 'no-restricted-imports' ||
        m.ruleId === '@typescript-eslint/no-restricted-imports' ||
        m.ruleId === 'no-restricted-globals' ||
        m.ruleId === 'no-restricted-properties' ||
        m.ruleId === 'svelte/no-at-html-tags'
    )
    .map((m) => m.ruleId as string)
}

describe('lint-enforced process boundaries', () => {
  it('src/shared imports no electron, node: or DOM', async () => {
    expect(
      await restrictedImportErrors(
        'src/shared/x.ts',
        "import { app } from 'electron'\nexport const a = app\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/shared/x.ts',
        "import fs from 'node:fs'\nexport const a = fs\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors('src/shared/x.ts', 'export const a = window\n')
    ).toHaveLength(1)
  })
  it('the renderer imports no electron or node:', async () => {
    expect(
      await restrictedImportErrors(
        'src/renderer/src/lib/x.ts',
        "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/renderer/src/lib/x.ts',
        "import path from 'node:path'\nexport const a = path\n"
      )
    ).toHaveLength(1)
  })
  it('the preload imports only electron and src/shared', async () => {
    expect(
      await restrictedImportErrors(
        'src/preload/x.ts',
        "import { ipcRenderer } from 'electron'\nimport { API_METHODS } from '../shared/api-methods'\nexport const a = [ipcRenderer, API_METHODS]\n"
      )
    ).toEqual([])
    expect(
      await restrictedImportErrors(
        'src/preload/x.ts',
        "import fs from 'node:fs'\nexport const a = fs\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/preload/x.ts',
        "import { startCore } from './app-core'\nexport const a = startCore\n"
      )
    ).toHaveLength(1)
  })
  it('main logic outside the shell files does not load electron or electron-store', async () => {
    expect(
      await restrictedImportErrors(
        'src/main/core/x.ts',
        "import { app } from 'electron'\nexport const a = app\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/main/core/x.ts',
        "import Store from 'electron-store'\nexport const a = Store\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/main/core/x.ts',
        "import type { App } from 'electron'\nexport type A = App\n"
      )
    ).toEqual([])
  })
  it('production code never imports src/test-support; tests and test-support may', async () => {
    const importFixture =
      "import { fixture } from '../../test-support/dataset'\nexport const a = fixture\n"
    for (const file of [
      'src/main/search/x.ts',
      'src/main/index.ts',
      'src/shared/anchoring/x.ts',
      'src/renderer/src/lib/x.ts'
    ]) {
      expect(await restrictedImportErrors(file, importFixture), file).toHaveLength(1)
    }
    expect(
      await restrictedImportErrors(
        'src/main/x.ts',
        "import { fixture } from '../test-support'\nexport const a = fixture\n"
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/renderer/src/components/X.svelte',
        '<script lang="ts">\n  import { fixture } from \'../../../test-support/dataset\'\n  const a = fixture\n</script>\n\n{a}\n' // check-standalone: not a path
      )
    ).toHaveLength(1)
    expect(await restrictedImportErrors('src/main/search/x.test.ts', importFixture)).toEqual([])
    expect(
      await restrictedImportErrors(
        'src/test-support/x.ts',
        "import { fixture } from './dataset'\nexport const a = fixture\n"
      )
    ).toEqual([])
  })
  it('no raw HTML sinks anywhere in src, and no {@html} in components', async () => {
    expect(
      await restrictedImportErrors(
        'src/renderer/src/lib/x.ts',
        'export function f(el: HTMLElement, t: string) { el.innerHTML = t }\n'
      )
    ).toHaveLength(1)
    expect(
      await restrictedImportErrors(
        'src/renderer/src/components/X.svelte',
        '<script lang="ts">\n  let { t }: { t: string } = $props()\n</script>\n\n{@html t}\n'
      )
    ).toHaveLength(1)
  })

  it('src/main folders are layers: a lower one imports no higher one, none the wiring files', async () => {
    const importing = (specifier: string) =>
      `import { x } from '${specifier}'\nexport const a = x\n`
    const refused = [
      ['src/main/library/x.ts', '../search/search-all'],
      ['src/main/annotations/store/x.ts', '../../import/import-service'], // check-standalone: not a path
      ['src/main/search/x.ts', '../app-core'],
      ['src/main/fs/x.ts', '../log/log'],
      ['src/main/export/x.ts', '../import/import-service'],
      ['src/main/import/x.ts', '../cli/commands']
    ]
    for (const [file, specifier] of refused) {
      expect(await restrictedImportErrors(file!, importing(specifier!)), specifier).toHaveLength(1)
    }
    const allowed = [
      ['src/main/import/x.ts', '../annotations/annotation-service'],
      ['src/main/annotations/store/x.ts', '../../fs/atomic-write'], // check-standalone: not a path
      ['src/main/search/x.ts', '../errors'],
      ['src/main/search/x.test.ts', '../app-core']
    ]
    for (const [file, specifier] of allowed) {
      expect(await restrictedImportErrors(file!, importing(specifier!)), specifier).toEqual([])
    }
    // Inside a layer, only the Electron shell files still load Electron.
    expect(
      await restrictedImportErrors(
        'src/main/search/x.ts',
        "import { app } from 'electron'\nexport const a = app\n"
      )
    ).toHaveLength(1)
  })
})
