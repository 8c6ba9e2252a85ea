import { describe, expect, it } from 'vitest';
import { analyse, createAnalyser } from '../../../src/engine/index.js';
import { ANALYSIS_LIMIT, analysisGrowth } from '../growth.js';

const names = (text: string) => analyse(text).findings.filter((f) => f.rule === 'local-name');

describe('local-name', () => {
  it('marks the whole name, without the word before it, as jargon with no meaning', () => {
    const [f, ...rest] = names('Your request will go to the Inclusion Support Panel in May.');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ category: 'jargon', text: 'Inclusion Support Panel', term: 'Inclusion Support Panel' });
    expect(f.definition).toBeUndefined();
    expect(f.message).toMatch(/looks like the name of a local service/);
  });

  it('keeps a capitalised word such as "All" or "Our" inside a name mid-sentence, never "the"', () => {
    const text = (t: string) => names(t).map((f) => f.text);
    expect(text('They have an All Age Disability service for 0 to 25.')).toEqual(['All Age Disability service']);
    expect(text('Ask about the Our Voices Forum at school.')).toEqual(['Our Voices Forum']);
    expect(text('Ask about our Inclusion Support Panel at school.')).toEqual(['Inclusion Support Panel']);
    expect(text('We asked The Inclusion Support Panel.')).toEqual(['Inclusion Support Panel']);
  });

  it('leaves alone a body that says it runs or plans something, and a health board', () => {
    const text =
      'The Steering Group met the Operational Board, the Board of Governors and the Engagement in Schools Working Group.';
    expect(names(text)).toEqual([]);
    expect(names('Our team is part of the Aneurin Bevan University Health Board.')).toEqual([]);
    expect(names('Ask the Kestrel Group. Ask the Harbour Board.').map((f) => f.text)).toEqual([
      'Kestrel Group',
      'Harbour Board',
    ]);
  });

  it('leaves a government department and a board named for the public services it ran alone', () => {
    for (const text of [
      'We wrote to the Department of Health and Social Services and the Ministry of Justice.',
      'It was run by the Western Health and Social Services Board until 2009.',
      'In 1973 the work went to the Education and Library Boards.',
    ])
      expect(names(text), text).toEqual([]);
    // A board named for one service, or for no service, is a name of its own.
    expect(names('Ask the Harbour Education Board or the Riverside Library Board.').map((f) => f.text)).toEqual([
      'Harbour Education Board',
      'Riverside Library Board',
    ]);
  });

  it('takes small joining words inside a name, and plural endings', () => {
    expect(names('Ask the Harbour and Riverside Teams for help.').map((f) => f.text)).toEqual([
      'Harbour and Riverside Teams',
    ]);
  });

  it('leaves alone what a glossary explains', () => {
    const text = 'We will ask the Rainbow Inclusion Panel.';
    expect(names(text)).toHaveLength(1);
    const ownTerms = {
      id: 'own',
      name: 'Your terms',
      known: [],
      entries: [
        {
          term: 'Rainbow Inclusion Panel',
          kind: 'jargon' as const,
          definition: 'Our group that decides on extra help.',
          source: 'own',
          examples: { flag: [] },
        },
      ],
    };
    const analyser = createAnalyser({ extraPacks: [ownTerms] });
    const found = analyser.analyse(text).findings;
    expect(found.filter((f) => f.rule === 'local-name')).toEqual([]);
    expect(found.some((f) => f.rule === 'glossary-term' && f.text === 'Rainbow Inclusion Panel')).toBe(true);
  });

  it('leaves the framework or team of a body everyone knows alone ("the Ofsted Framework")', () => {
    // Ofsted is common (not marked on its own), yet still a body the glossary knows by name.
    for (const text of ['Read the Ofsted Framework here.', 'Ask the Ofsted Team today.'])
      expect(names(text)).toEqual([]);
    expect(names('Read the Riverside Framework here.')).toHaveLength(1);
  });

  it('leaves a nation’s services, a national funder and a service named for childcare alone', () => {
    for (const text of [
      'We work with Scottish and Welsh services too.',
      'Funded by The National Lottery Community Fund.',
      'Contact the Early Years and Childcare Service for help.',
    ])
      expect(names(text), text).toEqual([]);
    expect(names('Ask the Welsh Inclusion Panel.')).toHaveLength(1);
  });

  it('leaves people, places, schools, dates and headings alone', () => {
    for (const text of [
      'Please write to Mrs Jane Smith at Leeds City Council.',
      'She goes to St Mary’s Primary School in Cardiff.',
      'The meeting is on Monday 3 March.',
      'Our Support Plan',
      'How We Review Your Child’s Plan',
      'The panel will meet next week.',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('finds one name per run, in a long line, in one pass', () => {
    const line = 'We met the Riverside Inclusion Hub and then the Harbour Learning Base. '.repeat(2000);
    const found = names(line);
    expect(found).toHaveLength(4000);
    expect(new Set(found.map((f) => f.text))).toEqual(new Set(['Riverside Inclusion Hub', 'Harbour Learning Base']));
  });

  it('looks at a sentence once, however many names it holds (one long line)', () => {
    // A long run of capitals opens the sentence, so it is not a heading only at its first small
    // word: each name used to read the sentence from the start again to learn that.
    const make = (n: number) =>
      'Quorn Fettle '.repeat(5 * n) + 'we met the Riverside Inclusion Hub today and '.repeat(n);
    const ratio = analysisGrowth(make, 1000, { categories: ['jargon'] }, (text, r) =>
      expect(r.findings.filter((f) => f.rule === 'local-name')).toHaveLength(text.split('Riverside').length - 1),
    );
    expect(ratio).toBeLessThan(ANALYSIS_LIMIT);
  });

  it('leaves the long form of an acronym the glossary knows to the glossary ("Educational Psychology Team (EPS)")', () => {
    expect(names('The Educational Psychology Team (EPS) will visit.')).toEqual([]);
    // An acronym no glossary knows does not explain the name.
    expect(names('The Inclusion Review Group (IRG) meets in May.').map((f) => f.text)).toEqual([
      'Inclusion Review Group',
    ]);
  });

  // A name with no glossary term inside ("inclusion service" is one), so that only the job title leaves it alone.
  it('leaves a job title alone ("the Head of Education and Wellbeing Services")', () => {
    expect(names('The Head of Education and Wellbeing Services advised us.')).toEqual([]);
    expect(names('Ask the Director of SEND Services.')).toEqual([]);
    expect(names('Ask the Education and Wellbeing Service.').map((f) => f.text)).toEqual([
      'Education and Wellbeing Service',
    ]);
  });

  it('takes "of" and what the head is of ("Network of Support"), and groups and apps', () => {
    expect(names('Families can join the Network of Harbour Families this term.').map((f) => f.text)).toEqual([
      'Network of Harbour Families',
    ]);
    expect(names('Ask the Network of Harbour Families and the Council.').map((f) => f.text)).toEqual([
      'Network of Harbour Families',
    ]);
    expect(names('She sits on our Harbour Parent Groups each term.').map((f) => f.text)).toEqual([
      'Harbour Parent Groups',
    ]);
    expect(names('Get the Riverside Family App on your phone.').map((f) => f.text)).toEqual(['Riverside Family App']);
  });

  it('leaves a name that ends in a word of another kind, and a title that runs on, alone', () => {
    expect(names('We asked the Food Standards Agency and the Harbour Service North.')).toEqual([]);
    expect(names('Read the Review of Best Practice in Parental Engagement online.')).toEqual([]);
  });

  it('finds a name in quotes or brackets, which do not start a sentence', () => {
    expect(names('Your child may get a “Learning Support Plan” from us.').map((f) => f.text)).toEqual([
      'Learning Support Plan',
    ]);
    expect(names('This help (Inclusion Support Panel) is new.').map((f) => f.text)).toEqual([
      'Inclusion Support Panel',
    ]);
    expect(names('We met. Inclusion Support Panel')).toEqual([]);
  });

  it('finds an everyday word in capitals that names an app, panel or service ("the SHARE app")', () => {
    expect(names('Download the KITE app and ask our LAMP panel.').map((f) => f.text)).toEqual([
      'KITE app',
      'LAMP panel',
    ]);
    for (const text of [
      'This is the ONLY plan we have.',
      'Ask the IT team.',
      'SHARE app',
      'PLEASE DOWNLOAD THE SHARE APP TODAY',
      'We SHARE plans with you.',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('takes a name of everyday words with an "-ing" word in it, which names a process ("Screening Tool")', () => {
    // Names no dictionary has, so that only this rule can find them.
    expect(names('We use the Sorting Tool, then Home Planning with you.').map((f) => f.text)).toEqual([
      'Sorting Tool',
      'Home Planning',
    ]);
    expect(names("Read the Children's Plan and ask the Schools Working Group.")).toEqual([]);
  });

  it('leaves a service or team named for a therapy the glossary knows spelled out alone', () => {
    expect(names('Ask the Community Paediatric Speech and Language Therapy Service for help.')).toEqual([]);
    expect(names('Ask the Community Paediatric Sleep Service for help.').map((f) => f.text)).toEqual([
      'Community Paediatric Sleep Service',
    ]);
  });

  it('takes a name in capitals before a head in small letters ("the Getting Help team")', () => {
    expect(names('You can get support from the Harbour Light team in your area.').map((f) => f.text)).toEqual([
      'Harbour Light team',
    ]);
    expect(names('Ask about the Bright Start service near you.').map((f) => f.text)).toEqual(['Bright Start service']);
    for (const text of [
      'Ask the Cardiff team for help.',
      'Ask the Leeds City Council team for help.',
      'Ask the West Sussex team or the Forth Valley service.',
      'The New Year service starts at ten.',
      'The Worcestershire Health Service will call.',
      'Ask the Family Support service for help.',
      'She works in the Learning Support team.',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('takes small words inside a name that goes on to its head ("Mental Health in Harbour Schools Team")', () => {
    expect(names('The Kestrel in Harbour Schools Team visits each week.').map((f) => f.text)).toEqual([
      'Kestrel in Harbour Schools Team',
    ]);
    expect(names('Ask the Children with Harbour Needs Panel.').map((f) => f.text)).toEqual([
      'Children with Harbour Needs Panel',
    ]);
    // Not a name that ends before it: "Panel" is the name, "in Cardiff" where it meets.
    expect(names('The Harbour Inclusion Panel in Cardiff meets monthly.').map((f) => f.text)).toEqual([
      'Harbour Inclusion Panel',
    ]);
  });

  it('takes the names of a service’s ways in ("the Integrated Front Door", "the Consultation Line")', () => {
    expect(
      names('Ring the Professional Consultation Line or write to the Integrated Front Door.').map((f) => f.text),
    ).toEqual(['Professional Consultation Line', 'Integrated Front Door']);
    expect(names('We use the Six Steps of Harbour Care.').map((f) => f.text)).toEqual(['Six Steps of Harbour Care']);
  });

  it('leaves a team or service named for the kind of help it gives alone, not a plan or panel', () => {
    for (const text of [
      'Ask the Visual Impairment Team for help.',
      'The Special School Nursing Service will call.',
      'Contact the Sleep and Continence Clinic.',
      'The Autism Communication Team visits the school.',
    ])
      expect(names(text), text).toEqual([]);
    expect(names('Ask the Family Support Panel for help.').map((f) => f.text)).toEqual(['Family Support Panel']);
    expect(names('Ask the Kestrel Support Team for help.').map((f) => f.text)).toEqual(['Kestrel Support Team']);
  });

  it('leaves a body’s own toolkit or board alone, named by the body ("the Education Endowment Foundation Toolkit")', () => {
    expect(names('The evidence is in the Education Endowment Foundation Toolkit online.')).toEqual([]);
    expect(names('Ask the Kestrel Trust Board or the Harbour Council Plan team.')).toEqual([]);
    // A panel's name must still say what it decides.
    expect(names('It went to the Harbour Trust Panel today.').map((f) => f.text)).toEqual(['Harbour Trust Panel']);
  });

  it('leaves alone a name in words of grown-up everyday life that say what it is for ("Annual Plan")', () => {
    for (const text of [
      'Targets are agreed within the Annual Plan each year.',
      'Read the Corporate Plan and the Equality Plan.',
      'Members of the Parent Stakeholder Group met in May.',
      'Ring the Appointment Booking Service or the Admissions Team.',
      'The Physical Disability Team and the Patient Experience Team can help.',
      'She wrote to the Children’s Senior Leadership Team.',
      'Contact the Disability Social Care Service for a needs assessment.',
    ])
      expect(names(text), text).toEqual([]);
    expect(names('Ask the Annual Kestrel Plan.').map((f) => f.text)).toEqual(['Annual Kestrel Plan']);
  });

  it('leaves a group or programme named for whom it is for alone ("Parent Support Group")', () => {
    expect(names('Join the Parent Support Group or the Siblings Group.')).toEqual([]);
    expect(names('Join the Kestrel Support Group.').map((f) => f.text)).toEqual(['Kestrel Support Group']);
    // A programme too ("Family Support Programme"), but not one named for no help ("Kestrel Programme").
    expect(names('The Family Support Programme runs each week.')).toEqual([]);
    expect(names('The Kestrel Programme runs each week.').map((f) => f.text)).toEqual(['Kestrel Programme']);
  });

  it('takes a whole name, "and", then another name as two names', () => {
    expect(names('Ask the Continence Service and the Kestrel Inclusion Panel.').map((f) => f.text)).toEqual([
      'Kestrel Inclusion Panel',
    ]);
    expect(names('Ask the Continence Service and Kestrel Inclusion Panel.').map((f) => f.text)).toEqual([
      'Kestrel Inclusion Panel',
    ]);
    expect(names('Ask the Harbour and Riverside Teams for help.').map((f) => f.text)).toEqual([
      'Harbour and Riverside Teams',
    ]);
  });

  it('leaves a team or clinic named for an illness or kind of care anyone knows alone ("Asthma Clinic")', () => {
    for (const text of [
      "Ask the Children's Diabetes Team or the Asthma Clinic.",
      'The Bereavement Support Service and the Interpreting Service can help.',
      'Ask the Blind and Partially Sighted Team.',
    ])
      expect(names(text), text).toEqual([]);
    expect(names('Ask the Diabetes Kestrel Panel.').map((f) => f.text)).toEqual(['Diabetes Kestrel Panel']);
  });

  it('leaves a building or department named for its place alone ("Laganvalley Centre", "Croydon Health Services")', () => {
    for (const text of [
      'Referrals go to the Elm Road Child Development Centre in Weston.',
      'Classes are held in Kilbrook Centre and Ballymore Centre.',
      'The service is run by Harcombe Health Services and the council.',
      'Read the Dumfries and Galloway Education Services guidance.',
      'Clinics are at Danestrete Health Centre and Kilbrook Medical Centre.',
      // Named for a person: a building a parent can find.
      'The clinic is at the Edwin Lobo Centre on the hospital site.',
    ])
      expect(names(text), text).toEqual([]);
    // A place's team named for what it does, and a centre named in the end for one the glossary knows.
    expect(names('Ask the Milton Keynes School Admissions team or the Westbury Audiology team.')).toEqual([]);
    expect(names('She goes to the Lighthouse Child Development Centre each week.')).toEqual([]);
    // A place's name, then a name of its own, is a name of its own.
    expect(names('Ask the Kilbrook Horizons team.').map((f) => f.text)).toEqual(['Kilbrook Horizons team']);
    // A health centre named for a service, not a place, is a name of its own.
    expect(names('Ring the Specialist Health Centre or the Phoenix Health Hub.').map((f) => f.text)).toEqual([
      'Specialist Health Centre',
      'Phoenix Health Hub',
    ]);
    // A centre named for no place, and a department of a term of art, are names of their own.
    expect(names('Go to the Phoenix Centre or the Specialist Health Service.').map((f) => f.text)).toEqual([
      'Phoenix Centre',
      'Specialist Health Service',
    ]);
    // Two names, one of them an everyday word, are a name of its own.
    expect(names('Go to the Bright Lobo Centre.').map((f) => f.text)).toEqual(['Bright Lobo Centre']);
  });

  it('takes a group named as whose voice it is ("Doncaster Parents Voice"), not what a clinic treats', () => {
    expect(names('Families and Harbourside Parents Voice wrote it.').map((f) => f.text)).toEqual([
      'Harbourside Parents Voice',
    ]);
    expect(names('For Stammering and Voice referrals, ring us. We listen to Pupil Voice.')).toEqual([]);
  });

  it('takes a partnership, network, hub, project or forum however plain its words, and "&" inside a name', () => {
    expect(
      names('We work with the Children & Young People’s Partnerships and the Parent Network.').map((f) => f.text),
    ).toEqual(['Children & Young People’s Partnerships', 'Parent Network']);
    expect(names('Ask the Speech & Language Service or the Family Project.').map((f) => f.text)).toEqual([
      'Family Project',
    ]);
  });

  it('takes a number inside a name, and its short form in brackets before the head ("Home 2 Onsite (H2O) programme")', () => {
    const found = analyse('We fund the Harbour 2 Shore (H2S) programme at the college.').findings;
    expect(found.filter((f) => f.category !== 'plain-word').map((f) => [f.rule, f.text])).toEqual([
      ['local-name', 'Harbour 2 Shore'],
      ['local-name', 'H2S'],
    ]);
    expect(names('Ask the Kestrel Families (KITE) project.').map((f) => f.text)).toEqual(['Kestrel Families']);
    // A short form of letters only is the unknown-acronym rule's, and one the glossary knows names the thing.
    for (const text of [
      'Do you have an Education, Health and Care (EHC) plan?',
      'Ask the Family Support (FSS) service.',
      'Ask the Cardiff (CDF) team.',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('takes an everyday word in capitals joined to a capitalised word ("SPACE-Wellbeing"), in a heading too', () => {
    expect(names('Case Study – Gwent LAMP-Wellbeing').map((f) => f.text)).toEqual(['LAMP-Wellbeing']);
    expect(names('Families join the (LAMP-Wellbeing) panels each week.').map((f) => f.text)).toEqual([
      'LAMP-Wellbeing',
    ]);
    for (const text of [
      'Our SEND-Friendly school has a ONE-Stop shop.',
      'PLEASE SEE THE LAMP-WELLBEING PAGE',
      'Read about LAMP-Wellbeing-Plus here.',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('takes a helpline’s name ("the FISH helpline", "the Kestrel Helpline"), not one that says whom it is for', () => {
    expect(names('Ring the KITE helpline or the Kestrel Helpline.').map((f) => f.text)).toEqual([
      'KITE helpline',
      'Kestrel Helpline',
    ]);
    expect(names('Ring the Parent Helpline.')).toEqual([]);
  });

  it('takes what a child is referred to as a service, whatever its name ("a referral to Early Start")', () => {
    expect(names('We may make a referral to Bright Horizons or to the clinic.').map((f) => f.text)).toEqual([
      'Bright Horizons',
    ]);
    for (const text of [
      'We made a referral to Speech and Language Therapy.',
      'She was referred to Alder Hey Hospital.',
      'He was referred to Great Ormond Street.',
      'Please refer to Leeds for more.',
      'We went to Bright Horizons.',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('leaves a name inside a law’s title alone ("the Education (Disability Strategies …) (Scotland) Act 2002")', () => {
    expect(
      names('It meets the Education (Disability Strategies and Pupils Education Records) (Scotland) Act 2002.'),
    ).toEqual([]);
    expect(names('See the Harbour Support Panel (Scotland) guidance.').map((f) => f.text)).toEqual([
      'Harbour Support Panel',
    ]);
    expect(names('The Inclusion Panel acts quickly.').map((f) => f.text)).toEqual(['Inclusion Panel']);
    expect(names('We asked the Inclusion Support Panel. Act now.').map((f) => f.text)).toEqual([
      'Inclusion Support Panel',
    ]);
  });
});
