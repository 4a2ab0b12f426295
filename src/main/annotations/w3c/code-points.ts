// Offsets in Unicode code points (what W3C TextPositionSelector counts) ↔ UTF-16 code units (what
// JavaScript strings and our stored selectors count), measured on a given text.

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff

/**
 * The code-point offset of UTF-16 offset `u` in `text`: the number of code points that start
 * before `u`. An offset inside a surrogate pair counts that pair (it rounds up). Offsets past the
 * end continue one for one, so positions on a longer, older text still convert both ways.
 */
export function utf16ToCodePoint(text: string, u: number): number {
  const limit = Math.min(u, text.length)
  let cp = 0
  for (let i = 0; i < limit; i++) {
    const unit = text.charCodeAt(i)
    if (isHigh(unit) && isLow(text.charCodeAt(i + 1))) i++
    cp++
  }
  return cp + Math.max(0, u - text.length)
}

/**
 * The UTF-16 offset of code-point offset `cp` in `text` (the inverse of utf16ToCodePoint for
 * offsets on code-point boundaries). Offsets past the end continue one for one.
 */
export function codePointToUtf16(text: string, cp: number): number {
  let u = 0
  let seen = 0
  while (seen < cp && u < text.length) {
    const unit = text.charCodeAt(u)
    u += isHigh(unit) && isLow(text.charCodeAt(u + 1)) ? 2 : 1
    seen++
  }
  return u + (cp - seen)
}
