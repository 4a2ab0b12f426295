// Renders build/icon.svg (the app icon's source) to the PNGs the installers need: build/icon.png
// (1024 px; electron-builder derives the Windows .ico and macOS .icns from it) and build/icons/
// (every size Linux desktops ask for). Run after editing the SVG: npx tsx scripts/render-icons.ts

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { chromium } from '@playwright/test'

import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium'

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const BUILD = join(import.meta.dirname, '..', 'build')

async function render(): Promise<void> {
  const svg = readFileSync(join(BUILD, 'icon.svg'), 'utf8')
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS
  })
  try {
    mkdirSync(join(BUILD, 'icons'), { recursive: true })
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } })
      const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`)
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`
      )
      const png = await page.screenshot({ omitBackground: true })
      writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), png)
      if (size === 1024) writeFileSync(join(BUILD, 'icon.png'), png)
      await page.close()
    }
  } finally {
    await browser.close()
  }
}

if (process.argv[1] === import.meta.filename) await render()
