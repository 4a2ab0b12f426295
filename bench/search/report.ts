// Turns the search benchmark's figures into Markdown: per corpus size, the engine next to the
// naive scan and MiniSearch with ratios, and the issues' targets (targets.ts) with met / not met.

import type { Timing } from '../measure'
import { ms, ratio } from '../measure'
import type { Figures } from './figures'
import { appMainRows, loopContext, taggedMainLabel } from './main-loop-report'
import { mb, seconds } from './probes'
import { type BenchQuery, QUERY_CLASSES } from './queries'
import { PAIRED_ROUNDS } from './paired-figures'
import { targetsAt } from './targets'

export interface SizeResult {
  size: number
  briefings: number
  variants: number
  engine: Figures
  scan: Figures
  mini: Figures
}

const cell = (value: number | undefined, format: (v: number) => string) =>
  value === undefined ? '—' : format(value)
const rate = (value: number | undefined, baseline: number | undefined) =>
  value === undefined || baseline === undefined || baseline === 0 ? '—' : ratio(value, baseline)
const timing = (t: Timing | undefined) => (t ? `${ms(t.median)} / ${ms(t.p95)}` : '—')
/** The engine's time inside the index process, both ways it is taken, after what its caller saw. */
const inProcess = (burst: Timing | undefined, between: Timing | undefined) =>
  burst || between
    ? ` (in the index process: ${timing(burst)} back-to-back; ${timing(between)} between messages)`
    : ''
const timingRatio = (t: Timing | undefined, b: Timing | undefined) =>
  t && b ? `${ratio(t.median, b.median)} / ${ratio(t.p95, b.p95)}` : '—'

/** The start probe's longest answer, against single-term queries' p95 once prepared. */
function startProbeCell(e: Figures): string {
  const probe = e.startProbe
  if (!probe) return '—'
  const after = e.latency.single?.p95
  const against = after ? ` (${ratio(probe.longestMs, after)} single-term p95 once prepared)` : ''
  return `${ms(probe.longestMs)}${against}; ${timing(probe.answers)}`
}

type Row = (key: string, label: string, cells: [string, string, string, string, string]) => string

/**
 * The engine's warm start as the analyst waits for it: from the app-like main's start, main's
 * library load included (the rows above time the index process alone).
 */
function appStartRows(e: Figures, row: Row): string[] {
  const start = e.appStart
  if (!start) return []
  const only = (value: string): [string, string, string, string, string] => [
    value,
    '—',
    '—',
    '—',
    '—'
  ]
  return [
    row(
      'appFirstAnswerMs',
      "warm start of the app (an app-like main: profile lock, the index process started on its cache, main's library load, the index told to read it, annotation store, as the app's core does) → first answer with text hits to a search (`search:query` as main answers it) sent from the start and again every 2 ms (the earliest answer: the renderer's search box shows while main loads the library, and asks again after 0.1 s, doubling up to 1 s, while the index loads; the Electron window's own start is not in it); main ready at; the index told to read the library at (main's library loaded)",
      only(
        `${seconds(start.firstAnswerMs)}; ${seconds(start.readyMs)}; ${seconds(start.indexStartedMs)}`
      )
    ),
    row(
      'appSearchableMs',
      '… warm start of the app → everything searchable (the index reports none pending)',
      only(seconds(start.searchableMs))
    ),
    row(
      'appLoadDelayMs',
      "… main's longest event-loop delay from the start until main is ready (its load, the collection of what the load left included, while it relays the searches above)",
      only(ms(start.loadDelayMaxMs))
    )
  ]
}

function sizeTable(r: SizeResult): string[] {
  const { engine: e, scan: s, mini: m } = r
  const goals = targetsAt(r.size)
  const row = (key: string, label: string, cells: [string, string, string, string, string]) => {
    const goal = goals[key]
    const met = goal?.met(e, m)
    const verdict = met === undefined ? '—' : met ? 'met' : '**not met**'
    return `| ${label} | ${cells.join(' | ')} | ${goal?.text ?? '—'} | ${goal ? verdict : '—'} |`
  }
  const num = (key: keyof Figures, label: string, format: (v: number) => string, base = true) => {
    const [ev, sv, mv] = [e, s, m].map((f) => f[key] as number | undefined)
    return row(key, label, [
      cell(ev, format),
      base ? cell(sv, format) : '—',
      base ? rate(ev, sv) : '—',
      cell(mv, format),
      rate(ev, mv)
    ])
  }
  const coverage = e.firstQueryCoverage
  const ready = coverage ? ` (engine: ${coverage[0]} of ${coverage[1]} sections ready then)` : ''
  return [
    `### ${r.size.toLocaleString('en')} sections (${r.briefings.toLocaleString('en')} briefings: ${r.variants === 0 ? 'the texts as published' : `the texts as published + ${r.variants} re-cuts`})`,
    '',
    '| measure | engine | naive scan | ratio | MiniSearch | ratio | target | |',
    '|---|---|---|---|---|---|---|---|',
    num('buildMs', 'index build from nothing (engine: empty cache → complete)', seconds),
    num('peakRssBytes', 'peak RSS of the index process during the build', mb, false),
    row(
      'eventLoopMaxMs',
      `main's event-loop delay, max, during the build (engine: an app-like main process, a child holding the library as the app's main does; baselines: the bench process, where they build)${loopContext(e)}`,
      [
        cell(e.eventLoopMaxMs, ms),
        cell(s.eventLoopMaxMs, ms),
        rate(e.eventLoopMaxMs, s.eventLoopMaxMs),
        cell(m.eventLoopMaxMs, ms),
        rate(e.eventLoopMaxMs, m.eventLoopMaxMs)
      ]
    ),
    ...appMainRows(e),
    row('taggedMainDelayMs', taggedMainLabel(e), [
      cell(e.taggedMainDelayMs, ms),
      '—',
      '—',
      '—',
      '—'
    ]),
    row(
      'cacheBytes',
      `index cache on disk${e.shards === undefined ? '' : ` (engine: ${e.shards} shards)`}`,
      [cell(e.cacheBytes, mb), '—', '—', cell(m.cacheBytes, mb), rate(e.cacheBytes, m.cacheBytes)]
    ),
    row('firstQueryMs', `cold start, warm cache → first query answered with hits${ready}`, [
      cell(e.firstQueryMs, seconds),
      cell(s.firstQueryMs, seconds),
      rate(e.firstQueryMs, s.firstQueryMs),
      cell(m.firstQueryMs, seconds),
      rate(e.firstQueryMs, m.firstQueryMs)
    ]),
    num('processUpMs', '… of which: index process started, first reply', seconds, false),
    num(
      'bareProcessMs',
      '… for comparison: a bare Node process (one `process.send`) started, first reply',
      seconds,
      false
    ),
    num(
      'searchableMs',
      'cold start, warm cache → everything searchable (every section answered from the cached shards: the index reports none pending)',
      seconds,
      false
    ),
    num(
      'completeMs',
      '… and the library files read and checked against the cache (index complete)',
      seconds,
      false
    ),
    ...appStartRows(e, row),
    num(
      'wordsReadyMs',
      "… then until fuzzy words expand over the library's words (collected in the background)",
      seconds,
      false
    ),
    row(
      'startProbe',
      `… during another warm start, the first query sent again every 5 ms from its first answer with hits until the index has nothing left to prepare${e.startProbe ? ` (${e.startProbe.answers.runs} queries)` : ''}: longest answer; median / p95 (start-probe.ts)`,
      [startProbeCell(e), '—', '—', '—', '—']
    ),
    num(
      'heapBytes',
      'heap after load (engine: index process, JS heap + typed arrays; baselines: index only)',
      mb
    ),
    num('rssBytes', 'RSS of the index process after load', mb, false),
    ...QUERY_CLASSES.map(({ cls, label }) =>
      row(`q-${cls}`, `query, ${label}: median / p95`, [
        `${timing(e.latency[cls])}${inProcess(e.engineBurstLatency[cls], e.engineLatency[cls])}`,
        timing(s.latency[cls]),
        timingRatio(e.latency[cls], s.latency[cls]),
        timing(m.latency[cls]),
        timingRatio(e.latency[cls], m.latency[cls])
      ])
    ),
    ...[inProcessRow(r, 'paired')].filter(Boolean),
    inProcessRow(r, 'burst'),
    inProcessRow(r, 'between'),
    scoringRow(r),
    row(
      'scoringShare',
      'share of the engine’s query time spent matching and scoring postings and gathering each shard’s matches (all queries)',
      [
        e.scoringShare === undefined ? '—' : `${Math.round(e.scoringShare * 100)} %`,
        '—',
        '—',
        '—',
        '—'
      ]
    ),
    num(
      'importMs',
      'one newly imported briefing searchable (write file, main names it to the index → found)',
      ms
    ),
    ''
  ]
}

/**
 * Issue #17 item 3, engine ÷ MiniSearch median per class ≤ 1×, judged on 'paired' (both sides
 * back-to-back in their process, taken in alternation query by query, so that load falls on
 * both). 'burst' (the same bursts, each side in its own phase minutes apart) and 'between' (one
 * query per message, `stats()` read after each) are for information.
 */
function inProcessRow(r: SizeResult, how: 'paired' | 'burst' | 'between'): string {
  const paired = r.engine.paired
  if (how === 'paired' && !paired) return ''
  const known = QUERY_CLASSES.flatMap(({ cls }) => {
    const [engine, mini] =
      how === 'paired'
        ? [paired?.engine[cls]?.median, paired?.baseline[cls]?.median]
        : [
            (how === 'burst' ? r.engine.engineBurstLatency : r.engine.engineLatency)[cls]?.median,
            r.mini.latency[cls]?.median
          ]
    return engine === undefined || !mini ? [] : [{ cls, value: engine / mini }]
  })
  const cells = known.map(({ cls, value }) => `${cls} ${value.toFixed(2)}×`).join(', ')
  // Item 3 names 10k and 50k; at 1k and 200k the ratio is shown, not judged.
  const judged = r.size === 10_000 || r.size === 50_000
  const target = judged && (how === 'paired' || (how === 'burst' && !paired))
  const met = known.every((x) => x.value <= 1) ? 'met' : '**not met**'
  const label = {
    paired: `engine in the index process ÷ MiniSearch in its process, median per class (both timed back-to-back in their process, in alternation query by query, ${PAIRED_ROUNDS} rounds each)`,
    burst: paired
      ? 'for information: the same back-to-back timing, each side in its own phase of the run (load that comes and goes falls on one side)'
      : 'engine in the index process ÷ MiniSearch in its process, median per class (both timed back-to-back in their process)',
    between:
      'for information, not the target: engine in the index process between messages (one query per message, `stats()` read after each) ÷ MiniSearch back-to-back, median per class'
  }[how]
  return `| ${label} | ${cells || '—'} | — | — | — | — | ${target ? '≤ 1× each' : '—'} | ${target && known.length > 0 ? met : '—'} |`
}

/**
 * Not the target: the engine's matching and scoring of postings alone (what MiniSearch's search
 * does: no planning, snippets, facets or top 20), from the between-messages runs, against
 * MiniSearch's median.
 */
function scoringRow(r: SizeResult): string {
  const cells = QUERY_CLASSES.flatMap(({ cls }) => {
    const [engine, mini] = [r.engine.engineScoringLatency?.[cls], r.mini.latency[cls]?.median]
    return engine === undefined || !mini
      ? []
      : [`${cls} ${ms(engine.median)} (${(engine.median / mini).toFixed(2)}×)`]
  }).join(', ')
  return `| not the target: engine's matching + scoring of postings and gathering each shard's matches, in the index process between messages, median per class (÷ MiniSearch's search) | ${cells || '—'} | — | — | — | — | — | — |`
}

/** The queries and how many sections each contender found at the largest size measured. */
function queryTable(queries: readonly BenchQuery[], r: SizeResult): string[] {
  const count = (f: Figures, q: BenchQuery) => {
    const n = f.hits.get(q.text)
    return n === undefined ? '—' : n.toLocaleString('en')
  }
  return [
    `### Queries (hits at ${r.size.toLocaleString('en')} sections)`,
    '',
    '| class | query | engine | naive scan | MiniSearch |',
    '|---|---|---|---|---|',
    ...queries.map(
      (q) =>
        `| ${q.cls} | \`${q.text}\` | ${count(r.engine, q)} | ${count(r.scan, q)} | ${count(r.mini, q)} |`
    ),
    ''
  ]
}

export function searchReport(
  results: readonly SizeResult[],
  queries: readonly BenchQuery[]
): string[] {
  // The largest size the engine answered at (a build that timed out leaves no hits to list).
  const last =
    [...results].reverse().find((r) => r.engine.hits.size > 0) ?? results[results.length - 1]
  const notes = results.flatMap((r) =>
    [...r.engine.notes, ...r.scan.notes, ...r.mini.notes].map(
      (n) => `- ${r.size.toLocaleString('en')}: ${n}`
    )
  )
  return [
    ...results.flatMap(sizeTable),
    ...(last ? queryTable(queries, last) : []),
    ...(notes.length > 0 ? ['### Problems in this run', '', ...notes, ''] : [])
  ]
}
