// Reads publication dates as files write them ("2022-05-23", "23 May 2022", "May 23, 2022",
// "2022-05-23T09:30:00+05:30") into the dataset's YYYY-MM-DD form; anything else is left out.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i

/**
 * The date as YYYY-MM-DD if `value` is a real calendar date in one of the forms above (or a Date),
 * else undefined. Times and offsets after an ISO date are ignored: the date is the one written.
 */
export function parseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined
    return format(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim().replace(WEEKDAY, '')
  let match = ISO.exec(text) ?? SLASHED.exec(text)
  if (match) return format(Number(match[1]), Number(match[2]), Number(match[3]))
  match = DAY_MONTH_YEAR.exec(text)
  if (match) return format(Number(match[3]), monthNumber(match[2]), Number(match[1]))
  match = MONTH_DAY_YEAR.exec(text)
  if (match) return format(Number(match[3]), monthNumber(match[1]), Number(match[2]))
  return undefined
}

/** 1–12 for a month name or its three-letter abbreviation ("Sept" too), else 0. */
function monthNumber(name: string | undefined): number {
  const lower = (name ?? '').toLowerCase()
  if (lower === 'sept') return 9
  if (lower.length < 3) return 0
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1
}

/** YYYY-MM-DD if the parts make a real date (no 30 February), else undefined. */
function format(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > last) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
