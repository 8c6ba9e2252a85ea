// CKEditor 5 (GPL), bundled by the test with esbuild.
import { ClassicEditor, Essentials, Paragraph, Bold, Italic, Undo } from 'ckeditor5';

ClassicEditor.create(document.querySelector('#editor'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic, Undo],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
}).then((editor) => {
  window.editor = editor;
  const root = editor.ui.getEditableElement();
  window.testEditor = {
    kind: 'rich',
    root,
    getText: () =>
      [...editor.model.document.getRoot().getChildren()]
        .map((p) => [...p.getChildren()].map((n) => n.data ?? '').join(''))
        .join('\n'),
    getContent: () => editor.getData(),
  };
  window.__ready = true;
});
