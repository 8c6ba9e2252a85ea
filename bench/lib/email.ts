/**
 * A made-up email from a SENCO to a parent carer, written for the benchmark: about 1,000 words
 * in twelve paragraphs (one per line), mixing SEND terms, acronyms and plain sentences, and the
 * ~200 characters a user types into one of its paragraphs, one keystroke at a time.
 */

export const EMAIL_PARAGRAPHS: readonly string[] = [
  'Dear Mrs Okafor, thank you for coming in on Tuesday to talk about Sami. It was really helpful to hear how things are going at home, and I have written down what we agreed so that you have it in one place. Please read it when you have a moment and tell me if I have got anything wrong or missed something out. You know Sami better than anyone, and we want this plan to feel like it belongs to you and to him as much as to the school.',
  'As you know, Sami has been on SEN support since Year 3, and he is on the school SEN register. That means we follow the graduated approach: we assess what he needs, plan the help, put it in place and then review how well it is working. Each round of assess, plan, do, review takes about a term. His class teacher, Mr Hughes, leads the plan day to day, and I oversee it as the SENCO. We also keep his one-page profile up to date so that supply staff know what works for him.',
  'At the moment Sami gets a daily reading intervention with a TA in a small group, and he uses a writing frame and a word mat in most lessons. He has a movement break after lunch and a quiet space he can use when the classroom gets too loud. These are reasonable adjustments that any pupil with similar needs could have. The provision map for his class shows the extra help he gets, how often and who gives it, and I will send you a copy with this email.',
  'We talked about the concerns you have about his speech and language. The SALT from the NHS service saw Sami last spring and set some targets around understanding longer instructions and using the right words for time and order. The TA works on these targets twice a week. We think a new assessment would help, because he is older now and the demands of Year 5 are different. I will make a referral this week, and the waiting list is currently about twelve weeks.',
  'You also mentioned that Sami finds it hard to settle at night and is often tired in the morning, and that he has had meltdowns at home after school. We see a calmer child in class, but we know that masking is common and that holding it together all day can be exhausting. With your agreement, I would like to ask the school nurse for advice and to talk to the GP about a referral to CAMHS or to the neurodevelopmental pathway, so that someone can look at whether ASC or ADHD might explain some of what we are seeing.',
  'I would also like the EP to observe Sami in class and meet with both of us. An educational psychologist looks at how a child learns, thinks and feels, and gives advice that helps staff plan. The EP service works with the school on a traded basis, and we have some time left this term. The EP will write a short report with recommendations. If the report suggests his needs are more complex than we can meet through SEN support, it will also help us decide on the next step.',
  'The next step might be to ask the local authority for an EHC needs assessment. This is the process that can lead to an Education, Health and Care plan. The LA has six weeks to decide whether to assess, and the whole process should take no more than twenty weeks from the request to the final plan. Parents can request an assessment themselves, and you do not need the school to agree first, although it usually helps if we apply together and send our evidence with the request.',
  'An EHCP sets out a child’s needs, the outcomes everyone is working towards and the provision that must be made to meet them. It is a legal document, so the help in section F has to be specific and the LA must make sure it is delivered. It also names the school. The plan is reviewed at least once a year at an annual review meeting, where you, Sami, the school and any professionals involved talk about progress and what should change.',
  'I know this is a lot of information and some of the words are new. If it would help to talk to someone outside school, the local SENDIASS offers free and impartial information, advice and support to parents and young people, and IPSEA has clear guides online. The Local Offer on the council website lists the services available in our area, including short breaks, parent support groups and help with transport. I have put some links at the end of this email.',
  'For now, we will keep the current support in place and add two things. First, Sami will have a visual timetable on his desk so that he can see the shape of the day and any changes in advance. Second, the TA will check in with him each morning for five minutes, so that any worries from home can be shared before lessons start. We will also agree a simple way for him to tell an adult when he needs a break, using a card rather than words.',
  'I suggest we meet again in six weeks to review how things are going, before the end of the spring term. By then the EP visit should have happened and we should know more about the SALT referral. Please bring anything that you think would help, such as notes from the GP or examples of things that Sami has said about school. If Sami would like to come for part of the meeting, or to share his views in a drawing or a short recording, we would love that.',
  'Thank you again for your time and for everything you do for Sami. Please get in touch at any point if something changes or if you are worried, by phone, email or through the school office. I am in school every day except Friday, and Mr Hughes is always happy to have a quick word at the end of the day. Kind regards, Ms Lewis, SENCO and Assistant Head for Inclusion.',
];

export const EMAIL = EMAIL_PARAGRAPHS.join('\n');

/** Which paragraph is edited, and where: after its second sentence. */
export const EDITED_PARAGRAPH = 5;

/** What the user types there (about 200 characters, some SEND terms among them). */
export const TYPED =
  ' Before the visit, the EP will read the notes from the SALT and from his annual review of targets, and may ask you to fill in a short form about how Sami copes with changes, noise and the journey to school.';

/** The email after each of `TYPED.length` keystrokes, plus the email before the first. */
export function keystrokeTexts(typed: string = TYPED): { before: string; states: string[] } {
  const paragraph = EMAIL_PARAGRAPHS[EDITED_PARAGRAPH];
  const secondStop = paragraph.indexOf('. ', paragraph.indexOf('. ') + 2) + 1;
  const head = [...EMAIL_PARAGRAPHS.slice(0, EDITED_PARAGRAPH), paragraph.slice(0, secondStop)].join('\n');
  const tail = paragraph.slice(secondStop) + '\n' + EMAIL_PARAGRAPHS.slice(EDITED_PARAGRAPH + 1).join('\n');
  const states: string[] = [];
  for (let k = 1; k <= typed.length; k++) states.push(head + typed.slice(0, k) + tail);
  return { before: head + tail, states };
}
