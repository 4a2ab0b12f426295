import { describe, expect, it } from 'vitest'

import { validatePreferencesUpdate } from './annotation-requests'
import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, clampPanelWidth } from './panel-layout'

describe('side panel layout', () => {
  it('keeps widths whole and within the limits', () => {
    expect(clampPanelWidth(10)).toBe(PANEL_MIN_WIDTH)
    expect(clampPanelWidth(5000)).toBe(PANEL_MAX_WIDTH)
    expect(clampPanelWidth(333.6)).toBe(334)
  })

  it('lets the renderer change width and collapsed only within the limits', () => {
    expect(validatePreferencesUpdate({ panel: { width: 400, collapsed: true } }).ok).toBe(true)
    expect(validatePreferencesUpdate({ panel: { collapsed: false } }).ok).toBe(true)
    expect(validatePreferencesUpdate({ panel: { width: PANEL_MAX_WIDTH + 1 } }).ok).toBe(false)
    expect(validatePreferencesUpdate({ panel: { width: 300.5 } }).ok).toBe(false)
    expect(validatePreferencesUpdate({ panel: { width: 300, side: 'left' } }).ok).toBe(false)
  })
})
