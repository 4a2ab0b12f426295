// The installers' icons are present at every size the targets ask for, rendered from build/icon.svg.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { ICON_SIZES } from './render-icons'

const BUILD = join(import.meta.dirname, '..', 'build')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('app icons (build/)', () => {
  it.each(ICON_SIZES)('build/icons/%ix%i.png is that size', (size) => {
    expect(pngSize(join(BUILD, 'icons', `${size}x${size}.png`))).toEqual({
      width: size,
      height: size
    })
  })

  it('build/icon.png is 1024 px: large enough for macOS (.icns needs 512+) and Windows (.ico 256)', () => {
    expect(pngSize(join(BUILD, 'icon.png'))).toEqual({ width: 1024, height: 1024 })
  })
})
