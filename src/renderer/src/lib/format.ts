// Display helpers shared by components: dates, times, counts and entity-kind labels.

import type { EntityKind } from '../../../shared/dataset'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
})

/** "2024-03-09" → "9 March 2024"; anything unparseable is returned as given. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit'
})

/** An ISO timestamp in local time ("9 Mar 2024, 14:05"); anything unparseable as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date)
}

const shortDateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit'
})

/** Like formatDateTime, without the year when it is this year ("9 Mar, 14:05"). */
export function formatShortDateTime(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.getFullYear() === now.getFullYear()
    ? shortDateTimeFormat.format(date)
    : dateTimeFormat.format(date)
}

/** "1 section", "3 sections". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`
}

/** A tag id as shown on a chip: "indo-pacific" → "indo pacific". */
export function tagLabel(tag: string): string {
  return tag.replaceAll('-', ' ')
}

export const KIND_LABELS: Record<EntityKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  place: { one: 'Place', many: 'Places' },
  programme: { one: 'Programme', many: 'Programmes' }
}
