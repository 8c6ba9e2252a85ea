/** The editor pages every browser test writes in (test/e2e/pages), and the letter it writes. */

export const LINES = [
  'Dear Mrs Patel,',
  'The SENCO will review the EHCP with you prior to the annual review.',
  'We will utilise the graduated approach to support Sam.',
  'Kind regards',
];

export const EDITORS = [
  'textarea',
  'contenteditable',
  'quill',
  'ckeditor',
  'prosemirror',
  'tinymce',
  'lexical',
  'slate',
  'gmail',
  'outlook',
  'roundcube',
] as const;
export type EditorName = (typeof EDITORS)[number];

/** Pages whose checked field is a textarea (painted with a mirror); the others are rich. */
export const TEXTAREAS: readonly string[] = ['textarea', 'roundcube'];
