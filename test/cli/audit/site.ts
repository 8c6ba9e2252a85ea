/**
 * A small school website served on 127.0.0.1 for the audit tests: a sitemap, robots.txt
 * rules, an SEN Information Report, a broken link, a redirect loop, a 10 MB page, a slow page,
 * a Word document and a PDF, and links to a second server that must never be asked for anything.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { docx } from '../docx.js';

export const PDF = readFileSync(new URL('../../fixtures/audit/send-policy.pdf', import.meta.url));

export interface TestServer {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** Most requests in progress at once. */
  maxInFlight: number;
  /** Whether the 10 MB page was sent to the end. */
  bigFinished: boolean;
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, server: TestServer) => unknown;

export async function serve(routes: Record<string, Route | string>): Promise<TestServer> {
  let inFlight = 0;
  const sockets = new Set<import('node:net').Socket>();
  const state: TestServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    bigFinished: false,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    state.requests.push(path);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    if (typeof route === 'string') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(route);
    else await route(req, res, state);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  state.url = `http://127.0.0.1:${address.port}`;
  return state;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

export const REPORT_TEXT = [
  '<h1>SEN Information Report</h1>',
  '<p>We make provision for these kinds of special educational needs: communication and interaction, cognition and learning, and sensory needs.</p>',
  '<p>We identify needs early. Teachers assess every pupil each term.</p>',
  '<p>We check how well our support works by looking at its impact each term.</p>',
  '<p>We review the progress of every pupil with SEN three times a year.</p>',
  '<p>Our approach to teaching is high quality teaching for every child.</p>',
  '<p>We adapt the curriculum and the classroom so that every pupil can learn.</p>',
  '<p>Some pupils get extra help in small groups or one to one.</p>',
  '<p>All pupils join in trips, clubs and sports together.</p>',
  '<p>Our pastoral team supports emotional wellbeing.</p>',
  '<p>Our SENCO is Ms Amina Shah. Email senco@school.example or phone 01234 567890.</p>',
  '<p>Staff have training every year, and we ask specialist teachers and the educational psychologist for advice.</p>',
  '<p>We buy special equipment when a pupil needs it.</p>',
  '<p>We meet parents each term to hear their views.</p>',
  "<p>We ask for the pupil's views at every review.</p>",
  '<p>We work with health and social care teams.</p>',
  '<p>The SENDIASS service gives free advice to parents.</p>',
  '<p>We plan each transition to secondary school with care.</p>',
  '<p>Your child may have an EHCP. The LA will check the EHCP at an annual review.</p>',
].join('');

/** Well over the reader's reading age: long words, long sentences. */
export const HARD_TEXT =
  '<h1>Policy statement</h1><p>The governing body acknowledges its statutory responsibilities concerning the identification, assessment and subsequent educational provision for individuals experiencing considerable developmental difficulties, notwithstanding organisational constraints, and consequently the multidisciplinary collaboration between educational psychologists, paediatricians and occupational therapists necessitates comprehensive documentation.</p><p>The EHCP and the LA.</p>';

export const EASY_TEXT =
  '<h1>About us</h1><p>We are a small school. We have a big field. Come and see us. We like to meet you.</p>';

export async function schoolSite(elsewhere: string, options: { slowMs?: number } = {}) {
  const word = await docx([
    ['Our SEND policy'],
    ['The SENCO meets parents each term.'],
    ['The school follows the graduated approach.'],
  ]);
  const server = await serve({
    '/robots.txt': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(
          'User-agent: *\nDisallow: /private/\n\nUser-agent: plain-send-audit\nDisallow: /staff/\nDisallow: /private/\n\nSitemap: /sitemap.xml\n',
        ),
    '/': page(
      'Greenfield Primary',
      `<h1>Greenfield Primary</h1><p>Welcome to our school.</p><nav><a href="/about.html">About</a> <a href="/send/report.html">SEN report</a> <a href="send/hard.html">Policy</a>
<a href="/news/missing.html">News</a> <a href="/loop">Loop</a> <a href="/big.html">Big</a> <a href="/slow.html">Slow</a>
<a href="/policies/send-policy.docx">Word</a> <a href="/policies/send-policy.pdf">PDF</a> <a href="/staff/handbook.html">Staff</a>
<a href="/private/secret.html">Private</a> <a href="${elsewhere}/from-school">Elsewhere</a> <a href="/away">Away</a>
<a href="/old-about">Old</a> <a href="/logo.png">Logo</a> <a href="/calendar">Calendar</a> <a href="mailto:office@school.example">Email</a>
<a href="#top">Top</a> <a href="/about.html#team">Team</a></nav>`,
    ),
    '/about.html': page('About us', EASY_TEXT),
    '/send/report.html': page('SEN Information Report', REPORT_TEXT),
    '/send/hard.html': page('Policy statement', HARD_TEXT),
    '/staff/handbook.html': page('Staff', '<p>Never read.</p>'),
    '/private/secret.html': page('Private', '<p>Never read.</p>'),
    '/loop': (_req, res) => res.writeHead(302, { location: '/loop-again' }).end(),
    '/loop-again': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/old-about': (_req, res) => res.writeHead(301, { location: '/about.html' }).end(),
    '/away': (_req, res) => res.writeHead(302, { location: `${elsewhere}/redirected` }).end(),
    '/calendar': (_req, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR'),
    '/big.html': (_req, res, state) => {
      // 10 MB, written as the reader takes it; if the reader stops, so does this.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, '<p>word </p>');
      let sent = 0;
      const more = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end(() => (state.bigFinished = true));
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    },
    '/slow.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>Slow');
      const timer = setTimeout(() => res.end('</p>'), options.slowMs ?? 5000);
      res.on('close', () => clearTimeout(timer));
    },
    '/policies/send-policy.docx': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
        .end(word),
    '/policies/send-policy.pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF),
    '/sitemap.xml': (_req, res, state) =>
      res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${state.url}/about.html</loc></url><url><loc>${state.url}/send/report.html</loc></url><url><loc>${state.url}/staff/handbook.html</loc></url><url><loc>${state.url}/news/missing.html</loc></url><url><loc>${elsewhere}/listed</loc></url></urlset>`,
        ),
  });
  return server;
}
