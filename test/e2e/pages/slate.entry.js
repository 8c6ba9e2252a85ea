// A real Slate editor (slate-react on React 19) with slate-history, bundled by the test with
// esbuild. The test reads its text and content from Slate's own value (editor.children).
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Node, Transforms, createEditor } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';
import { withHistory } from 'slate-history';

const editor = withHistory(withReact(createEditor()));
const initialValue = [{ type: 'paragraph', children: [{ text: '' }] }];
const renderElement = ({ attributes, children }) => h('p', { ...attributes, className: 'para' }, children);

function App() {
  const [value] = useState(initialValue);
  return h(
    Slate,
    { editor, initialValue: value },
    h(Editable, { renderElement, 'aria-label': 'Message', className: 'slate' }),
  );
}

createRoot(document.querySelector('#app')).render(h(App));
window.slateEditor = editor;

const ready = () => {
  const root = document.querySelector('[data-slate-editor="true"]');
  if (!root) {
    requestAnimationFrame(ready);
    return;
  }
  window.testEditor = {
    kind: 'rich',
    root,
    getText: () => editor.children.map((n) => Node.string(n)).join('\n'),
    getContent: () => JSON.stringify(editor.children),
    /** Replaces everything with these paragraphs, through Slate's own transforms (for long texts). */
    setParagraphs: (lines) =>
      new Promise((done) => {
        Transforms.delete(editor, {
          at: {
            anchor: { path: [0, 0], offset: 0 },
            focus: {
              path: [editor.children.length - 1, 0],
              offset: Node.string(editor.children[editor.children.length - 1]).length,
            },
          },
        });
        Transforms.insertNodes(
          editor,
          lines.map((text) => ({ type: 'paragraph', children: [{ text }] })),
          { at: [0] },
        );
        Transforms.removeNodes(editor, { at: [lines.length] });
        requestAnimationFrame(() => requestAnimationFrame(done));
      }),
  };
  window.__ready = true;
};
ready();
