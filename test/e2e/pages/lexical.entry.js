// A real Lexical rich-text editor with its history (undo), bundled by the test with esbuild.
// The test reads its text and content from Lexical's own editor state, never from the DOM.
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';

const root = document.querySelector('#editor');
const editor = createEditor({
  namespace: 'plain-send-test',
  nodes: [HeadingNode, QuoteNode],
  theme: { paragraph: 'para' },
  onError: (e) => {
    throw e;
  },
});
editor.setRootElement(root);
mergeRegister(registerRichText(editor), registerHistory(editor, createEmptyHistoryState(), 1000));
editor.update(
  () => {
    const r = $getRoot();
    if (r.isEmpty()) r.append($createParagraphNode());
  },
  { discrete: true },
);
window.lexicalEditor = editor;
window.testEditor = {
  kind: 'rich',
  root,
  /** One line per top-level block, as the other pages give it. */
  getText: () =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((n) => n.getTextContent())
        .join('\n'),
    ),
  getContent: () => JSON.stringify(editor.getEditorState().toJSON()),
  /** Replaces everything with these paragraphs, through Lexical's own update (for long texts). */
  setParagraphs: (lines) =>
    new Promise((done) => {
      editor.update(
        () => {
          const r = $getRoot();
          r.clear();
          for (const line of lines) r.append($createParagraphNode().append($createTextNode(line)));
        },
        { onUpdate: done },
      );
    }),
};
window.__ready = true;
