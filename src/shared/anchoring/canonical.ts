// Canonical form of section text, the text every selector is measured on: NFC, with CRLF and
// lone CR folded to "\n". Offsets are only comparable between texts in this form.

/** Return `s` in canonical form: newlines as "\n" (from CRLF or CR), then Unicode NFC. */
export function canonicalText(s: string): string {
  return s.replace(/\r\n?/g, '\n').normalize('NFC')
}
