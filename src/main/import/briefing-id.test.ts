// Imported briefings' ids: whatever the file's id and title, the id chosen satisfies the
// briefing-id rule and is not taken.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { isBriefingId } from '../../shared/ids'
import { importedBriefingId } from './briefing-id'

describe('importedBriefingId', () => {
  it("keeps a dataset file's own id when it is free", () => {
    expect(importedBriefingId('harbour-talks', 'Harbour Talks', new Set())).toBe('harbour-talks')
  })

  it('falls back to the title when the own id is taken or missing, then numbers it', () => {
    const taken = new Set(['harbour-talks', 'harbour-talks-at-osaka'])
    expect(importedBriefingId('harbour-talks', 'Harbour talks at Osaka', taken)).toBe(
      'harbour-talks-at-osaka-2'
    )
    expect(importedBriefingId(undefined, 'Ünïcode — Talks!', new Set())).toBe('unicode-talks')
  })

  it('never names a Windows device or nothing', () => {
    expect(importedBriefingId(undefined, 'CON', new Set())).toBe('con-briefing')
    expect(importedBriefingId(undefined, '東京会談', new Set())).toBe('briefing')
  })

  it('always gives a new id that satisfies the rule', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.stringMatching(/^[a-z0-9-]{0,140}$/),
      fc.constantFrom('con', 'LPT1', '---', 'a--b', 'x'.repeat(200))
    )
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), text, fc.array(text), (own, title, used) => {
        const taken = new Set(used)
        // Also take whatever the title alone would give, to force the numbered suffix.
        taken.add(importedBriefingId(undefined, title, new Set()))
        const id = importedBriefingId(own, title, taken)
        expect(isBriefingId(id)).toBe(true)
        expect(taken.has(id)).toBe(false)
      })
    )
  })
})
