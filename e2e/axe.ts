// axe-core on the page as it stands, through @axe-core/playwright: WCAG 2.0/2.1/2.2 A and AA plus
// best practice. A spec fails on any violation of impact serious or critical, and its message has
// one line per element (screen, rule, target, axe's summary), so it says what to fix and where.
import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

const BLOCKING = new Set(['serious', 'critical'])

/** The serious and critical violations on the page now, as `screen: rule @ target — summary`. */
export async function axeViolations(page: Page, screen: string): Promise<string[]> {
  // Colours are measured as drawn: let transitions and finite animations (a flash) end first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined))
    )
  )
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map((node) => {
        const summary = (node.failureSummary ?? v.help).replace(/\s+/g, ' ')
        return `${screen}: ${v.id} (${v.impact}) @ ${node.target.join(' ')} — ${summary}`
      })
    )
}

/** Fails the spec, listing every serious or critical violation on `screen`. */
export async function expectAxeClean(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page, screen), `axe violations on ${screen}`).toEqual([])
}

/** The texts of the page's visible h1 elements (a proper outline has exactly one). */
export function headingOnes(page: Page): Promise<string[]> {
  return page.locator('h1:visible').allTextContents()
}
