// Tag entry rules for the chips input, matching what main accepts (1–60 characters, no commas,
// "#" or line breaks, not starting with a space). Pure.

export const MAX_TAG_LENGTH = 60
export const MAX_TAGS = 50

/** The tag typed in `input` (trimmed, a leading "#" dropped), or an error for the analyst. */
export function parseTag(input: string): { tag: string } | { error: string } {
  const tag = input.trim().replace(/^#+/, '').trim()
  if (tag === '') return { error: 'Type a tag first.' }
  if (tag.length > MAX_TAG_LENGTH)
    return { error: `Tags are at most ${MAX_TAG_LENGTH} characters.` }
  if (/[,#\n]/.test(tag)) return { error: 'Tags cannot contain commas, “#” or line breaks.' }
  return { tag }
}

/** `tags` with `tag` added (case-insensitive duplicates are not added). */
export function addTag(tags: readonly string[], tag: string): string[] {
  const lower = tag.toLocaleLowerCase()
  return tags.some((t) => t.toLocaleLowerCase() === lower) ? [...tags] : [...tags, tag]
}
