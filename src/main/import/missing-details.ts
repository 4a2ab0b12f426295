// Which details (title, source, date) a parsed file did not give, so that toBriefing filled them
// in with defaults (first heading or file name, "Unknown source", the import date): the app asks
// the analyst for them after the import.

import type { BriefingDetail } from '../../shared/import-requests'
import { parseDate } from './parse/dates'
import type { ParsedDocument } from './parse/types'

/** The details `doc` lacks, in form order. */
export function missingDetails(doc: ParsedDocument): BriefingDetail[] {
  const missing: BriefingDetail[] = []
  if (!doc.title?.trim()) missing.push('title')
  if (!doc.source?.trim()) missing.push('source')
  if (!parseDate(doc.published ?? '')) missing.push('published')
  return missing
}
