// The annotation change validator holds note bodies and highlight notes to the note limits, with a
// message naming the field and the limit.

import { describe, expect, it } from 'vitest'

import { validateChangeRequest } from './annotation-requests'
import { DEEP_QUOTE_NOTE, LINK_OPENERS_NOTE } from '../test-support/hostile-markdown'

const create = (body: string) => ({
  briefingId: 'b1',
  change: { op: 'note.create', target: { kind: 'briefing' }, body }
})

describe('validateChangeRequest and the note limits', () => {
  it('refuses the hostile notes at IPC, saying why', () => {
    expect(validateChangeRequest(create(DEEP_QUOTE_NOTE))).toEqual({
      ok: false,
      message:
        'request.change.body: the note nests quotes and lists 33,000 levels deep; at most 32 levels are allowed'
    })
    expect(
      validateChangeRequest({
        briefingId: 'b1',
        change: { op: 'highlight.update', id: 'h1', note: LINK_OPENERS_NOTE }
      })
    ).toMatchObject({ ok: false, message: expect.stringMatching(/^request\.change\.note: .*"\("/) })
  })

  it('accepts ordinary notes and keeps the size message', () => {
    expect(validateChangeRequest(create('> quoted\n\n- [a](https://x.example)'))).toMatchObject({
      ok: true
    })
    expect(validateChangeRequest(create('a'.repeat(100_001)))).toMatchObject({
      message: 'request.change.body: expected Markdown text of at most 100,000 characters'
    })
  })
})
