/**
 * The audit as one self-contained HTML file: inline CSS, inline SVG, no script, no font or
 * picture from elsewhere, so it opens offline and can be emailed. Built for people who scan:
 * headings for every part, tables with headers, and "over" written as words and drawn as a
 * pattern, never shown by colour alone.
 */
import type { PageSummary } from './summary.js';
import { limitOf, pagesOver, type AuditReport } from './report.js';

/** Bars drawn in the chart; every page is in the table below it. */
export const CHART_BARS = 60;

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A link for a web address; a plain name for a file in a folder. */
function place(address: string, title?: string): string {
  const label = esc(title || address);
  return /^https?:\/\//i.test(address) ? `<a href="${esc(address)}">${label}</a>` : label;
}

const STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--bg:#fff;--soft:#f3f4f6;--ok:#1d5e9e;--over:#a33b00;--link:#0b57a4}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:72rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:4px solid var(--ok)}
h1{font-size:1.8rem;line-height:1.2;margin:.25rem 0 .5rem}
h2{font-size:1.4rem;margin:2.5rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--line)}
h3{font-size:1.15rem;margin:1.5rem 0 .25rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
.kicker{margin:0;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;font-size:.85rem}
.muted{color:var(--muted)}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;list-style:none}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem;padding:0;list-style:none}
.tiles li{background:var(--soft);border-left:6px solid var(--ok);padding:.75rem 1rem;border-radius:4px}
.tiles li.bad{border-left-color:var(--over)}
.tiles strong{display:block;font-size:1.8rem;line-height:1.1}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.over{color:var(--over);font-weight:700}
.ok{color:var(--ok);font-weight:700}
figure{margin:1rem 0}
svg{max-width:100%;height:auto}
pre{background:var(--soft);padding:1rem;white-space:pre-wrap;border:1px solid var(--line);font-size:.9rem}
blockquote{margin:.25rem 0 .75rem;padding:.25rem .75rem;border-left:4px solid var(--line)}
.page{border:1px solid var(--line);border-radius:6px;padding:.25rem 1rem 1rem;margin:1rem 0}
.page h3{margin-top:.75rem}
.address{word-break:break-all;margin:.25rem 0}
ul.inline{padding-left:1.25rem}
@media print{nav{display:none}.page{break-inside:avoid}}
`;

export function reportHtml(report: AuditReport): string {
  const limit = report.audience.maxReadingAge;
  const over = report.pages.filter((p) => p.over);
  const byAge = [...report.pages].sort((a, b) => b.readingAge - a.readingAge || a.address.localeCompare(b.address));
  const sections: string[] = [];
  const contents: [string, string][] = [
    ['summary', 'Summary'],
    ['reading-age', 'Reading age by page'],
    ['terms', 'Terms to explain'],
  ];
  if (report.checklist) contents.push(['checklist', 'SEN Information Report checklist']);
  contents.push(['sentences', 'Long sentences'], ['pages', 'Each page'], ['unread', 'Could not be read']);

  const when = new Date(report.started);
  const whenText = Number.isNaN(when.getTime())
    ? report.started
    : when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

  sections.push(`<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<ul class="tiles">
<li><strong>${report.pages.length.toLocaleString('en-GB')}</strong> ${report.pages.length === 1 ? 'page' : 'pages'} read</li>
<li class="${over.length ? 'bad' : ''}"><strong>${over.length.toLocaleString('en-GB')}</strong> over the reader's reading age (${limit})</li>
<li><strong>${report.terms.length.toLocaleString('en-GB')}</strong> terms left unexplained${report.terms.length >= 40 ? ' (top 40)' : ''}</li>
<li class="${report.unread.length ? 'bad' : ''}"><strong>${report.unread.length.toLocaleString('en-GB')}</strong> could not be read</li>
${report.checklist ? `<li class="${report.checklist.some((c) => !c.found) ? 'bad' : ''}"><strong>${report.checklist.filter((c) => c.found).length} of ${report.checklist.length}</strong> checklist items found</li>` : ''}
</ul>
<p>${esc(summarySentence(report))}</p>
${report.notes.length ? `<ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</section>`);

  sections.push(`<section aria-labelledby="reading-age"><h2 id="reading-age">Reading age by page</h2>
<p>A reading age is how old a confident reader usually is before they can read a text easily. The reader here is <strong>${esc(report.audience.label.toLowerCase())}</strong>: aim for a reading age of <strong>${limit} or below</strong>. Pages over it are drawn striped and marked “over”.${report.maxReadingAge !== undefined && report.maxReadingAge !== limit ? ` This run was also asked to flag pages over ${report.maxReadingAge}.` : ''}</p>
${report.pages.length ? chart(byAge, limit) : '<p>No pages were read.</p>'}
${report.pages.length ? pageTable(byAge, limit) : ''}
</section>`);

  sections.push(termsSection(report));
  if (report.checklist) sections.push(checklistSection(report));
  sections.push(sentencesSection(report));
  sections.push(`<section aria-labelledby="pages"><h2 id="pages">Each page</h2>
${byAge.length ? byAge.map((p, i) => pageSection(p, i, limit)).join('\n') : '<p>No pages were read.</p>'}
</section>`);
  sections.push(unreadSection(report));

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Plain SEND ${esc(report.version)}">
<title>Plain SEND audit: ${esc(report.source)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="kicker">Plain SEND audit</p>
<h1>How easy is ${esc(report.source)} to read?</h1>
<p class="muted">Audited on ${esc(whenText)} in ${Number(report.seconds.toFixed(1))} seconds, for ${esc(report.audience.label.toLowerCase())}.</p>
<nav aria-label="Parts of this report"><ul>${contents.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join('')}</ul></nav>
</header>
<main>
${sections.join('\n')}
</main>
<footer><p class="muted">Made by Plain SEND ${esc(report.version)} (plain-send audit). Reading ages use the Flesch-Kincaid grade plus five; they are a guide, not a verdict. The checklist finds words that suggest an item is covered: a person should read each one.</p></footer>
</body>
</html>
`;
}

function summarySentence(report: AuditReport): string {
  const parts = [`${plural(report.pages.length, 'page')} read from ${report.source}`];
  const s = report.skipped;
  if (s.robots) parts.push(`${plural(s.robots, 'address', 'addresses')} left alone because robots.txt asks`);
  if (s.external) parts.push(`${plural(s.external, 'link')} to other sites counted but not visited`);
  if (s.overLimit) parts.push(`${plural(s.overLimit, 'address', 'addresses')} not read because of the page limit`);
  if (s.tooDeep) parts.push(`${plural(s.tooDeep, 'link')} deeper than the depth limit not followed`);
  const limit = limitOf(report);
  const overLimit = pagesOver(report, limit).length;
  if (report.maxReadingAge !== undefined) parts.push(`${plural(overLimit, 'page')} over reading age ${limit}`);
  return `${parts.join('; ')}.`;
}

/** Horizontal bars, hardest first; the reader's limit is a dashed line; pages over it are striped. */
function chart(pages: PageSummary[], limit: number): string {
  // Pages with no words have no reading age worth drawing; the table still lists them.
  const shown = pages.filter((p) => p.words > 0).slice(0, CHART_BARS);
  if (!shown.length) return '<p>No page had text to measure.</p>';
  const top = Math.max(20, Math.ceil(Math.max(...shown.map((p) => p.readingAge), limit) / 5) * 5);
  const labelW = 300;
  const barW = 520;
  const rowH = 26;
  const head = 34;
  const width = labelW + barW + 90;
  const height = head + shown.length * rowH + 30;
  const x = (age: number) => labelW + (Math.min(age, top) / top) * barW;
  const ticks: string[] = [];
  for (let age = 0; age <= top; age += 5)
    ticks.push(
      `<line x1="${x(age)}" y1="${head - 6}" x2="${x(age)}" y2="${height - 24}" stroke="#d0d0d0"/><text x="${x(age)}" y="${height - 8}" text-anchor="middle" font-size="12" fill="#1b1b1b">${age}</text>`,
    );
  const bars = shown.map((p, i) => {
    const y = head + i * rowH;
    const name = (p.title || p.address).slice(0, 44) + ((p.title || p.address).length > 44 ? '…' : '');
    const w = Math.max(2, x(p.readingAge) - labelW);
    return `<g><text x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="#1b1b1b">${esc(name)}</text><rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${p.over ? 'url(#over)' : '#1d5e9e'}" stroke="${p.over ? '#a33b00' : '#1d5e9e'}"/><text x="${(labelW + w + 6).toFixed(1)}" y="${y + 17}" font-size="13" fill="#1b1b1b" stroke="#fff" stroke-width="4" paint-order="stroke"${p.over ? ' font-weight="700"' : ''}>${p.readingAge}${p.over ? ' over' : ''}</text></g>`;
  });
  const lx = x(limit);
  const description = `Bar chart of reading age for ${shown.length} of ${pages.length} pages, hardest first. ${pages.filter((p) => p.over).length} are over the reader's limit of ${limit}. The same figures are in the table below.`;
  return `<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title" aria-describedby="chart-desc">
<title id="chart-title">Reading age by page</title>
<desc id="chart-desc">${esc(description)}</desc>
<defs><pattern id="over" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#a33b00"/><rect width="3" height="8" fill="#f6d3bf"/></pattern></defs>
<text x="${labelW}" y="16" font-size="13" fill="#1b1b1b">Reading age (years)</text>
${ticks.join('')}
${bars.join('\n')}
<line x1="${lx}" y1="${head - 10}" x2="${lx}" y2="${height - 24}" stroke="#1b1b1b" stroke-width="2" stroke-dasharray="6 4"/>
<text x="${lx + 4}" y="${head - 14}" font-size="12" font-weight="700" fill="#1b1b1b">Reader's limit: ${limit}</text>
</svg>
<figcaption>${shown.length < pages.length ? `The ${shown.length} hardest of ${pages.length} pages with text; every page is in the table. ` : ''}Dashed line: the reader's limit (${limit}). Striped bars marked “over”: pages above it.</figcaption>
</figure>`;
}

function pageTable(pages: PageSummary[], limit: number): string {
  const rows = pages.map(
    (p, i) =>
      `<tr><th scope="row"><a href="#page-${i}">${esc(p.title || p.address)}</a></th><td>${esc(p.kind.toUpperCase())}</td><td class="num">${p.words ? p.readingAge : '–'}</td><td>${p.words === 0 ? 'No text' : p.over ? '<span class="over">Over</span>' : '<span class="ok">Within</span>'}</td><td class="num">${p.words.toLocaleString('en-GB')}</td><td class="num">${p.unexplained}</td><td class="num">${p.longSentences}</td></tr>`,
  );
  return `<table>
<caption>Every page, hardest first (reader's limit: reading age ${limit})</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Kind</th><th scope="col" class="num">Reading age</th><th scope="col">Within the limit?</th><th scope="col" class="num">Words</th><th scope="col" class="num">Unexplained terms</th><th scope="col" class="num">Long sentences</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

function termsSection(report: AuditReport): string {
  if (!report.terms.length)
    return `<section aria-labelledby="terms"><h2 id="terms">Terms to explain</h2><p>No SEND terms or acronyms were left unexplained.</p></section>`;
  const rows = report.terms.map(
    (t) =>
      `<tr><th scope="row">${esc(t.term)}</th><td>${esc(t.expansion ?? '')}</td><td>${esc(t.definition ?? 'No plain meaning in the glossary yet: add one in your terms file.')}</td><td class="num">${t.pages}</td><td class="num">${t.count}</td></tr>`,
  );
  const glossary = report.terms
    .map((t) => {
      const name =
        t.expansion && t.expansion.toLowerCase() !== t.term.toLowerCase() ? `${t.term} (${t.expansion})` : t.term;
      return `${name}: ${t.definition ?? '…'}`;
    })
    .join('\n');
  return `<section aria-labelledby="terms"><h2 id="terms">Terms to explain</h2>
<p>These SEND terms and acronyms appear without being explained, on the most pages first. Explain each one where it first appears on a page, or link it to a glossary.</p>
<table>
<caption>Terms left unexplained most often</caption>
<thead><tr><th scope="col">Term</th><th scope="col">Stands for</th><th scope="col">Plain meaning</th><th scope="col" class="num">Pages</th><th scope="col" class="num">Times</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>
<h3 id="glossary">A glossary to copy</h3>
<p>The same terms and meanings as plain text, ready to paste into your site's glossary page. Check each meaning fits how your school uses the word.</p>
<pre>${esc(glossary)}</pre>
</section>`;
}

function checklistSection(report: AuditReport): string {
  const list = report.checklist!;
  const rows = list.map(
    (c) =>
      `<tr><th scope="row">Paragraph ${esc(c.paragraph)}</th><td>${esc(c.check)}</td><td>${c.found ? '<span class="ok">✓ Found</span>' : '<span class="over">✗ Not found</span>'}</td><td>${c.where ? `${place(c.where.address, c.where.title)}<blockquote>${esc(c.where.snippet)}</blockquote>` : 'Not on any page read.'}</td></tr>`,
  );
  return `<section aria-labelledby="checklist"><h2 id="checklist">SEN Information Report checklist</h2>
<p>Every school must publish an SEN Information Report. The Special Educational Needs and Disability Regulations 2014, Schedule 1, says what it must include. Found means words that suggest the item were found, with where; not found means the audit could not see it. Read each one yourself: this is where to look, not a verdict.</p>
<p><strong>${list.filter((c) => c.found).length} of ${list.length}</strong> items found.</p>
<table>
<caption>What the law asks the report to include (SI 2014/1530, Schedule 1)</caption>
<thead><tr><th scope="col">Part of Schedule 1</th><th scope="col">What it must say</th><th scope="col">Found?</th><th scope="col">Where</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>
</section>`;
}

function sentencesSection(report: AuditReport): string {
  if (!report.longest.length)
    return `<section aria-labelledby="sentences"><h2 id="sentences">Long sentences</h2><p>No sentence is longer than ${report.audience.maxSentenceWords} words.</p></section>`;
  return `<section aria-labelledby="sentences"><h2 id="sentences">Long sentences</h2>
<p>The longest sentences across the site. For ${esc(report.audience.label.toLowerCase())}, keep sentences to ${report.audience.maxSentenceWords} words or fewer: split these into two or three.</p>
<ol>${report.longest.map((s) => `<li><strong>${s.words} words</strong>, on ${place(s.address, s.title)}<blockquote>${esc(s.text)}</blockquote></li>`).join('\n')}</ol>
</section>`;
}

function pageSection(p: PageSummary, i: number, limit: number): string {
  const verdict =
    p.words === 0
      ? 'No text to read.'
      : p.over
        ? `<span class="over">Over the limit:</span> reading age ${p.readingAge}, the reader's limit is ${limit}.`
        : `<span class="ok">Within the limit:</span> reading age ${p.readingAge} (limit ${limit}).`;
  const parts = [
    // An article, not a landmark: many pages share a title, and landmarks must be unique.
    `<article class="page"><h3 id="page-${i}">${esc(p.title || p.address)}</h3>`,
    `<p class="address">${place(p.address)} <span class="muted">(${esc(p.kind.toUpperCase())})</span></p>`,
    `<p>${verdict} ${plural(p.words, 'word')}, ${plural(p.sentences, 'sentence')}; ${plural(p.unexplained, 'unexplained term')}, ${plural(p.explained, 'explained acronym')}, ${plural(p.plainWords, 'plainer-word suggestion')}, ${plural(p.longSentences, 'long sentence')}.</p>`,
  ];
  if (p.warning) parts.push(`<p><strong>Note:</strong> ${esc(p.warning)}</p>`);
  if (p.terms.length)
    parts.push(
      `<h4>Terms to explain</h4><p>${p.terms.map((t) => `${esc(t.term)}${t.count > 1 ? ` (${t.count} times)` : ''}`).join(', ')}</p>`,
    );
  if (p.suggestions.length)
    parts.push(
      `<h4>Plainer words</h4><ul class="inline">${p.suggestions.map((s) => `<li>“${esc(s.text)}”: try “${esc(s.instead)}”</li>`).join('')}</ul>`,
    );
  if (p.longest.length)
    parts.push(
      `<h4>Longest sentences</h4>${p.longest
        .slice(0, 3)
        .map((s) => `<blockquote><strong>${s.words} words:</strong> ${esc(s.text)}</blockquote>`)
        .join('')}`,
    );
  parts.push('</article>');
  return parts.join('\n');
}

function unreadSection(report: AuditReport): string {
  if (!report.unread.length)
    return `<section aria-labelledby="unread"><h2 id="unread">Could not be read</h2><p>Every page found was read.</p></section>`;
  const rows = report.unread.map(
    (u) =>
      `<tr><th scope="row" class="address">${place(u.address)}</th><td>${esc(REASONS[u.reason] ?? u.reason)}</td><td>${esc(u.message)}</td><td>${u.from ? place(u.from) : ''}</td></tr>`,
  );
  return `<section aria-labelledby="unread"><h2 id="unread">Could not be read</h2>
<p>Broken links and pages the audit could not read. Fix the links families would follow first.</p>
<table>
<caption>${plural(report.unread.length, 'address', 'addresses')} not read</caption>
<thead><tr><th scope="col">Address</th><th scope="col">Problem</th><th scope="col">What happened</th><th scope="col">Linked from</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>
</section>`;
}

const REASONS: Record<string, string> = {
  status: 'Error from the server',
  timeout: 'Too slow',
  'not-readable': 'Not a page or document',
  'too-large': 'Too large',
  'redirect-loop': 'Redirect loop',
  'redirect-elsewhere': 'Redirects to another site',
  network: 'Could not connect',
  unreadable: 'Could not be read',
};
