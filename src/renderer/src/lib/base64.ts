// Base64 encoding of a file's bytes for the import channel, in chunks: spreading a large array into
// String.fromCharCode would overflow the stack, and one huge intermediate string wastes memory.

/** Bytes per chunk: a multiple of 3, so no chunk but the last is padded. */
const CHUNK = 3 * 8192

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK)
    let binary = ''
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i]!)
    parts.push(btoa(binary))
  }
  return parts.join('')
}
