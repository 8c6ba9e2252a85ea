/**
 * What a school's SEN Information Report must contain: The Special Educational Needs and
 * Disability Regulations 2014 (SI 2014/1530), Schedule 1, made under regulation 51
 * (legislation.gov.uk/uksi/2014/1530/schedule/1). Each check is our own wording of one
 * paragraph, and a few word patterns that suggest the site covers it. A pattern found is a
 * pointer for a person to read, not proof the duty is met; "not found" is where to look first.
 */

export interface ChecklistItem {
  /** The paragraph of Schedule 1, e.g. `3(b)`. */
  paragraph: string;
  /** What the report must say, in plain words. */
  check: string;
  /** Every pattern must match on the same page. The first one gives the quoted snippet. */
  patterns: RegExp[];
}

export const SCHEDULE_1: readonly ChecklistItem[] = [
  {
    paragraph: '1',
    check: 'Which kinds of special educational needs the school makes provision for.',
    patterns: [
      /\b(?:kinds?|types?|areas?|range) of (?:special educational )?needs?\b|communication and interaction|cognition and learning|sensory and(?:\/or)? physical/i,
    ],
  },
  {
    paragraph: '2',
    check: 'How the school finds out that a pupil has special educational needs, and how it assesses them.',
    patterns: [/\bidentif(?:y|ies|ied|ying|ication)\b|\bspot(?:s|ted)?\b|\bnotic(?:e|es|ed)\b/i, /\bassess/i],
  },
  {
    paragraph: '3(a)',
    check: 'How the school checks whether its support for pupils with SEN is working.',
    patterns: [/\beffective(?:ness)?\b|\bevaluat|\bhow well (?:\w+ ){0,8}(?:works?|working)\b|\bimpact\b/i],
  },
  {
    paragraph: '3(b)',
    check: 'How the school assesses and reviews the progress of pupils with SEN.',
    patterns: [/\bprogress\b/i, /\breview/i],
  },
  {
    paragraph: '3(c)',
    check: 'How the school approaches teaching pupils with SEN.',
    patterns: [
      /\bapproach to teaching\b|\bquality[- ]first teaching\b|\bhigh[- ]quality teaching\b|\bteach(?:ing|es)? (?:pupils|children|students)\b|\bgraduated (?:approach|response)\b/i,
    ],
  },
  {
    paragraph: '3(d)',
    check: 'How the school changes the curriculum and the learning environment for pupils with SEN.',
    patterns: [
      /\badapt|\bdifferentiat|\breasonable adjustments?\b|\bchanges? (?:to|the)\b/i,
      /\bcurriculum\b|\b(?:learning )?environment\b|\bclassrooms?\b|\blessons?\b/i,
    ],
  },
  {
    paragraph: '3(e)',
    check: 'What extra support for learning pupils with SEN can have.',
    patterns: [
      /\b(?:additional|extra) (?:support|help)\b|\binterventions?\b|\bteaching assistants?\b|\bsmall[- ]groups?\b|\bone[- ]to[- ]one\b|\b1:1\b/i,
    ],
  },
  {
    paragraph: '3(f)',
    check:
      'How pupils with SEN take part in school activities, physical ones included, together with pupils who do not have SEN.',
    patterns: [
      /\bactivit(?:y|ies)\b|\btrips?\b|\bclubs?\b|\bsports?\b|\bP\.?E\.?\b|\bphysical education\b/i,
      /\b(?:all|other|every) (?:pupils|children|students)\b|\btogether\b|\binclu(?:de|ded|sion|sive)\b|\btake part\b|\bjoin in\b/i,
    ],
  },
  {
    paragraph: '3(g)',
    check: "What support there is for pupils' emotional, mental and social development.",
    patterns: [
      /\bemotional\b|\bmental health\b|\bwell-?being\b|\bsocial (?:development|skills)\b|\bpastoral\b|\bSEMH\b|\bELSA\b/i,
    ],
  },
  {
    paragraph: '4',
    check:
      'The name and contact details of the SEN co-ordinator (SENCO), for mainstream and maintained nursery schools.',
    patterns: [
      /\bSEND?\s?Co(?:-?ordinator)?\b|\bspecial educational needs (?:and disabilit(?:y|ies) )?co-?ordinator\b/i,
      /@[\w-]+\.[a-z]{2,}|\b(?:tel(?:ephone)?|phone|call|ring|email|e-mail|contact)\b|\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/i,
    ],
  },
  {
    paragraph: '5',
    check: "Staff's training and expertise in SEN, and how the school gets specialist help when it needs it.",
    patterns: [
      /\btrain(?:ing|ed)\b|\bexpertise\b|\bqualifi(?:ed|cation)/i,
      /\bspecialists?\b|\beducational psychologists?\b|\bspeech and language\b|\boutreach\b|\btherapists?\b/i,
    ],
  },
  {
    paragraph: '6',
    check: 'How the school gets the equipment and facilities pupils with SEN need.',
    patterns: [/\bequipment\b|\bfacilities\b|\bresources\b|\b(?:hearing|visual|mobility) aids?\b/i],
  },
  {
    paragraph: '7',
    check:
      'How the school asks parents of children with SEN for their views and involves them in their child’s education.',
    patterns: [
      /\bparents?\b|\bcarers?\b|\bfamil(?:y|ies)\b/i,
      /\bconsult|\binvolv|\bmeet(?:ings?)?\b|\bviews?\b|\bwork(?:s|ing)? (?:with|together)\b|\bpartnership\b/i,
    ],
  },
  {
    paragraph: '8',
    check: 'How the school asks young people with SEN for their views and involves them in their own education.',
    patterns: [
      /\bpupil voice\b|\bstudent voice\b|\b(?:child|pupil|young person|student)(?:'s|’s)? (?:own )?views?\b|\bviews of (?:the )?(?:child|pupil|young person|student)s?\b|\bone[- ]page profiles?\b|\b(?:pupils|children|young people|students) (?:are|is) (?:involved|consulted|asked)\b|\binvolv\w* (?:pupils|children|young people|students)\b/i,
    ],
  },
  {
    paragraph: '9',
    check: 'How parents of pupils with SEN can complain about the support the school gives.',
    patterns: [/\bcomplain(?:t|ts|s)?\b/i],
  },
  {
    paragraph: '10',
    check:
      'How the governing body involves others (health and social care, council support services, voluntary groups) in meeting pupils’ needs and supporting their families.',
    patterns: [
      /\bhealth\b|\bsocial care\b|\bsocial services\b|\b(?:local authority|council)\b|\bvoluntary\b|\b(?:outside|external) agencies\b|\bschool nurse\b|\bCAMHS\b/i,
    ],
  },
  {
    paragraph: '11',
    check:
      'Contact details of support services for parents of pupils with SEN, including the local information, advice and support service.',
    patterns: [
      /\bSENDIASS\b|\bIASS\b|\binformation,? advice and support\b|\bparent partnership\b|\bSENDIAS\b|\bIPSEA\b|\bparent carer forum\b/i,
    ],
  },
  {
    paragraph: '12',
    check:
      'How the school supports pupils with SEN when they move between stages of education, and as they prepare for adult life.',
    patterns: [
      /\btransitions?\b|\btransfer\b|\bmoving (?:up|on)\b|\bnext school\b|\bsecondary school\b|\bpreparing for adulthood\b|\badult (?:life|hood)\b|\bindependent living\b/i,
    ],
  },
  {
    paragraph: '13',
    check: "Where the local authority's Local Offer is published.",
    patterns: [/\blocal offer\b/i],
  },
];

export interface ChecklistResult {
  paragraph: string;
  check: string;
  found: boolean;
  /** Where it was found first: the page's address and a short quote around the first pattern. */
  where?: { address: string; title: string; snippet: string };
}

/** Does a page's text look like a school's SEN Information Report? */
export function isSenInformationReport(title: string, text: string): boolean {
  return /\bSEND? information report\b|\bspecial educational needs (?:and disabilit(?:y|ies) )?information report\b/i.test(
    `${title}\n${text.slice(0, 20_000)}`,
  );
}

/** Text of one page searched for the checks. */
const MAX_CHECKED_CHARS = 2_000_000;

/** Collects, page by page, which checks a site covers; only the first page for each is kept. */
export class Checklist {
  private readonly where = new Map<string, ChecklistResult['where']>();

  addPage(address: string, title: string, text: string): void {
    // Pattern searches start with a word or a literal, so they stay linear; the cap bounds a huge page.
    text = text.slice(0, MAX_CHECKED_CHARS);
    for (const item of SCHEDULE_1) {
      if (this.where.has(item.paragraph)) continue;
      if (!item.patterns.every((p) => p.test(text))) continue;
      const match = item.patterns[0].exec(text)!;
      this.where.set(item.paragraph, { address, title, snippet: snippetAround(text, match.index, match[0].length) });
    }
  }

  results(): ChecklistResult[] {
    return SCHEDULE_1.map((item) => {
      const where = this.where.get(item.paragraph);
      return { paragraph: item.paragraph, check: item.check, found: where !== undefined, where };
    });
  }
}

/** The line the match is on, cut to about 160 characters around it. */
export function snippetAround(text: string, index: number, length: number, room = 160): string {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  let lineEnd = text.indexOf('\n', index + length);
  if (lineEnd < 0) lineEnd = text.length;
  const side = Math.max(0, Math.floor((room - length) / 2));
  const from = Math.max(lineStart, index - side);
  const to = Math.min(lineEnd, index + length + side);
  return `${from > lineStart ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < lineEnd ? '…' : ''}`;
}
