// Checks a schema-valid dataset file for what JSON Schema cannot express: unique ids, mentions that
// cite known entities and cut exactly their text, sorted non-overlapping mentions, canonical text
// (per block kind when a version 2 section has blocks).

import type { DatasetFile, Section } from '../../shared/dataset'
import { blockProblems } from '../../shared/blocks'
import { firstNonNfcOffset, isCanonicalText } from '../../shared/canonical-text'
import { childPath, type DatasetProblem } from './problems'

/** Semantic problems of a dataset file that already satisfies the schema. */
export function semanticProblems(data: DatasetFile, file: string): DatasetProblem[] {
  const problems: DatasetProblem[] = []
  const report = (path: string, message: string): void => {
    problems.push({ file, path, message })
  }

  const entityIds = checkUnique(
    data.entities.map((entity) => entity.id),
    '$.entities',
    'entity',
    report
  )
  checkUnique(
    data.briefings.map((briefing) => briefing.id),
    '$.briefings',
    'briefing',
    report
  )
  data.briefings.forEach((briefing, b) => {
    const briefingPath = childPath('$.briefings', b)
    if (!isRealDate(briefing.published)) {
      report(`${briefingPath}.published`, `"${briefing.published}" is not a real calendar date`)
    }
    const sectionsPath = `${briefingPath}.sections`
    checkUnique(
      briefing.sections.map((section) => section.id),
      sectionsPath,
      'section',
      report
    )
    briefing.sections.forEach((section, s) => {
      const sectionPath = childPath(sectionsPath, s)
      if (section.blocks && data.version < 2) {
        report(
          `${sectionPath}.blocks`,
          `blocks need dataset version 2 (this file is version ${data.version})`
        )
      }
      checkSection(section, sectionPath, entityIds, report)
    })
  })
  return problems
}

type Report = (path: string, message: string) => void

/** Reports every repeated id (at the later occurrence) and returns the set of ids. */
function checkUnique(ids: string[], listPath: string, what: string, report: Report): Set<string> {
  const firstIndex = new Map<string, number>()
  ids.forEach((id, i) => {
    const first = firstIndex.get(id)
    if (first === undefined) firstIndex.set(id, i)
    else {
      report(
        `${childPath(listPath, i)}.id`,
        `duplicate ${what} id "${id}" (first used at ${childPath(listPath, first)})`
      )
    }
  })
  return new Set(firstIndex.keys())
}

function checkSection(section: Section, path: string, entityIds: Set<string>, report: Report) {
  const { text } = section
  const nonNfc = firstNonNfcOffset(text)
  if (nonNfc !== -1) {
    report(`${path}.text`, `text is not in Unicode NFC form (first difference at offset ${nonNfc})`)
  } else if (section.blocks) {
    checkBlocks(section, path, report)
  } else if (!isCanonicalText(text)) {
    report(
      `${path}.text`,
      'text is not canonical: paragraphs must be single lines joined by "\\n\\n", ' +
        'with single spaces and no leading or trailing whitespace'
    )
  }

  // `previous` is the mention before this one; `reach` the one ending furthest to the right so far.
  let previous: { start: number; index: number } | undefined
  let reach: { start: number; end: number; index: number } | undefined
  section.mentions.forEach((mention, m) => {
    const mentionPath = childPath(`${path}.mentions`, m)
    const { start, end } = mention
    if (!entityIds.has(mention.entity)) {
      report(`${mentionPath}.entity`, `unknown entity "${mention.entity}" (not in $.entities)`)
    }
    if (end > text.length) {
      report(`${mentionPath}.end`, `end ${end} is past the end of the text (length ${text.length})`)
      return
    }
    if (start >= end) {
      report(`${mentionPath}.end`, `end ${end} must be greater than start ${start}`)
      return
    }
    const cut = text.slice(start, end)
    if (cut !== mention.text) {
      report(
        `${mentionPath}.text`,
        `text ${JSON.stringify(mention.text)} does not match the section text at ` +
          `[${start}, ${end}), which is ${JSON.stringify(cut)}`
      )
    }
    if (previous && start < previous.start) {
      report(
        `${mentionPath}.start`,
        `mentions must be sorted by start: ${start} comes after mentions[${previous.index}] ` +
          `starting at ${previous.start}`
      )
    } else if (reach && start < reach.end) {
      report(
        `${mentionPath}.start`,
        `overlaps mentions[${reach.index}] [${reach.start}, ${reach.end}): mentions must not overlap`
      )
    }
    previous = { start, index: m }
    if (!reach || end > reach.end) reach = { start, end, index: m }
  })
}

/** Block-aware canonical text: each block's own rule (code keeps its lines, table rows tabs). */
function checkBlocks(section: Section, path: string, report: Report): void {
  const blocksPath = `${path}.blocks`
  for (const problem of blockProblems(section.text, section.blocks ?? [])) {
    if (problem.index < 0) report(blocksPath, problem.message)
    else {
      const blockPath = childPath(blocksPath, problem.index)
      report(problem.field ? `${blockPath}.${problem.field}` : blockPath, problem.message)
    }
  }
}

/** True for a YYYY-MM-DD string naming a day that exists (so not 2022-02-30). */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}
