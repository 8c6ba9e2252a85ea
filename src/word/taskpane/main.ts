/**
 * Starts the task pane with the right DocumentPort: Word when the pane runs inside Word;
 * the in-memory port with `?port=memory` (the end-to-end tests, and trying the pane in a
 * browser). Nothing here touches Office.js: the Word adapter does.
 */
import type { DocumentPort } from '../../office/document-port.js';
import { MemoryPort } from '../memory-port.js';
import { connectToWord } from '../word-adapter.js';
import { TaskPane } from '../../office/pane/pane.js';

declare global {
  interface Window {
    /** For tests and for trying the pane outside Word (memory port only). */
    plainSend?: { port: DocumentPort; pane: TaskPane; memory?: MemoryPort };
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  let port: DocumentPort | undefined;
  let memory: MemoryPort | undefined;
  if (params.get('port') === 'memory') {
    port = memory = new MemoryPort();
  } else {
    port = await connectToWord();
  }
  if (!port) {
    const status = document.getElementById('status');
    if (status) status.textContent = 'Plain SEND runs inside Word. Open it from the Home tab in Word.';
    for (const b of document.querySelectorAll<HTMLButtonElement>('main button')) b.disabled = true;
    return;
  }
  const pane = new TaskPane(port);
  pane.start();
  if (memory) window.plainSend = { port, pane, memory };
  document.documentElement.dataset.ready = port.kind;
}

void main();
