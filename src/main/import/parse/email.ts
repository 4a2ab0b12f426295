// Reads an e-mail file (.eml, MIME) with mailparser: the subject as title, the sender as source,
// the date as written in its header, the body (HTML preferred) through the HTML importer, and the
// attachments handed back for the caller to import as briefings of their own.

import { parseDate } from './dates'
import { quoteName } from './file-name'
import { parseHtml } from './html'
import type { ImportFailure, ParsedDocument } from './types'
import { describeError } from '../../errors'

/** An attached file, as the e-mail carries it. */
export interface MailAttachment {
  name: string
  bytes: Uint8Array
}

export interface ParsedEmail {
  document: ParsedDocument
  /** The e-mail's subject (as the title) and sender, to name it in its attachments' source. */
  subject: string
  sender?: string
  attachments: MailAttachment[]
}

/** "Re:", "Fwd:", "FW:", "AW:", "WG:" in front of a subject: replies and forwards, not the topic. */
const REPLY_PREFIX = /^\s*((re|fwd?|aw|wg|tr)\s*:\s*)+/i
/** The day, month and year of a Date header as written ("Tue, 18 Jun 2024 09:30:00 +0800"). */
const HEADER_DATE = /(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})/i

/**
 * Parses an e-mail, all or nothing. Refused with a message naming the file: no e-mail headers
 * (From, Subject or Date), or a message mailparser cannot read. Pictures embedded in the body
 * and attachments inside the body (cid: parts) are not kept as attachments.
 */
export async function parseEmail(
  name: string,
  bytes: Uint8Array
): Promise<ParsedEmail | ImportFailure> {
  const shown = quoteName(name)
  const { simpleParser } = await import('mailparser')
  let mail: Awaited<ReturnType<typeof simpleParser>>
  try {
    mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      // Pictures in the body stay cid: links (never turned into data in the page).
      skipImageLinks: true,
      skipTextLinks: true
    })
  } catch (error) {
    const why = describeError(error)
    return { error: `${shown} could not be read as an e-mail: ${why}` }
  }
  const hasHeaders = ['from', 'subject', 'date'].some((header) => mail.headers.has(header))
  if (!hasHeaders) {
    return { error: `${shown} is not an e-mail: it has no From, Subject or Date header.` }
  }
  const body = mail.html || mail.textAsHtml || ''
  const document: ParsedDocument =
    body.trim() === ''
      ? { lead: [], sections: [] }
      : parseHtml(`<!doctype html><html><body>${body}</body></html>`, name)
  const subject = (mail.subject ?? '').replace(REPLY_PREFIX, '').trim()
  if (subject !== '') document.title = subject
  else delete document.title
  const sender = senderOf(mail.from?.value[0])
  if (sender) document.source = sender
  else delete document.source
  const published = headerDate(mail.headerLines)
  if (published) document.published = published
  else delete document.published
  const attachments = mail.attachments
    .filter((attachment) => !attachment.related && attachment.filename)
    .map((attachment) => ({
      name: attachment.filename as string,
      bytes: new Uint8Array(attachment.content)
    }))
  return { document, subject: subject || name, sender, attachments }
}

/** "Maria Santos <m.santos@example.org>", or the address alone when the sender gives no name. */
function senderOf(from: { name?: string; address?: string } | undefined): string | undefined {
  const name = from?.name?.trim()
  const address = from?.address?.trim()
  if (name && address) return `${name} <${address}>`
  return name || address || undefined
}

/** The Date header's day as written (its own time zone), not converted to UTC. */
function headerDate(lines: readonly { key: string; line: string }[]): string | undefined {
  const line = lines.find((header) => header.key === 'date')?.line ?? ''
  const match = HEADER_DATE.exec(line)
  return match ? parseDate(`${match[1]} ${match[2]} ${match[3]}`) : undefined
}
