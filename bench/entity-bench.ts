// Precision and recall of the entity proposals (and of known-entity tags) on articles annotated by
// hand (fixtures/entity-articles): what the analyst is offered against what the text names.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import type { DatasetFile, Entity } from '../src/shared/dataset'
import { proposeEntities, tagKnownEntities } from '../src/main/import/entity-tagging'
import { BUNDLED_PATH, ENTITY_ARTICLES_DIR } from '../src/test-support/fixtures'

interface GoldEntity {
  name: string
  kind: 'person' | 'place' | 'organisation'
  variants?: string[]
  /** Neither required nor wrong (ships, treaties, known people under another form). */
  optional?: boolean
}

interface Gold {
  /** Ids of the library's entities the text really mentions. */
  known: string[]
  entities: GoldEntity[]
}

export interface ArticleScore {
  article: string
  proposed: number
  correct: number
  /** Correct names proposed with the annotated kind. */
  rightKind: number
  required: number
  found: number
  /** Proposals matching nothing annotated, and required names never proposed. */
  wrong: string[]
  missed: string[]
  tagged: number
  taggedRight: number
  knownInText: number
}

/** Scores every annotated article against the bundled library's entities. */
export function runEntityBenchmark(dir = ENTITY_ARTICLES_DIR): ArticleScore[] {
  const known = (JSON.parse(readFileSync(BUNDLED_PATH, 'utf8')) as DatasetFile).entities
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && name !== 'SOURCE.txt')
    .sort()
    .map((name) => {
      const article = name.slice(0, -'.txt'.length)
      const text = readFileSync(join(dir, name), 'utf8')
      const gold = JSON.parse(readFileSync(join(dir, `${article}.gold.json`), 'utf8')) as Gold
      return score(article, text, gold, known)
    })
}

function score(article: string, text: string, gold: Gold, known: Entity[]): ArticleScore {
  const proposals = proposeEntities(text, known)
  const matched = new Set<GoldEntity>()
  let correct = 0
  let rightKind = 0
  let optional = 0
  const wrong: string[] = []
  for (const proposal of proposals) {
    const entity = gold.entities.find(
      (e) => e.name === proposal.name || (e.variants ?? []).includes(proposal.name)
    )
    if (!entity || (matched.has(entity) && !entity.optional)) wrong.push(proposal.name)
    else if (entity.optional) optional++
    else {
      matched.add(entity)
      correct++
      if (entity.kind === proposal.kind) rightKind++
    }
  }
  const required = gold.entities.filter((e) => !e.optional)
  const tagged = new Set(tagKnownEntities(text, known).map((m) => m.entity))
  return {
    article,
    proposed: proposals.length - optional,
    correct,
    rightKind,
    required: required.length,
    found: matched.size,
    wrong,
    missed: required.filter((e) => !matched.has(e)).map((e) => e.name),
    tagged: tagged.size,
    taggedRight: [...tagged].filter((id) => gold.known.includes(id)).length,
    knownInText: gold.known.length
  }
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(0)}%`

/** The results.md table: one row per article and the totals (micro-averaged). */
export function entityBenchLines(scores: ArticleScore[]): string[] {
  const total = scores.reduce(
    (sum, s) => ({
      ...sum,
      proposed: sum.proposed + s.proposed,
      correct: sum.correct + s.correct,
      rightKind: sum.rightKind + s.rightKind,
      required: sum.required + s.required,
      found: sum.found + s.found,
      tagged: sum.tagged + s.tagged,
      taggedRight: sum.taggedRight + s.taggedRight,
      knownInText: sum.knownInText + s.knownInText
    }),
    { ...emptyScore('all three') }
  )
  const row = (s: ArticleScore) =>
    `| ${s.article} | ${pct(s.correct, s.proposed)} (${s.correct}/${s.proposed}) | ` +
    `${pct(s.found, s.required)} (${s.found}/${s.required}) | ${pct(s.rightKind, s.correct)} | ` +
    `${pct(s.taggedRight, s.tagged)} (${s.taggedRight}/${s.tagged}) | ` +
    `${pct(s.taggedRight, s.knownInText)} (${s.taggedRight}/${s.knownInText}) |`
  return [
    '| article | proposal precision | proposal recall | right kind | known-tag precision | known-tag recall |',
    '|---|---|---|---|---|---|',
    ...scores.map(row),
    row({ ...total, article: '**all three**' }),
    '',
    ...scores.flatMap((s) => [
      `- ${s.article}: wrong ${s.wrong.map((n) => `“${n}”`).join(', ') || 'none'}; missed ${s.missed.map((n) => `“${n}”`).join(', ') || 'none'}`
    ])
  ]
}

function emptyScore(article: string): ArticleScore {
  return {
    article,
    proposed: 0,
    correct: 0,
    rightKind: 0,
    required: 0,
    found: 0,
    wrong: [],
    missed: [],
    tagged: 0,
    taggedRight: 0,
    knownInText: 0
  }
}
