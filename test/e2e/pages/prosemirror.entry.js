// ProseMirror with the basic schema, history and the base keymap, bundled by the test with esbuild.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const state = EditorState.create({
  schema,
  plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }), keymap(baseKeymap)],
});
const view = new EditorView(document.querySelector('#editor'), { state });
window.view = view;
window.testEditor = {
  kind: 'rich',
  root: view.dom,
  getText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
  getContent: () => JSON.stringify(view.state.doc.toJSON()),
  /** Replaces everything with these paragraphs, in one ProseMirror transaction (for long texts). */
  setParagraphs: async (lines) => {
    const paragraphs = lines.map((line) => schema.node('paragraph', null, line ? [schema.text(line)] : []));
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, paragraphs));
  },
};
window.__ready = true;
