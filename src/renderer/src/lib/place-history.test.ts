import { describe, expect, it } from 'vitest'

import { PlaceHistory } from './place-history'

const A1 = { briefingId: 'a', sectionId: '1' }
const A2 = { briefingId: 'a', sectionId: '2' }
const B1 = { briefingId: 'b', sectionId: '1' }

describe('place history', () => {
  it('goes back and forward between places visited', () => {
    const history = new PlaceHistory()
    history.visit(A1)
    history.visit(A2)
    history.visit(B1)
    expect(history.back()).toEqual(A2)
    expect(history.back()).toEqual(A1)
    expect(history.back()).toBeNull()
    expect(history.current).toEqual(A1)
    expect(history.forward()).toEqual(A2)
    expect(history.forward()).toEqual(B1)
    expect(history.forward()).toBeNull()
  })
  it('does not count arriving at the current place again', () => {
    const history = new PlaceHistory()
    history.visit(A1)
    history.visit(A2)
    history.back()
    history.visit({ ...A1 })
    expect(history.canGoForward).toBe(true)
    expect(history.forward()).toEqual(A2)
  })
  it('drops the places ahead when going somewhere new after going back', () => {
    const history = new PlaceHistory()
    history.visit(A1)
    history.visit(A2)
    history.back()
    history.visit(B1)
    expect(history.canGoForward).toBe(false)
    expect(history.back()).toEqual(A1)
    expect(history.forward()).toEqual(B1)
  })
  it('keeps the last 200 places', () => {
    const history = new PlaceHistory()
    for (let i = 0; i < 250; i++) history.visit({ briefingId: 'a', sectionId: String(i) })
    let steps = 0
    while (history.back()) steps++
    expect(steps).toBe(199)
    expect(history.current?.sectionId).toBe('50')
  })
})
