// Publication dates as files write them, read into YYYY-MM-DD; anything doubtful is left out.

import { describe, expect, it } from 'vitest'

import { parseDate } from './dates'

describe('parseDate', () => {
  it.each([
    ['2022-05-23', '2022-05-23'],
    ['2022-05-23T23:30:00-05:00', '2022-05-23'],
    ['2022/5/3', '2022-05-03'],
    ['23 May 2022', '2022-05-23'],
    ['23rd May, 2022', '2022-05-23'],
    ['Monday, 23 May 2022', '2022-05-23'],
    ['May 23, 2022', '2022-05-23'],
    ['Sept. 1, 2021', '2021-09-01'],
    ['29 Feb 2024', '2024-02-29']
  ])('%j → %s', (text, date) => {
    expect(parseDate(text)).toBe(date)
  })

  it.each([
    '2022-02-30',
    '29 Feb 2023',
    '2022-13-01',
    'May 2022',
    'Ma 1, 2022',
    'yesterday',
    '',
    '0999-01-01'
  ])('refuses %j', (text) => {
    expect(parseDate(text)).toBeUndefined()
  })

  it('reads Date objects in UTC and refuses other values', () => {
    expect(parseDate(new Date(Date.UTC(2022, 4, 23, 23, 59)))).toBe('2022-05-23')
    expect(parseDate(new Date('invalid'))).toBeUndefined()
    expect(parseDate(20220523)).toBeUndefined()
    expect(parseDate(undefined)).toBeUndefined()
  })
})
