// Builds resources/dataset/india-japan-quad.json from the seed article and the hand-curated entity
// list and mention order below, computing offsets. Run: npx tsx scripts/build-seed-dataset.ts [--check]
// Annotation rules: docs/dataset-format.md, "Annotation guidelines".

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { DATASET_FORMAT, DATASET_VERSION } from '../src/shared/dataset'
import type { DatasetFile, Entity, EntityKind, Mention, Section } from '../src/shared/dataset'
import { findWholeWord, splitParagraphs } from '../src/shared/canonical-text'
import {
  findUntaggedMentions,
  formatProblem,
  validateDataset
} from '../src/main/library/load-dataset'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SEED = resolve(ROOT, 'fixtures/seed/india-japan-quad-briefing.txt')
const OUT = resolve(ROOT, 'resources/dataset/india-japan-quad.json')

type MakeEntity = (id: string, name: string, aliases: string[], description: string) => Entity
const entity =
  (kind: EntityKind): MakeEntity =>
  (id, name, aliases, description) => ({ id, kind, name, aliases, description })
const person = entity('person')
const organisation = entity('organisation')
const place = entity('place')
const programme = entity('programme')

// prettier-ignore
const ENTITIES: Entity[] = [
  person('narendra-modi', 'Narendra Modi', ['PM Modi', 'Modi'], 'Prime Minister of India since 2014.'),
  person('fumio-kishida', 'Fumio Kishida', ['Kishida', 'PM Kishida'], 'Prime Minister of Japan (2021–2024).'),
  person('joe-biden', 'Joe Biden', ['Biden'], 'President of the United States (2021–2025).'),
  person('anthony-albanese', 'Anthony Albanese', ['Albanese'], 'Prime Minister of Australia, sworn in on 23 May 2022.'),
  person('rajnath-singh', 'Rajnath Singh', ['Rajnath'], 'Defence Minister of India.'),
  person('s-jaishankar', 'S Jaishankar', ['Dr S Jaishankar', 'S. Jaishankar', 'Jaishankar'], 'External Affairs Minister of India.'),
  person('yoshimasa-hayashi', 'Yoshimasa Hayashi', ['Hayashi'], 'Minister for Foreign Affairs of Japan in 2022.'),
  person('nobuo-kishi', 'Nobuo Kishi', ['Kishi'], 'Minister of Defense of Japan in 2022.'),
  person('vinay-kwatra', 'Vinay Kwatra', ['Kwatra'], 'Foreign Secretary of India from May 2022.'),

  organisation('quad', 'QUAD', ['Quad', 'Quadrilateral Security Dialogue'], 'Quadrilateral Security Dialogue of Australia, India, Japan and the United States.'),
  organisation('nato', 'NATO', ['North Atlantic Treaty Organization'], 'North Atlantic Treaty Organization.'),
  organisation('mitsubishi', 'Mitsubishi', [], 'Japanese industrial group with expertise in building armoured vehicles.'),
  organisation('shinmaywa', 'ShinMaywa', ['Shinmaywa', 'ShinMaywa Industries'], 'Japanese manufacturer of the US-2 amphibious aircraft.'),
  organisation('financial-express-online', 'Financial Express Online', ['Financial Express'], 'Indian business news publication; the source of this briefing.'),

  place('india', 'India', [], 'Republic of India.'),
  place('japan', 'Japan', [], 'Japan.'),
  place('united-states', 'United States', ['US', 'USA', 'U.S.'], 'United States of America.'),
  place('australia', 'Australia', [], 'Commonwealth of Australia.'),
  place('russia', 'Russia', [], 'Russian Federation.'),
  place('ukraine', 'Ukraine', [], 'Ukraine.'),
  place('tokyo', 'Tokyo', [], 'Capital of Japan; host of the 2022 QUAD Leaders Summit.'),
  place('indo-pacific', 'Indo-Pacific', ['Indo-Pacific Region'], 'The Indian and western Pacific Ocean region.'),
  place('south-china-sea', 'South China Sea', [], 'Sea bordered by China, South-East Asia and the Philippines.'),
  place('korean-peninsula', 'Korean Peninsula', [], 'Peninsula of North and South Korea.'),
  place('northeast-india', 'Northeast India', ['Northeast', 'North East'], 'The north-eastern states of India.'),

  programme('quad-leaders-summit', 'QUAD Leaders Summit', ['QUAD Leaders summit', 'QUAD Summit', 'Leaders Summit', 'Leaders summit'], 'Summit of the QUAD leaders held in Tokyo on 24 May 2022.'),
  programme('india-japan-annual-summit', 'India-Japan Annual Summit', [], 'Yearly summit of the Indian and Japanese prime ministers; the 14th was held in March 2022.'),
  programme('india-japan-2-plus-2-dialogue', 'India-Japan 2+2 Ministerial Dialogue', ['2+2 Ministerial Dialogue', '2+2 dialogue', '2+2'], 'Meeting of the foreign and defence ministers of India and Japan.'),
  programme('india-japan-special-strategic-global-partnership', 'India-Japan Special Strategic and Global Partnership', [], 'Framework of India–Japan relations since 2014.'),
  programme('ficv', 'Futuristic Infantry Combat Vehicle', ['FICV'], 'Indian Army programme for a new infantry combat vehicle.'),
  programme('frcv', 'Future Ready Combat Vehicle', ['FRCV'], 'Indian Army programme for a next-generation main battle tank.'),
  programme('us-2', 'ShinMaywa US-2', ['US-2'], 'Japanese amphibious aircraft that India has discussed buying.'),
  programme('milan-22', 'MILAN 22', ['MILAN 2022'], 'Multilateral naval exercise hosted by the Indian Navy in early 2022.'),
  programme('ukraine-russia-war', 'Ukraine-Russia War', ['Russia-Ukraine war'], 'War that began with Russia’s invasion of Ukraine in February 2022.')
]

interface SectionSpec {
  id: string
  heading: string
  /** Set for the untitled lead: the heading is ours, not the source's. */
  editorialHeading?: true
  tags: string[]
  /** Mentions in reading order: a surface (a name or alias of one entity) or [surface, entity id]. */
  mentions: (string | [string, string])[]
}

// prettier-ignore
const SECTIONS: SectionSpec[] = [
  { id: 'lead', heading: 'Overview', editorialHeading: true, tags: ['diplomacy', 'geopolitics'], mentions: [
    'Narendra Modi', 'India-Japan Special Strategic and Global Partnership',
    'PM Modi', 'Tokyo', 'QUAD', ['Leaders Summit', 'quad-leaders-summit'], 'US', 'Joe Biden', 'Anthony Albanese', 'Fumio Kishida'] },
  { id: 'quad-summit', heading: 'QUAD Summit', tags: ['diplomacy', 'geopolitics', 'security'], mentions: [
    'Indo-Pacific Region'] },
  { id: 'two-plus-two-dialogue', heading: 'India-Japan 2+2 Ministerial Dialogue & More', tags: ['defence', 'diplomacy', 'security', 'industry'], mentions: [
    '2+2 Ministerial Dialogue', 'Japan', 'Rajnath Singh', 'S Jaishankar', 'Yoshimasa Hayashi', 'Nobuo Kishi',
    'Ukraine', 'Russia', 'NATO', 'QUAD', ['Leaders summit', 'quad-leaders-summit'],
    'Financial Express Online', '2+2 dialogue', 'Vinay Kwatra', '2+2',
    'India', 'Japan', 'Shinmaywa', 'US-2',
    'FICV', 'Futuristic Infantry Combat Vehicle', 'FRCV', 'Future Ready Combat Vehicle', 'PM Modi', 'Mitsubishi',
    'Mitsubishi'] },
  { id: 'military-cooperation', heading: 'Military Cooperation', tags: ['defence', 'security', 'maritime'], mentions: [
    'MILAN 22', 'Financial Express Online', 'Financial Express Online',
    'Indo-Pacific Region', 'South China Sea', 'Korean Peninsula'] },
  { id: 'bilateral-talks', heading: 'Bilateral Talks', tags: ['diplomacy', 'economy', 'investment'], mentions: [
    'North East', 'India-Japan Annual Summit', 'Japan', 'India', 'Tokyo', 'PM Modi'] },
  { id: 'ukraine-russia-war', heading: 'Differences over the on-going Ukraine-Russia War', tags: ['geopolitics', 'diplomacy', 'sanctions'], mentions: [
    'India', 'Russia', 'Ukraine', 'US', 'Australia', 'Japan', 'Russia'] },
  { id: 'northeast-investments', heading: 'Investments in Northeast', tags: ['economy', 'infrastructure', 'investment'], mentions: [
    'Japan', 'Northeast'] }
]

/** Splits the seed article into the sections above: the lead, then one section per heading. */
function sectionTexts(seed: string): string[] {
  const paragraphs = splitParagraphs(seed)
  const headed = SECTIONS.filter((spec) => !spec.editorialHeading)
  const starts = headed.map((spec) => {
    const at = paragraphs.indexOf(spec.heading)
    if (at === -1) throw new Error(`heading ${JSON.stringify(spec.heading)} not found in the seed`)
    return at
  })
  const bounds = [0, ...starts, paragraphs.length]
  return SECTIONS.map((_, i) =>
    paragraphs.slice(i === 0 ? 0 : (bounds[i] as number) + 1, bounds[i + 1]).join('\n\n')
  )
}

/** Resolves the mention list against the text: each surface is found after the previous mention. */
function placeMentions(spec: SectionSpec, text: string): Mention[] {
  const surfaces = new Map<string, string[]>()
  for (const e of ENTITIES) {
    for (const surface of [e.name, ...e.aliases]) {
      surfaces.set(surface, [...(surfaces.get(surface) ?? []), e.id])
    }
  }
  let cursor = 0
  return spec.mentions.map((item) => {
    const [surface, given] = typeof item === 'string' ? [item, undefined] : item
    const candidates = surfaces.get(surface) ?? []
    const id = given ?? (candidates.length === 1 ? candidates[0] : undefined)
    if (!id || !candidates.includes(id)) {
      throw new Error(`${spec.id}: "${surface}" is not a name or alias of exactly one entity`)
    }
    const start = findWholeWord(text, surface, cursor)[0]
    if (start === undefined) throw new Error(`${spec.id}: "${surface}" not found after ${cursor}`)
    cursor = start + surface.length
    return { start, end: cursor, entity: id, text: surface }
  })
}

function build(seed: string): DatasetFile {
  const texts = sectionTexts(seed)
  const sections: Section[] = SECTIONS.map((spec, i) => {
    const text = texts[i] as string
    return {
      id: spec.id,
      heading: spec.heading,
      ...(spec.editorialHeading ? { editorialHeading: true } : {}),
      text,
      tags: spec.tags,
      mentions: placeMentions(spec, text)
    }
  })
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: ENTITIES,
    briefings: [
      {
        id: 'india-japan-quad-2022',
        title: 'PM Modi in Tokyo: QUAD Leaders Summit and the India–Japan bilateral',
        source: 'Financial Express Online',
        published: '2022-05-23',
        tags: ['india', 'japan', 'quad', 'indo-pacific', 'diplomacy', 'defence', 'economy'],
        summary:
          'PM Modi’s May 2022 visit to Tokyo for the QUAD Leaders Summit and talks with Japan: ' +
          'the pending 2+2 dialogue, defence and industrial cooperation, differences over the ' +
          'Ukraine war, and Japanese investment in the Northeast.',
        sections
      }
    ]
  }
}

/** JSON with two-space indentation; arrays that fit and objects of plain values stay on one line. */
function stringify(value: unknown, indent = '', used = indent.length): string {
  const flat = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ')
  const oneLine = flat.replace(/\[ /g, '[').replace(/ \]/g, ']')
  if (typeof value !== 'object' || value === null) return oneLine
  const plain = Object.values(value).every((item) => typeof item !== 'object' || item === null)
  if ((plain && !Array.isArray(value)) || used + oneLine.length <= 99) return oneLine
  const inner = indent + '  '
  const items = Array.isArray(value)
    ? value.map((item) => inner + stringify(item, inner))
    : Object.entries(value).map(([k, v]) => {
        const key = `${inner}${JSON.stringify(k)}: `
        return key + stringify(v, inner, key.length)
      })
  return Array.isArray(value)
    ? `[\n${items.join(',\n')}\n${indent}]`
    : `{\n${items.join(',\n')}\n${indent}}`
}

function main(): void {
  if (!existsSync(SEED)) throw new Error(`seed article not found: ${SEED}`)
  const dataset = build(readFileSync(SEED, 'utf8'))
  const out = relative(ROOT, OUT)
  const problems = validateDataset(dataset, out)
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'))
  const library = {
    entities: new Map(ENTITIES.map((e) => [e.id, e])),
    briefings: dataset.briefings
  }
  const untagged = findUntaggedMentions(library)
  if (untagged.length > 0) {
    throw new Error(`untagged names:\n${untagged.map((u) => JSON.stringify(u)).join('\n')}`)
  }
  const json = stringify(dataset) + '\n'
  if (process.argv.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : ''
    if (current !== json)
      throw new Error(`${out} is out of date: run npx tsx scripts/build-seed-dataset.ts`)
    console.log(`${out} is up to date`)
    return
  }
  writeFileSync(OUT, json)
  const count = dataset.briefings[0]?.sections.reduce((n, s) => n + s.mentions.length, 0)
  console.log(`wrote ${out}: ${ENTITIES.length} entities, ${count} mentions`)
}

main()
