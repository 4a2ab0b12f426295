import { describe, expect, it } from 'vitest'

import { int, object, str, union, validator } from './schema'

const NAME = str({ max: 10 })

describe('object(): fields are own properties only', () => {
  const check = validator(object({ name: NAME }, ['name']))

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses a field named %s, which every object inherits',
    (key) => {
      // JSON.parse makes "__proto__" an own property, as a request from the renderer would.
      const input = JSON.parse(`{"${key}": 1}`)
      expect(check(input)).toEqual({
        ok: false,
        message: `request: unexpected field "${key}"`
      })
    }
  )

  it('does not take an inherited property for a required field', () => {
    const required = validator(object({ toString: int(0, 5) }))
    expect(required({})).toEqual({
      ok: false,
      message: 'request.toString: expected a value (it is missing)'
    })
  })

  it('still accepts its own fields', () => {
    expect(check({ name: 'ok' })).toEqual({ ok: true, value: { name: 'ok' } })
  })
})

describe('union(): variants are own properties only', () => {
  const check = validator(union('op', { rename: object({ op: str({ max: 10 }), name: NAME }) }))

  it.each(['constructor', 'toString', '__proto__'])('refuses the op %s', (op) => {
    expect(check({ op, name: 'x' })).toEqual({
      ok: false,
      message: 'request.op: expected one of rename'
    })
  })
})
