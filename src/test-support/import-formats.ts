// The PDF, Word and e-mail fixtures (fixtures/import-formats, made with LibreOffice, qpdf and
// Python's email package; see its README) read as bytes, for the import tests.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { IMPORT_FORMATS_DIR } from './fixtures'

export { IMPORT_FORMATS_DIR }

/** The bytes of a file under fixtures/import-formats ("briefing.pdf", "broken/password.pdf"). */
export function formatFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(IMPORT_FORMATS_DIR, path)))
}

/** What the LibreOffice source document (source/briefing.fodt) says, as the tests check it. */
export const BRIEFING = {
  title: 'Second Thomas Shoal: resupply under pressure',
  author: 'Maritime Desk',
  headings: ['Summary', 'Background', 'Background › The resupply route', 'Responses', 'Outlook'],
  /** The bulleted list, as list items (PDF bullets and Word lists alike). */
  listItems: [
    'Departure from Palawan before dawn.',
    'Escort by two coast guard cutters.',
    'Transfer of supplies by rubber boat.'
  ].map((text) => ({ kind: 'list-item', level: 1, ordered: false, text })),
  /** The incidents table, a row each, cells separated by a tab (its first row is not marked a header). */
  tableRows: [
    'Date\tVessel\tOutcome',
    '5 March\tUnaizah May 4\tWater cannon, crew injured',
    '23 March\tUnaizah May 4\tWater cannon, vessel damaged',
    '17 June\tRubber boats\tBoarding, supplies seized'
  ].map((text) => ({ kind: 'table-row', text })),
  outlook: [
    'Further incidents are likely during the dry season, when sea conditions favour resupply runs. ' +
      'Observers will watch whether the parties agree on a provisional arrangement for humanitarian ' +
      'resupply, as was discussed informally last year.',
    'A failure to agree would leave the outpost exposed and increase pressure on Manila to seek a ' +
      'more permanent presence on the shoal itself.'
  ],
  closing:
    'A paragraph with a hyphenated word after the columns, to close the briefing with an ' +
    'extraordinarily long consideration of transnationally coordinated patrols and ' +
    'interoperability requirements.'
}

/** What source/structure.fodt holds, section by section, as blocks (its PDF and Word exports). */
export const STRUCTURE = {
  title: 'Patrol handbook extract',
  sections: [
    {
      heading: 'Checks',
      paragraphs: [
        'Before each patrol the crew checks:',
        { kind: 'list-item', level: 1, ordered: false, text: 'Radio and satellite links.' },
        { kind: 'list-item', level: 2, ordered: false, text: 'VHF channel 16 open.' },
        { kind: 'list-item', level: 2, ordered: false, text: 'Position reports every hour.' },
        { kind: 'list-item', level: 1, ordered: false, text: 'Fuel for the return leg.' },
        'On contact the officer of the watch:',
        { kind: 'list-item', level: 1, ordered: true, text: 'Logs the time and position.' },
        { kind: 'list-item', level: 1, ordered: true, text: 'Hails the other vessel.' }
      ]
    },
    {
      heading: 'Report format',
      paragraphs: [
        'Each report is sent as a short record:',
        { kind: 'code', text: 'report {\n  time: 0615Z\n  vessels: 2   # escorts\n}' },
        'The duty desk acknowledges every record with:',
        { kind: 'code', text: 'ack 0615Z' }
      ]
    },
    {
      heading: 'Contacts',
      paragraphs: [
        { kind: 'table-row', header: true, text: 'Date\tVessel\tAction' },
        { kind: 'table-row', text: '2 July\tCutter 5203\tShadowed the patrol' },
        { kind: 'table-row', text: '4 July\tTrawler group\tLeft the area' }
      ]
    },
    {
      heading: 'Guidance',
      paragraphs: [
        'The standing order reads:',
        { kind: 'quote', text: 'Keep a safe distance and record everything you see.' },
        'Crews have followed it since 2023.'
      ]
    }
  ]
}
