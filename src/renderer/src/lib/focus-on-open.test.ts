// When the focus goes to what was opened: a section's heading only once the reader pane has
// rendered it, which after a jump takes a few frames.

import { describe, expect, it } from 'vitest'

import { focusDue } from './focus-on-open'

const current = { id: 's40', index: 40 }

describe('focusDue', () => {
  it('waits for the pane to render the opened section, then lets the focus go', () => {
    const request = { to: 'section' as const, sectionId: 's40' }
    // The window still around where the pane was before the jump, then growing towards it.
    expect(focusDue(request, current, { start: 0, end: 6 })).toBe(false)
    expect(focusDue(request, current, { start: 38, end: 40 })).toBe(false)
    expect(focusDue(request, current, { start: 38, end: 41 })).toBe(true)
    expect(focusDue(request, current, { start: 40, end: 43 })).toBe(true)
    expect(focusDue(request, current, { start: 41, end: 44 })).toBe(false)
  })

  it('waits for the reader to move to the section asked for', () => {
    const request = { to: 'section' as const, sectionId: 's41' }
    expect(focusDue(request, current, { start: 38, end: 44 })).toBe(false)
    expect(focusDue(request, { id: 's41', index: 41 }, { start: 38, end: 44 })).toBe(true)
  })

  it('focuses the title of an opened briefing without waiting for its sections', () => {
    expect(focusDue({ to: 'briefing' }, current, { start: 0, end: 0 })).toBe(true)
  })

  it('takes a section request without an id as the current section', () => {
    const request = { to: 'section' as const }
    expect(focusDue(request, current, { start: 0, end: 0 })).toBe(false)
    expect(focusDue(request, current, { start: 39, end: 42 })).toBe(true)
  })
})
