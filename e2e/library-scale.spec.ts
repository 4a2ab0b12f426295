// The library at 2,000 briefings: only a window of cards is in the page and scrolling to the end
// shows the last one; the filter box, sort and filters work at that size; cards show highlight and
// note counts and reading state from main, and the filters on them narrow the list. An imported
// briefing is added newest and shows the first lines of its text (on the bundled library: an
// import into 2,000 briefings takes longer than a spec should wait on a loaded machine).
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'

import { describeRange } from '../src/shared/anchoring/describe'
import type { AnnotationChange } from '../src/shared/annotation-requests'
import type { ReadingPosition } from '../src/shared/reading'
import { useAppSession } from './fixtures/app-session'
import { SHELF, writeLibraryDataset } from './fixtures/library-dataset'
import { ImportPage } from './pages/import.page'
import { LibraryPage } from './pages/library.page'

const COUNT = 2000
/** The generated briefings plus the bundled one. */
const TOTAL = COUNT + 1
const TEXT = 'Boats left at dawn.'

const session = useAppSession('briefing-library-scale')
// Loading, indexing and counting 2,000 briefings takes a good part of the default 30 s on a
// loaded machine before the first step.
test.describe.configure({ timeout: 120_000 })

let datasetDir = ''
test.beforeAll(() => {
  datasetDir = writeLibraryDataset(COUNT)
})
test.afterAll(() => rmSync(datasetDir, { recursive: true, force: true }))

/** Briefing `n` (1-based) of the generated shelf. */
const id = (n: number) => `shelf-${n}`

function highlight(n: number, word: string, note?: string): [string, AnnotationChange] {
  const start = TEXT.indexOf(word)
  const target = describeRange(TEXT, start, start + word.length, {
    briefingId: id(n),
    sectionId: 's1'
  })
  if (!target) throw new Error(`no target for ${word}`)
  return [id(n), { op: 'highlight.create', target, color: 'yellow', ...(note ? { note } : {}) }]
}

/** Makes changes and saves positions through the app's own API, as the reader would. */
async function seed(
  page: Page,
  changes: [string, AnnotationChange][],
  positions: ReadingPosition[]
): Promise<void> {
  await page.evaluate(
    async ({ changes, positions }) => {
      type Answer = { ok: boolean; error?: { message: string } }
      const api = (
        window as unknown as { briefing: Record<string, (r: unknown) => Promise<Answer>> }
      ).briefing
      const check = (answer: Answer) => {
        if (!answer.ok) throw new Error(answer.error?.message)
      }
      for (const [briefingId, change] of changes)
        check(await api['changeAnnotation']!({ briefingId, change }))
      for (const position of positions) check(await api['saveReadingPosition']!(position))
    },
    { changes, positions }
  )
}

test('2,000 briefings: a window of cards, the last one at the end; filter box and sort at that size', async () => {
  const app = await session.start({ datasetDir })
  const library = new LibraryPage(app.page)
  await expect(library.cards.first()).toBeVisible()
  expect(await library.cards.count()).toBeLessThan(50)
  await library.scrollToEnd()
  await expect(library.cards.last()).toHaveAttribute('data-briefing-id', id(COUNT))
  expect(await library.cards.count()).toBeLessThan(50)

  // Typing narrows as it goes; each word is matched on its own: "item" and "19", then "1999".
  await library.filterBox.pressSequentially('item 19')
  const with19 = Array.from({ length: COUNT }, (_, b) => SHELF.title(b)).filter((t) =>
    t.includes('19')
  ).length
  await expect(library.shown).toHaveText(`${with19} of ${TOTAL}`)
  await library.filterBox.pressSequentially('99')
  await expect(library.cards).toHaveCount(1)
  await expect(library.cards.first().locator('.title')).toHaveText(SHELF.title(1998))
  // Tags match too: every fifth briefing is "rare".
  await library.filterBox.fill('rare')
  await expect(library.shown).toHaveText(`${COUNT / 5} of ${TOTAL}`)
  await library.filterBox.fill('')

  await library.sort.selectOption('title')
  await expect(library.cards.first().locator('.title')).toContainText('PM Modi')
  await library.scrollToEnd()
  await expect(library.cards.last().locator('.title')).toHaveText(SHELF.title(COUNT - 1))
  await library.sort.selectOption('published')
  await expect(library.cards.first()).toHaveAttribute('data-briefing-id', id(1))
  await library.scrollToEnd()
  await expect(library.cards.last()).toHaveAttribute('data-briefing-id', id(COUNT))
  await app.page.getByTestId('library-source').selectOption('Gamma Post')
  await app.page.getByTestId('library-tag').selectOption('rare')
  const gammaRare = Array.from({ length: COUNT }, (_, b) => b).filter(
    (b) => SHELF.source(b) === 'Gamma Post' && SHELF.rare(b)
  ).length
  await expect(library.shown).toHaveText(`${gammaRare} of ${TOTAL}`)
})

test('counts and reading state from main at that size: cards show them and the filters use them', async () => {
  const app = await session.start({ datasetDir })
  const library = new LibraryPage(app.page)
  await expect(library.cards.first()).toBeVisible()
  // Nothing read yet: no status filter, no "last read" sort.
  await expect(app.page.getByTestId('library-status')).toHaveCount(0)

  await seed(
    app.page,
    [
      highlight(3, 'Boats'),
      highlight(3, 'dawn', 'Which dawn?'),
      highlight(1500, 'left'),
      [id(5), { op: 'note.create', target: { kind: 'briefing' }, body: 'Check the log' }]
    ],
    [
      { briefingId: id(7), sectionId: 's1', offset: 5000 },
      { briefingId: id(9), sectionId: 's1', offset: 10_000 },
      { briefingId: id(1999), sectionId: 's1', offset: 0 }
    ]
  )
  // Back from a briefing the library is read again, with what was annotated and read meanwhile
  // (opening item 003 puts it in progress too).
  await library.filterBox.fill('item 003')
  await library.open('Shelf item 003')
  await app.page.getByTestId('back-to-library').click()
  await expect(library.cards.first().getByTestId('card-highlights')).toHaveText('2 highlights')
  await expect(library.cards.first().getByTestId('card-notes')).toHaveText('1 note')
  await library.filterBox.fill('item 1500')
  await expect(library.cards.first().getByTestId('card-highlights')).toHaveText('1 highlight')
  await expect(library.cards.first().getByTestId('card-notes')).toHaveCount(0)
  await library.filterBox.fill('')

  const hasNotes = app.page.getByTestId('library-has-notes')
  const hasHighlights = app.page.getByTestId('library-has-highlights')
  await hasNotes.check()
  await expect(library.shown).toHaveText(`2 of ${TOTAL}`)
  await hasHighlights.check()
  await expect(library.shown).toHaveText(`1 of ${TOTAL}`)
  await expect(library.cards).toHaveAttribute('data-briefing-id', id(3))
  await hasNotes.uncheck()
  await expect(library.shown).toHaveText(`2 of ${TOTAL}`)
  await hasHighlights.uncheck()

  const status = app.page.getByTestId('library-status')
  await status.selectOption('finished')
  await expect(library.cards).toHaveAttribute('data-briefing-id', id(9))
  await expect(library.cards.getByTestId('card-progress')).toContainText('Finished')
  await status.selectOption('inProgress')
  await library.sort.selectOption('lastRead')
  await expect(library.cards).toHaveCount(3)
  await expect(library.cards.first()).toHaveAttribute('data-briefing-id', id(3))
  await expect(library.cards.getByTestId('card-progress')).toHaveText([
    '0% read',
    '0% read',
    '50% read'
  ])
  await status.selectOption('unread')
  await expect(library.shown).toHaveText(`${TOTAL - 4} of ${TOTAL}`)
  await app.page.getByTestId('library-origin').selectOption('imported')
  await expect(app.page.getByTestId('library-none')).toBeVisible()
  await app.page.getByRole('button', { name: 'Clear', exact: true }).click()

  // A change made while reading shows on the card once back in the library.
  await seed(
    app.page,
    [[id(3), { op: 'note.create', target: { kind: 'briefing' }, body: 'Second thought' }]],
    []
  )
  await library.filterBox.fill('item 003')
  await library.open('Shelf item 003')
  await app.page.getByTestId('back-to-library').click()
  await expect(library.cards.first().getByTestId('card-notes')).toHaveText('2 notes')
})

test('an imported briefing is added newest and its card shows the first lines of its text', async () => {
  const memo = join(session.dir(), 'harbour-memo.md')
  writeFileSync(
    memo,
    '---\ntitle: Harbour memo\nsource: Port desk\ndate: 2020-02-03\n---\n\n' +
      'Pilots reported a new channel marker off the breakwater.\n\n## Tides\n\nSpring tides run late.\n'
  )
  const app = await session.start({ dialogs: { openPaths: [memo] } })
  const library = new LibraryPage(app.page)
  const importer = new ImportPage(app.page)
  await expect(library.cards.first()).toBeVisible()
  await importer.afterImport(() => importer.button.click())
  await expect(importer.imported).toHaveCount(1)

  // "Recently added" (the default): the import first, although published before the bundled one.
  await expect(library.sort).toHaveValue('added')
  const first = library.cards.first()
  await expect(first.locator('.title')).toHaveText('Harbour memo')
  await expect(first.getByTestId('imported-badge')).toBeVisible()
  await expect(first.locator('.summary')).toContainText('Pilots reported a new channel marker')
  await library.sort.selectOption('published')
  await expect(library.cards.last().locator('.title')).toHaveText('Harbour memo')
})
