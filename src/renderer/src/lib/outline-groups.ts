// The outline of a long briefing in groups of consecutive sections: the unit it is laid out,
// styled and built in (Outline.svelte), so thousands of sections never cost one long task.

/** Sections per group: small enough to build in a few milliseconds, few enough groups to observe. */
export const OUTLINE_GROUP_SIZE = 100

export interface OutlineGroup {
  start: number
  end: number
}

/** Sections [0, count) in consecutive groups of at most `size`. */
export function outlineGroups(count: number, size = OUTLINE_GROUP_SIZE): OutlineGroup[] {
  const groups: OutlineGroup[] = []
  for (let start = 0; start < count; start += size) {
    groups.push({ start, end: Math.min(count, start + size) })
  }
  return groups
}
