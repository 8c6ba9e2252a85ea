/**
 * Names of local schemes, plans, panels, bases and teams that no glossary knows ("the Inclusion
 * Support Panel", "an Enhanced Resource Base", "the Network of Support"): capitalised words ending in
 * a word such names end in (or in such a word and "of …"), and an everyday word in capitals before
 * one ("the SHARE app"). A name with no such ending (a person, a place, a school, a month), or that
 * goes on in a word of another kind ("Food Standards Agency"), is left alone, and so is a heading,
 * where every word has capitals.
 */
import type { ParagraphContext } from '../context.js';
import type { TermMatch } from '../glossary/match.js';
import { isEverydayWord } from '../readability.js';
import { isBodyWord } from '../text/titles.js';
import { ALL_UPPER, capsOfToken, UPPER_FIRST, type Token } from '../text/tokens.js';
import type { Finding } from '../types.js';
import { makeFinding, type ParagraphRule } from './rule.js';
import { hasDigit } from './unknown-acronym.js';

/** The last word of a local service's or plan's name (singular, lower case). */
const HEADS = new Set([
  'allowance',
  'app',
  'approach',
  'assessment',
  'base',
  'board',
  'centre',
  'charter',
  'clinic',
  'collaborative',
  'directory',
  'door',
  'forum',
  'framework',
  'fund',
  'funding',
  'grant',
  'group',
  'guidance',
  'level',
  'helpline',
  'hub',
  'line',
  'meeting',
  'model',
  'network',
  'offer',
  'pack',
  'panel',
  'partnership',
  'passport',
  'pathway',
  'plan',
  'planning',
  'process',
  'profile',
  'programme',
  'project',
  'protocol',
  'provision',
  'register',
  'resource',
  'response',
  'review',
  'room',
  'scheme',
  'service',
  'stage',
  'step',
  'strategy',
  'team',
  'tool',
  'toolkit',
  'unit',
  'voice',
]);

/** Whose voice a group is ("Parents Voice", "Young People's Voice"). */
const PEOPLE = new Set(['parent', 'carer', 'family', 'families', 'youth', 'children', 'people', 'pupil', 'student']);

/** Small words a name may hold between its capitalised words ("Special Educational Needs and Disabilities Team"). */
const JOINERS = new Set(['and', 'of', 'for']);

/**
 * Small words a name may hold only inside it, before more of its capitalised words and its head
 * ("Mental Health in Schools Team", "Children with Disabilities Team", "Right to Choose Pathway").
 */
const INNER = new Set(['in', 'with', 'to']);

/**
 * Heads a service's name may be written with in small letters ("the Getting Help team", "the Early
 * Start service"): the capitalised words before them are the name.
 */
const SMALL_HEADS = new Set(['clinic', 'hub', 'pathway', 'panel', 'programme', 'project', 'scheme', 'service', 'team']);

/** The last word of a body's or a place's own name: "the Leeds City Council team" is the council's team. */
const OWNERS = new Set([
  'academy',
  'agency',
  'association',
  'authority',
  'board',
  'charity',
  'college',
  'council',
  'county',
  'government',
  'hospital',
  'nursery',
  'school',
  'society',
  'trust',
  'university',
]);

/**
 * The last word of a body's name that says what kind of body it is, before a head of its own ("the
 * Education Endowment Foundation Toolkit"): the thing belongs to that body. Not a school, nursery or
 * hospital: "Hospital Passport" and "School Plan" name things of their own.
 */
const BODY_OWNERS = new Set(['trust', 'council', 'government', 'authority']);

function isOwnerName(t: Token): boolean {
  return isCapitalised(t) && (BODY_OWNERS.has(t.lower) || isBodyWord(t.lower));
}

/** Words before a name that are not part of it. */
const LEADERS = new Set([
  'the',
  'a',
  'an',
  'our',
  'your',
  'their',
  'this',
  'that',
  'these',
  'those',
  'my',
  'his',
  'her',
  'its',
  'each',
  'every',
  'any',
  'all',
  'some',
  'no',
]);

/** Articles and pointing words: never part of a name, though a sentence may start with one ("The Inclusion Panel"). */
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/**
 * A word before a name that is not part of it: an article, or another leader in small letters or
 * starting a sentence. "an All Age Disability service" and "the Our Voices Forum" keep theirs.
 */
function outsideName(t: Token): boolean {
  return LEADERS.has(t.lower) && (ARTICLES.has(t.lower) || t.text === t.lower || !t.joinsPrevious);
}

/** Names every reader knows, though they end like a local one. */
const KNOWN = new Set([
  'national health service',
  'citizens advice service',
  'local offer',
  'microsoft teams',
  'national lottery community fund',
]);

/** The first word of a job title "… of" a service ("Head of SEND Services"). */
const ROLES = new Set(['head', 'director', 'manager', 'chair', 'leader', 'lead', 'member']);
/** The first word of a government department's name, before "of" or "for" ("Department for Education"). */
const DEPARTMENT_WORDS = new Set(['department', 'ministry']);
/** A minister's office, named for its brief ("Deputy Minister for Social Services", "Cabinet Secretary for Education"). */
const OFFICES = new Set(['minister', 'secretary', 'commissioner']);
/** Words before an office in its title. */
const OFFICE_RANKS = new Set(['deputy', 'assistant', 'cabinet', 'junior', 'shadow']);

const MAX_WORDS = 8;

export const localName: ParagraphRule = {
  id: 'local-name',
  category: 'jargon',
  description: 'Names of local schemes, panels, bases and plans that no glossary explains.',
  examples: {
    flag: [
      'Your request will go to the Inclusion Support Panel in May.',
      'He could move to an Enhanced Learning Base next year.',
      'The school uses the Graduated Support Toolkit for this.',
      'Download the KITE app to keep in touch.',
    ],
    pass: [
      'Please write to Mrs Jane Smith at the school.',
      'We will meet on Monday 3 March in Leeds.',
      'Our Support Plan',
      'How We Review Your Child’s Plan',
      'She goes to St Mary’s Primary School.',
      'Ask the Head of Education and Inclusion Services.',
      'Julie Morgan, Deputy Minister for Social Services, opened it.',
      'The panel will meet next week.',
      'This is the ONLY plan we have.',
      'We asked the Food Standards Agency.',
    ],
  },
  check(context) {
    const out: Finding[] = [];
    const tokens = context.tokens();
    const terms = context.terms();
    const sentences = context.sentences();
    const longForms = context.longForms();
    let l = 0; // next long form of a known acronym that could overlap
    let t = 0; // next glossary term that could overlap
    let s = 0; // the sentence holding the current token
    let headingChecked = -1;
    let heading = false;
    let i = 0;
    while (i < tokens.length) {
      if (!isCapitalised(tokens[i])) {
        // "the SHARE app", "our LIFT panel": a word in capitals before a head word names something.
        if (i > 0 && i + 1 < tokens.length && isNameInCapitals(context, tokens, i)) {
          const start = tokens[i].start;
          while (t < terms.length && terms[t].end <= start) t++;
          if (!explained(terms, t, start, tokens[i + 1].end)) {
            out.push(finding(context.text, start, tokens[i + 1].end));
            i += 2;
            continue;
          }
        }
        // "SPACE-Wellbeing": an everyday word in capitals joined to a capitalised word names a scheme.
        if (i + 1 < tokens.length && isCapsCompound(context, tokens, i)) {
          const start = tokens[i].start;
          while (t < terms.length && terms[t].end <= start) t++;
          if (!covered(terms, t, tokens[i]) && !covered(terms, t, tokens[i + 1])) {
            out.push(finding(context.text, start, tokens[i + 1].end));
            i += 2;
            continue;
          }
        }
        i++;
        continue;
      }
      // The longest run of capitalised words, small joiners allowed between them.
      // It ends at the last word a name ends in: "the Inclusion Panel in May" is "Inclusion Panel".
      const runStart = i;
      let runEnd = i;
      let last = isHead(tokens[i]) ? i : -1;
      let j = i + 1;
      while (j < tokens.length && j - i < MAX_WORDS * 2 && oneSpaceApart(context.text, tokens[j - 1], tokens[j])) {
        // "the Continence Service and Dietetics Service": a whole name, "and", then another name: two names.
        if (
          tokens[j].lower === 'and' &&
          j - 1 > i &&
          isHead(tokens[j - 1]) &&
          headAhead(context.text, tokens, tokens[j + 1]?.lower === 'the' ? j + 2 : j + 1)
        )
          break;
        if (isCapitalised(tokens[j])) {
          runEnd = j;
          if (isHead(tokens[j])) last = j;
        } else if (
          isNumber(tokens[j]) &&
          j + 1 < tokens.length &&
          isCapitalised(tokens[j + 1]) &&
          oneSpaceApart(context.text, tokens[j], tokens[j + 1])
        ) {
          // "Home 2 Onsite": a number between a name's words is part of it.
        } else if (INNER.has(tokens[j].lower) && tokens[j - 1].lower !== tokens[j - 1].text) {
          // Inside a name only: the name must go on to a head after it ("… in Schools Team").
          if (!headAhead(context.text, tokens, j + 1)) break;
        } else if (!JOINERS.has(tokens[j].lower) && !(tokens[j].lower === 'the' && JOINERS.has(tokens[j - 1].lower)))
          break;
        j++;
      }
      i = runEnd + 1;
      // "the Getting Help team": a head in small letters right after the capitalised words.
      if (last < runEnd && smallHead(context.text, tokens, runEnd)) {
        last = runEnd + 1;
        i = last + 1;
      }
      // "Home 2 Onsite (H2O) programme": the name, its short form in brackets, then its head.
      let short = -1;
      if (last < runEnd && shortThenHead(context.text, tokens, runEnd)) {
        short = runEnd + 1;
        last = runEnd + 2;
        i = last + 1;
      }
      if (last < 0) {
        // "a referral to Early Start": what a child is referred to is a service, whatever its name.
        if (runEnd > runStart && referredTo(tokens, runStart)) {
          const start = tokens[runStart].start;
          while (t < terms.length && terms[t].end <= start) t++;
          if (!explained(terms, t, start, tokens[runEnd].end) && !namesItself(tokens, runStart, runEnd))
            out.push(finding(context.text, start, tokens[runEnd].end));
        }
        continue;
      }
      if (last < runEnd) {
        // "Network of Support": the head, then "of" and what it is of, is one name.
        // Not in a title that runs on ("Review of Best Practice in Parental Engagement").
        if (tokens[last + 1].lower === 'of') {
          let k = last + 2;
          if (tokens[k].lower === 'the') k++;
          while (k <= runEnd && isCapitalised(tokens[k])) k++;
          if (k - 1 === runEnd && titleRunsOn(context.text, tokens, runEnd)) continue;
          if (isCapitalised(tokens[k - 1])) last = k - 1;
        }
        // "Food Standards Agency": the name ends in a word of another kind; it is not a local one.
        else if (isCapitalised(tokens[last + 1])) continue;
      } else if (last > runEnd && OWNERS.has(tokens[runEnd].singular ?? tokens[runEnd].lower)) {
        // "the Leeds City Council team": a team of a body everyone can name.
        continue;
      } else if (last > runStart && isOwnerName(tokens[last - 1]) && tokens[last].lower !== 'panel') {
        // "the Education Endowment Foundation Toolkit", "the Trust Board": the body's own toolkit or
        // board, named by the body, which says what kind of body it is. A panel's name must say what
        // it decides ("the Harbour Trust Panel").
        continue;
      }
      let first = runStart;
      // "Ask the Inclusion Panel": a sentence's first word before a joiner is not part of the name.
      if (first < last && !tokens[first].joinsPrevious && JOINERS.has(tokens[first + 1].lower)) first++;
      while (first < last && (outsideName(tokens[first]) || JOINERS.has(tokens[first].lower))) first++;
      const head = tokens[last];
      if (last - first < 1 || last - first >= MAX_WORDS) continue;
      // "Doncaster Parents Voice" is a group of parents; "Stammering and Voice" is what a clinic treats.
      if (head.lower === 'voice' && !PEOPLE.has(tokens[last - 1].singular ?? tokens[last - 1].lower)) continue;
      // "the Cardiff team", "the Tribunal service": one capitalised word before a head in small
      // letters is most often a place's or a body's own name.
      if (last > runEnd && (short < 0 ? last : runEnd + 1) - first < 2) continue;
      // Mid-sentence only: a name that starts a line or a sentence is most often a heading or a table cell.
      // Quotes or a bracket before it do not start a sentence: 'a “Support Plan”', '(Inclusion Panel)'.
      if (first === runStart && !tokens[first].joinsPrevious && !quotedOrBracketed(context.text, tokens, first))
        continue;
      // A job title ("the Head of Education and Inclusion Services") says what it is: a person's role.
      if (ROLES.has(tokens[first].lower) && tokens[first + 1].lower === 'of') continue;
      // A government department says what it is ("the Department of Health and Social Services").
      if (
        DEPARTMENT_WORDS.has(tokens[first].lower) &&
        (tokens[first + 1].lower === 'of' || tokens[first + 1].lower === 'for')
      )
        continue;
      if (isOffice(tokens, first, last)) continue;
      // A body that runs or plans things says what it is ("the Steering Group", "Operational Board", "Board of Governors").
      if (isGoverning(tokens, last)) continue;
      const start = tokens[first].start;
      const end = head.end;
      const nameEnd = short < 0 ? end : tokens[runEnd].end;
      while (t < terms.length && terms[t].end <= start) t++;
      if (explained(terms, t, start, end) || namedForProfession(terms, t, end, head)) continue;
      // A short form the glossary knows names the thing: "Education, Health and Care (EHC) plan".
      if (short >= 0 && covered(terms, t, tokens[short])) continue;
      // The text's own long form of an acronym the glossary knows ("Educational Psychology Team (EPS)").
      while (l < longForms.length && longForms[l].end <= start) l++;
      if (l < longForms.length && longForms[l].start < end) continue;
      while (s < sentences.length && sentences[s].end <= start) s++;
      // Once per sentence, however many names it holds: one very long line stays linear.
      if (s !== headingChecked) {
        headingChecked = s;
        heading = s < sentences.length && isHeading(sentences[s].words);
      }
      if (heading) continue;
      const text = context.text.slice(start, nameEnd);
      if (
        KNOWN.has(text.toLowerCase()) ||
        saysWhatItIs(tokens, first, last, short) ||
        namesAPlace(tokens, first, last) ||
        inTitleOfAct(context.text, tokens, last)
      )
        continue;
      out.push(finding(context.text, start, nameEnd));
      // Its short form, when it holds a digit: the unknown-acronym rule takes such a one for a code.
      if (short >= 0 && hasDigit(tokens[short].text))
        out.push(finding(context.text, tokens[short].start, tokens[short].end));
    }
    return out;
  },
};

function finding(paragraph: string, start: number, end: number): Finding {
  const text = paragraph.slice(start, end);
  return makeFinding({
    category: 'jargon',
    rule: 'local-name',
    start,
    end,
    text,
    message: `"${text}" looks like the name of a local service, plan or panel. Plain SEND has no meaning for it: say in a few words what it is, or add it to your terms.`,
    term: text,
    suggestions: [],
    replacements: [],
  });
}

/** Words in capitals for emphasis, not names ("the ONLY plan", "a NEW service"). */
const EMPHASIS = new Set([
  'all',
  'any',
  'best',
  'each',
  'every',
  'final',
  'first',
  'free',
  'full',
  'last',
  'main',
  'most',
  'must',
  'new',
  'next',
  'no',
  'not',
  'one',
  'only',
  'other',
  'own',
  'right',
  'same',
  'two',
  'very',
  'whole',
]);

/**
 * An everyday word in capitals (so not an unknown acronym), after "the", "a" or "our" and before a
 * head word, in a sentence that is not in capitals: "the SHARE app". Acronyms everyone knows ("the
 * IT team") and words in capitals for emphasis are left alone.
 */
function isNameInCapitals(context: ParagraphContext, tokens: readonly Token[], i: number): boolean {
  const word = tokens[i];
  const c = word.text.charCodeAt(0);
  if (c < 65 || c > 90 || word.text.length < 3 || !(capsOfToken(word) & ALL_UPPER)) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!LEADERS.has(before.lower) || !oneSpaceApart(context.text, before, word)) return false;
  if (!isHead(after) || !oneSpaceApart(context.text, word, after) || capsOfToken(after) & ALL_UPPER) return false;
  if (EMPHASIS.has(word.lower) || context.glossary.known.has(word.text) || !isEverydayWord(word.lower)) return false;
  return !context.isShouting(word.start);
}

/**
 * An everyday word in capitals, a hyphen, and a capitalised word, standing alone ("SPACE-Wellbeing",
 * not "SPACE-Wellbeing-Plus"), in text not in capitals. A short form joined so ("CAMHS-Link") is the
 * acronym rules'.
 */
function isCapsCompound(context: ParagraphContext, tokens: readonly Token[], i: number): boolean {
  const word = tokens[i];
  const next = tokens[i + 1];
  const c = word.text.charCodeAt(0);
  if (c < 65 || c > 90 || word.text.length < 3 || !(capsOfToken(word) & ALL_UPPER) || !isCapitalised(next))
    return false;
  const text = context.text;
  if (next.start !== word.end + 1 || text.charCodeAt(word.end) !== 45) return false;
  if (i > 0 && tokens[i - 1].end === word.start - 1 && text.charCodeAt(word.start - 1) === 45) return false;
  if (text.charCodeAt(next.end) === 45) return false;
  if (EMPHASIS.has(word.lower) || context.glossary.known.has(word.text) || !isEverydayWord(word.lower)) return false;
  return !context.isShouting(word.start);
}

/**
 * A glossary term is part of the name ("Resource Base"), or is the whole of it. A common word the
 * glossary only knows for look-up ("panel") does not explain a name it is part of.
 */
function explained(terms: readonly TermMatch[], from: number, start: number, end: number): boolean {
  for (let k = from; k < terms.length && terms[k].start < end; k++) {
    const m = terms[k];
    if (m.form.entry.kind === 'plain-word') continue;
    if (!m.form.silent || (m.start <= start && m.end >= end) || isWellKnownName(m)) return true;
  }
  return false;
}

/** A body everyone knows, left unmarked as common ("Ofsted"): its report or framework says what it is. */
function isWellKnownName(m: TermMatch): boolean {
  const { entry } = m.form;
  return entry.common === true && /^\p{Lu}/u.test(entry.term);
}

/** Some glossary term (of any kind) holds the token. */
function covered(terms: readonly TermMatch[], from: number, token: Token): boolean {
  for (let k = from; k < terms.length && terms[k].start < token.end; k++) if (terms[k].end > token.start) return true;
  return false;
}

/**
 * Words before "group" or "board" that say it is a body of people who run or plan something; a
 * health board ("Aneurin Bevan University Health Board") is the NHS where it is.
 */
const GOVERNING = new Set(['steering', 'working', 'operational', 'strategic', 'advisory', 'management', 'executive']);

function isGoverning(tokens: readonly Token[], last: number): boolean {
  const head = tokens[last].singular ?? tokens[last].lower;
  if (head === 'governor' || head === 'governors')
    return last >= 2 && tokens[last - 1].lower === 'of' && tokens[last - 2].lower === 'board';
  if (head === 'board' && last >= 1 && tokens[last - 1].lower === 'health') return true; // the NHS in Wales and Scotland
  // Northern Ireland's public boards, named for the services they ran ("Health and Social Services Board",
  // "Education and Library Board").
  if (head === 'board') {
    let services = 0;
    let joined = false;
    const stop = Math.max(0, last - MAX_WORDS); // the name's own words only: a long line stays linear
    for (let k = last - 1; k >= stop && (PUBLIC_SERVICES.has(tokens[k].lower) || tokens[k].lower === 'and'); k--)
      if (tokens[k].lower === 'and') joined = true;
      else services++;
    if (joined && services >= 2) return true;
  }
  return (head === 'group' || head === 'board') && last >= 1 && GOVERNING.has(tokens[last - 1].lower);
}

/** Words of a public body's name that say which services it runs. */
const PUBLIC_SERVICES = new Set(['health', 'education', 'library', 'services', 'social', 'care', 'housing']);

/** Heads of a body that a profession's name can say all about ("Speech and Language Therapy Service"). */
const BODIES = new Set(['service', 'team']);

/**
 * Heads of a body of people or of its work, which the kind of help it gives, or whom it is for, can
 * name ("Family Support Service", "Parent Support Group", "Family Support Programme").
 */
const HELPERS = new Set(['centre', 'clinic', 'group', 'programme', 'service', 'team', 'unit']);

/**
 * Words for the kind of help or whom it is for, which any parent knows: a team or service named in
 * them says what it is ("Visual Impairment Team", "the Learning Support team"). Terms of art
 * ("Neurodevelopmental Service", "Early Help Service", "Community Paediatrics Team") are not among them.
 */
const FIELDS = new Set([
  'adolescent',
  'adult',
  'advice',
  'audiology',
  'autism',
  'baby',
  'behaviour',
  'bladder',
  'bowel',
  'carer',
  'child',
  'children',
  'communication',
  'continence',
  'dental',
  'dietetics',
  'disability',
  'disabilities',
  'disabled',
  'eating',
  'emotional',
  'family',
  'families',
  'feeding',
  'health',
  'hearing',
  'impairment',
  'information',
  'language',
  'learning',
  'mental',
  'need',
  'needs',
  'nurse',
  'nursing',
  'nutrition',
  'orthotics',
  'parent',
  'parenting',
  'people',
  'physiotherapy',
  'school',
  'sensory',
  'sibling',
  'sight',
  'sleep',
  'special',
  'speech',
  'support',
  'therapy',
  'visiting',
  'visual',
  'wellbeing',
  'young',
  'youth',
]);

/**
 * Illnesses, health topics and everyday kinds of care that anyone knows, which name many NHS and
 * council teams ("Children's Diabetes Team", "Asthma Clinic", "Bereavement Support Service"): such a
 * team says what it does. Clinical terms of art (paediatric, neurodevelopmental, perinatal) are not
 * among them.
 */
const CARE_TOPICS = new Set([
  'abuse',
  'allergy',
  'asthma',
  'bereavement',
  'blind',
  'counselling',
  'deaf',
  'diabetes',
  'domestic',
  'epilepsy',
  'hospice',
  'immunisation',
  'infant',
  'interpreting',
  'medical',
  'partially',
  'sexual',
  'sighted',
  'smoking',
  'translation',
  'vaccination',
]);

/** A word that says what help a team gives or whom it is for. */
function isField(t: Token): boolean {
  return FIELDS.has(t.lower) || FIELDS.has(t.singular ?? t.lower) || CARE_TOPICS.has(t.lower);
}

/**
 * A service or team named for what the glossary knows as a plain long form of three words or more
 * ("Community Paediatric Speech and Language Therapy Service"), or a centre or clinic whose name ends
 * in one ("Lighthouse Child Development Centre"): the name says what it is.
 */
function namedForProfession(terms: readonly TermMatch[], from: number, end: number, head: Token): boolean {
  const kind = head.singular ?? head.lower;
  const body = BODIES.has(kind);
  if (!body && !HELPERS.has(kind)) return false;
  for (let k = from; k < terms.length && terms[k].start < end; k++) {
    const m = terms[k];
    if (!m.form.silent || m.form.entry.kind === 'plain-word' || m.last - m.first < 2) continue;
    // A centre or clinic whose name ends in one the glossary knows ("Lighthouse Child Development Centre").
    if (body ? m.end >= head.start - 1 : m.end === head.end) return true;
  }
  return false;
}

/** Words of one name stand one space apart ("Children's Speech" too); a tab, a line or a comma parts them. */
function oneSpaceApart(text: string, a: Token, b: Token): boolean {
  if (!b.joinsPrevious) return false;
  const gap = b.start - a.end;
  if (gap === 1) return text.charCodeAt(a.end) === 32;
  return gap === 3 && (/^['’]s $/.test(text.slice(a.end, b.start)) || text.startsWith(' & ', a.end));
}

/** Everyday words in "-ing" that name no process of their own ("Working Group", "Open Morning"). */
const EVERYDAY_ING = new Set([
  'booking',
  'meeting',
  'morning',
  'evening',
  'building',
  'working',
  'clothing',
  'shopping',
  'swimming',
  'spring',
  'string',
  'nothing',
  'something',
  'anything',
  'everything',
  'wedding',
]);

/**
 * Heads that say nothing of what is done, however plain the words before them: "the Children & Young
 * People's Partnerships", "the Parent Network" name bodies of their own.
 */
const OPAQUE = new Set(['partnership', 'network', 'hub', 'collaborative', 'project', 'forum']);

/**
 * Every word an everyday one ("Quality Standards", "the Children's Plan"): the name says what it is.
 * An "-ing" word is not one: "Screening Tool", "One Planning" name a process of their own.
 */
function saysWhatItIs(tokens: readonly Token[], first: number, last: number, short = -1): boolean {
  const head = tokens[last];
  if (OPAQUE.has(head.singular ?? head.lower)) return false;
  const helpers = HELPERS.has(head.singular ?? head.lower);
  // "the Getting Help team": a name in capitals before a head in small letters is a name of its own,
  // unless it only says what help it gives ("the Family Support service").
  const small = head.text === head.lower;
  // "the West Sussex team", "the Forth Valley service": a place's own team.
  if (small) for (let k = first; k < last; k++) if (isPlaceWord(tokens[k], k === first)) return true;
  // "the Milton Keynes School Admissions team": a place's name, then words that say what the team does.
  let from = first;
  if (small && helpers) {
    while (from < last && isProperName(tokens[from])) from++;
    if (from === last) from = first;
  }
  for (let k = from; k <= last; k++) {
    const t = tokens[k];
    if (JOINERS.has(t.lower) || INNER.has(t.lower) || t.lower === 'the' || k === short) continue;
    if (helpers && (isField(t) || isPlaceWord(t, k === first) || (from > first && ORDINARY.has(t.lower)))) continue;
    if (small) {
      if (k === last) continue;
      return false;
    }
    // A name of an everyday verb's "-ing" form names a process of its own ("Screening Tool", "One Planning").
    if (t.lower.length > 5 && t.lower.endsWith('ing') && !EVERYDAY_ING.has(t.lower)) return false;
    if (!isEverydayWord(t.singular ?? t.lower) && !ORDINARY.has(t.lower) && !isHead(t)) return false;
  }
  return true;
}

/**
 * Words of a grown-up's everyday life that the Dale-Chall list (words children know) lacks, and that
 * say what a plan, group or service is for: how a body runs itself ("Annual Plan", "Corporate Plan",
 * "Parent Stakeholder Group") or an everyday errand ("Appointment Booking Service",
 * "Admissions Team", "Physical Disability Team"). No SEND term of art is among them (inclusion,
 * support, enhanced, targeted, transition, development: "Child Development Centre" is a term).
 */
const ORDINARY = new Set([
  'admissions',
  'annual',
  'appointment',
  'appointments',
  'business',
  'childcare',
  'community',
  'complaints',
  'corporate',
  'equality',
  'equalities',
  'experience',
  'housing',
  'leadership',
  'performance',
  'patient',
  'physical',
  'senior',
  'social',
  'stakeholder',
  'stakeholders',
  'strategic',
  'transport',
  'travel',
]);

/** Words of a place's name: "North", "Greater" first ("West Sussex"), a county ("Derbyshire"), a valley or a bay. */
const COMPASS = new Set([
  'north',
  'south',
  'east',
  'west',
  'mid',
  'greater',
  'central',
  'inner',
  'outer',
  'upper',
  'lower',
]);
const PLACES = new Set(['bay', 'borough', 'borders', 'city', 'county', 'district', 'islands', 'valley', 'vale']);
/** A nation's or people's adjective: "Scottish and Welsh services" are the services of those nations. */
const NATIONALITIES = new Set(['british', 'english', 'scottish', 'welsh', 'irish', 'european']);

/** Days, months and seasons: "the Christmas Day service" is a service on a day. */
const DATES = new Set([
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october'],
  ...['november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['christmas', 'easter', 'summer', 'winter', 'spring', 'autumn', 'year', 'day', 'holiday', 'weekend'],
]);

/** A word of a place's name, as far as its letters tell ("the West Sussex team", "the Forth Valley service"), a nation's, or a date's. */
function isPlaceWord(t: Token, first: boolean): boolean {
  return (
    (first && COMPASS.has(t.lower)) ||
    PLACES.has(t.singular ?? t.lower) ||
    NATIONALITIES.has(t.lower) ||
    t.lower.endsWith('shire') ||
    DATES.has(t.singular ?? t.lower)
  );
}

/** Words of a street's name: "Drove Road Child Development Centre" is a building on Drove Road. */
const STREETS = new Set(['road', 'street', 'lane', 'avenue', 'crescent', 'terrace', 'square']);

/** A council's or an NHS body's department, named by the place it serves ("Croydon Health Services"). */
const DEPARTMENTS = new Set(['health', 'education', 'social']);

/** A building where doctors or nurses see people, named for its place or street ("Danestrete Health Centre"). */
const SURGERIES = new Set(['health', 'medical']);

/** Endings of everyday and official words ("Specialist", "Integrated", "Clinical"), which places' names seldom have. */
const WORD_ENDINGS = [
  ...['ist', 'ed', 'al', 'ic', 'ive', 'ous', 'ary', 'ory', 'ity', 'ment', 'ing', 'tion', 'sion'],
  ...['ness', 'ship', 'ful', 'less', 'able', 'ible', 'ance', 'ence', 'ism', 'ise', 'ize'],
];

/**
 * A capitalised word that is no English word a parent would know, nor looks like one by its ending:
 * most often a place's name ("Croydon", "Laganvalley"), not a term of art ("Specialist", "Integrated").
 */
function isProperName(t: Token): boolean {
  if (!isCapitalised(t) || isEverydayWord(t.lower) || isHead(t) || isField(t) || ORDINARY.has(t.lower)) return false;
  for (const ending of WORD_ENDINGS) if (t.lower.endsWith(ending)) return false;
  return true;
}

/** Endings and beginnings of British and Irish places' names ("Laganvalley", "Croydon", "Llanelli", "Ballymena"). */
const PLACE_ENDINGS = [
  ...['ton', 'ham', 'ford', 'field', 'bury', 'borough', 'burgh', 'by', 'ley', 'leigh', 'wick', 'mouth', 'pool'],
  ...['port', 'don', 'dale', 'wood', 'hill', 'gate', 'stead', 'worth', 'chester', 'caster', 'cester', 'minster'],
  ...['well', 'bridge', 'brook', 'valley', 'combe', 'thorpe', 'holme', 'shire'],
];
const PLACE_BEGINNINGS = ['llan', 'aber', 'caer', 'bally', 'inver', 'strath', 'glen', 'dun'];

/** A proper name shaped like a place's ("Laganvalley"), not a name of another kind ("Phoenix"). */
function isPlaceName(t: Token): boolean {
  if (!isProperName(t)) return false;
  for (const ending of PLACE_ENDINGS) if (t.lower.endsWith(ending)) return true;
  for (const beginning of PLACE_BEGINNINGS) if (t.lower.startsWith(beginning)) return true;
  return false;
}

/**
 * A building or a department named for its place, which a parent can find or knows: a centre, clinic
 * or team on a street ("Drove Road Child Development Centre"), a centre named only for its place
 * ("Laganvalley Centre", not "the Phoenix Centre") or for a person ("the Edwin Lobo Centre"), a
 * health or medical centre named for its place ("Danestrete Health Centre": a surgery), and a place's
 * or a body's health, education or social services ("Croydon Health Services", "Dumfries and Galloway
 * Education Services").
 */
function namesAPlace(tokens: readonly Token[], first: number, last: number): boolean {
  const head = tokens[last].singular ?? tokens[last].lower;
  if (!HELPERS.has(head)) return false;
  for (let k = first + 1; k < last; k++) if (STREETS.has(tokens[k].lower) && isCapitalised(tokens[k])) return true;
  const department =
    (head === 'service' && DEPARTMENTS.has(tokens[last - 1].lower)) ||
    (head === 'centre' && SURGERIES.has(tokens[last - 1].lower));
  if (!department && head !== 'centre') return false;
  const end = department ? last - 1 : last;
  if (end === first) return false;
  // A centre named by two or more proper names is named for a person or a place ("the Edwin Lobo Centre").
  const byFullName = !department && end - first >= 2;
  for (let k = first; k < end; k++) {
    if (k > first && tokens[k].lower === 'and') continue;
    if (!(department || byFullName ? isProperName(tokens[k]) : isPlaceName(tokens[k]))) return false;
  }
  return true;
}

const OPENERS = new Set([...' \u00a0"“‘\'([–—'].map((c) => c.charCodeAt(0)));

/** Only spaces and opening quotes, brackets or dashes since the word before, on the same line. */
function quotedOrBracketed(text: string, tokens: readonly Token[], first: number): boolean {
  if (first === 0) return false;
  for (let k = tokens[first - 1].end; k < tokens[first].start; k++) if (!OPENERS.has(text.charCodeAt(k))) return false;
  return true;
}

/** Words for sending a child on to a service. */
const REFERRALS = new Set(['refer', 'referral', 'referrals', 'referred']);

/** "referral to" right before the name, all in one sentence. */
function referredTo(tokens: readonly Token[], k: number): boolean {
  return (
    k >= 2 &&
    tokens[k].joinsPrevious &&
    tokens[k - 1].lower === 'to' &&
    tokens[k - 1].joinsPrevious &&
    REFERRALS.has(tokens[k - 2].lower)
  );
}

/**
 * A name of a kind of help, or of a body or place that says what it is ("Speech and Language
 * Therapy", "Alder Hey Hospital", "Drove Road"): not a service's own name.
 */
function namesItself(tokens: readonly Token[], first: number, last: number): boolean {
  const end = tokens[last].singular ?? tokens[last].lower;
  if (OWNERS.has(end) || isBodyWord(end) || STREETS.has(end)) return true;
  for (let k = first; k <= last; k++) if (!isField(tokens[k]) && !JOINERS.has(tokens[k].lower)) return false;
  return true;
}

/** How far a law's title may run on after a name inside it. */
const ACT_TITLE_WORDS = 12;

/**
 * The name is part of a law's title, which goes on in capitalised words and brackets to "Act": "the
 * Education (Disability Strategies and Pupils Education Records) (Scotland) Act 2002".
 */
function inTitleOfAct(text: string, tokens: readonly Token[], last: number): boolean {
  for (let k = last + 1; k < tokens.length && k <= last + ACT_TITLE_WORDS; k++) {
    for (let c = tokens[k - 1].end; c < tokens[k].start; c++) if (!TITLE_GAP.has(text.charCodeAt(c))) return false;
    if (tokens[k].text === 'Act') return true;
    if (!isCapitalised(tokens[k]) && !JOINERS.has(tokens[k].lower) && tokens[k].lower !== 'the') return false;
  }
  return false;
}

/** What may stand between the words of a law's title: spaces and brackets ("… Records) (Scotland) Act"). */
const TITLE_GAP = new Set([...' ()'].map((c) => c.charCodeAt(0)));

/** Small words inside a title ("… in Parental Engagement"). */
const TITLE_WORDS = new Set(['in', 'on', 'at', 'to', 'with', 'by', 'from', 'into', 'a', 'an', 'the']);

/** A small title word, then a capitalised word, right after the run: a title goes on. */
function titleRunsOn(text: string, tokens: readonly Token[], runEnd: number): boolean {
  const a = tokens[runEnd + 1];
  const b = tokens[runEnd + 2];
  return (
    !!b &&
    TITLE_WORDS.has(a.lower) &&
    oneSpaceApart(text, tokens[runEnd], a) &&
    oneSpaceApart(text, a, b) &&
    isCapitalised(b)
  );
}

/** Within a few capitalised words from `k`, a capitalised head: the small word at `k - 1` is inside a name. */
function headAhead(text: string, tokens: readonly Token[], k: number): boolean {
  for (let n = 0; n < 4 && k + n < tokens.length; n++) {
    const t = tokens[k + n];
    if (!isCapitalised(t) || !oneSpaceApart(text, tokens[k + n - 1], t)) return false;
    if (isHead(t)) return true;
  }
  return false;
}

/** A number of a few digits ("Home 2 Onsite"). */
function isNumber(t: Token): boolean {
  if (t.text.length > 3) return false;
  for (let k = 0; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A short form in brackets, then a head, right after the capitalised word at `runEnd`: "Onsite (H2O)
 * programme", "Kestrel Families (KITE) project": one word in capitals, with a digit or an everyday word.
 */
function shortThenHead(text: string, tokens: readonly Token[], runEnd: number): boolean {
  const short = tokens[runEnd + 1];
  const head = tokens[runEnd + 2];
  if (!head || !isHead(head) || (head.text !== head.lower && !isCapitalised(head))) return false;
  if (!(capsOfToken(short) & ALL_UPPER) || short.text.length < 2) return false;
  // Other short forms are the unknown-acronym rule's, which spells them out from the name before.
  if (!hasDigit(short.text) && !isEverydayWord(short.lower)) return false;
  return (
    short.start - tokens[runEnd].end === 2 &&
    text.startsWith(' (', tokens[runEnd].end) &&
    head.start - short.end === 2 &&
    text.startsWith(') ', short.end)
  );
}

/** A head in small letters ("team", "service") one space after the capitalised word at `runEnd`. */
function smallHead(text: string, tokens: readonly Token[], runEnd: number): boolean {
  const t = tokens[runEnd + 1];
  return !!t && t.text === t.lower && SMALL_HEADS.has(t.singular ?? t.lower) && oneSpaceApart(text, tokens[runEnd], t);
}

function isHead(token: Token): boolean {
  return HEADS.has(token.singular ?? token.lower);
}

/** A word with a capital first letter and small letters after it ("Panel", not "SEND" or "panel"). */
function isCapitalised(token: Token): boolean {
  return (capsOfToken(token) & (UPPER_FIRST | ALL_UPPER)) === UPPER_FIRST && token.text.length > 1;
}

/** Every word but the small joiners has a capital: a title or heading, not a sentence. */
function isHeading(words: ReadonlyArray<{ text: string }>): boolean {
  let small = 0;
  for (const w of words) {
    const c = w.text.charCodeAt(0);
    if (c >= 97 && c <= 122 && !JOINERS.has(w.text)) small++;
    if (small > 0) return false;
  }
  return true;
}

/** "Deputy Minister for Social Services": an office of government, which says what it is. */
function isOffice(tokens: readonly Token[], first: number, last: number): boolean {
  let k = first;
  while (k < last && OFFICE_RANKS.has(tokens[k].lower)) k++;
  return k < last && OFFICES.has(tokens[k].lower) && (tokens[k + 1].lower === 'for' || tokens[k + 1].lower === 'of');
}
