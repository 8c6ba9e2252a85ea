// Shared by the test pages: read what Plain SEND painted, from the page itself (never from the
// extension). For an editor in an iframe (TinyMCE), Plain SEND's UI lives in that frame.
(() => {
  const editorDoc = () =>
    window.testEditor && window.testEditor.root ? window.testEditor.root.ownerDocument : document;
  // The writing side's UI (read mode, when on, has a host of its own with a read-only card).
  const ui = () => {
    const hosts = [...editorDoc().querySelectorAll('plain-send-ui')].filter((h) => h.shadowRoot);
    const writing = hosts.find((h) => h.shadowRoot.querySelector('.mirror, .badge, .card:not(.read)'));
    const host =
      writing ?? hosts.find((h) => !h.shadowRoot.querySelector('.card.read, .read-bar, [class^="read"]')) ?? null;
    return host && host.shadowRoot;
  };
  /** The editor frame's offset in the top page (0, 0 when the editor is not in a frame). */
  const frameOffset = () => {
    const frame = editorDoc().defaultView.frameElement;
    if (!frame) return { x: 0, y: 0 };
    const r = frame.getBoundingClientRect();
    return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop };
  };
  const highlightRanges = () => {
    const out = [];
    for (const [name, h] of editorDoc().defaultView.CSS.highlights) {
      if (!name.startsWith('plain-send-')) continue;
      for (const r of h) out.push({ cat: name.slice('plain-send-'.length), range: r });
    }
    return out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  };
  const center = (rect) => {
    const o = frameOffset();
    return { x: o.x + rect.left + rect.width / 2, y: o.y + rect.top + rect.height / 2 };
  };
  window.plainSendProbe = {
    /** Text of every range in each of our highlights, in document order. */
    highlights() {
      const out = {};
      for (const { cat, range } of highlightRanges()) (out[cat] ??= []).push(range.toString());
      return out;
    },
    /** The textarea mirror's marked text, per category. */
    mirror() {
      const out = {};
      const root = ui();
      if (!root) return out;
      for (const m of root.querySelectorAll('.mirror .mark')) {
        const cat = [...m.classList].find((c) => c !== 'mark' && c !== 'active');
        (out[cat] ??= []).push(m.textContent);
      }
      return out;
    },
    /** The part of the textarea mirror that can be seen (its box less its clip-path inset), and the box of the element with id `clipper`'s padding. */
    mirrorVisibleBox(clipperId) {
      const mirror = ui() && ui().querySelector('.mirror');
      if (!mirror) return null;
      const r = mirror.getBoundingClientRect();
      const inset = (getComputedStyle(mirror).clipPath.match(/inset\(([^)]*)\)/) || [null, '0px'])[1]
        .split(/\s+/)
        .map(parseFloat);
      const [t, rt = t, b = t, l = rt] = inset;
      const c = document.getElementById(clipperId);
      const cr = c.getBoundingClientRect();
      return {
        visible: { top: r.top + t, right: r.right - rt, bottom: r.bottom - b, left: r.left + l },
        clipper: {
          top: cr.top + c.clientTop,
          left: cr.left + c.clientLeft,
          bottom: cr.top + c.clientTop + c.clientHeight,
          right: cr.left + c.clientLeft + c.clientWidth,
        },
        mirror: { top: r.top, bottom: r.bottom },
      };
    },
    mirrorText() {
      const inner = ui() && ui().querySelector('.mirror-inner');
      return inner ? inner.textContent : null;
    },
    /** Where to point to reach a marked word (top-page coordinates), from the highlight or the mirror. */
    pointAt(text, nth = 0) {
      const hits = highlightRanges().filter((h) => h.cat !== 'sentence' && h.range.toString() === text);
      if (hits[nth]) return center(hits[nth].range.getClientRects()[0]);
      const marks = ui()
        ? [...ui().querySelectorAll('.mirror .mark')].filter(
            (m) => !m.classList.contains('sentence') && m.textContent === text,
          )
        : [];
      if (marks[nth]) return center(marks[nth].getClientRects()[0]);
      return null;
    },
    card() {
      const root = ui();
      const card = root && root.querySelector('.card');
      if (!card || card.hidden) return null;
      return {
        title: card.querySelector('h2')?.textContent ?? null,
        kind: card.querySelector('.kind')?.textContent ?? null,
        expansion: card.querySelector('.expansion')?.textContent ?? null,
        definition: card.querySelector('.definition')?.textContent ?? null,
        role: card.getAttribute('role'),
        focused: root.activeElement ? root.activeElement.textContent : null,
        buttons: [...card.querySelectorAll('.actions button')].map((b) => b.textContent),
        source: card.querySelector('.source')?.textContent ?? null,
      };
    },
    /** Where the card's button with this label is (top-page coordinates). */
    buttonAt(label) {
      const root = ui();
      const b = root && [...root.querySelectorAll('.card .actions button')].find((x) => x.textContent === label);
      return b ? center(b.getBoundingClientRect()) : null;
    },
    /** The review panel as a person would meet it, or null when it is closed. */
    review() {
      const root = ui();
      const p = root && root.querySelector('.review');
      if (!p || p.hidden) return null;
      const active = root.activeElement;
      const labelled = p.getAttribute('aria-labelledby');
      return {
        role: p.getAttribute('role'),
        label: labelled ? (root.getElementById(labelled)?.textContent ?? null) : null,
        age: p.querySelector('.age')?.textContent ?? null,
        focused: active && p.contains(active) ? (active.dataset.id ?? active.className) : null,
        actions: [...p.querySelectorAll('.actions button')].map((b) => ({
          id: b.dataset.id,
          label: b.textContent,
          disabled: b.disabled,
        })),
        groups: [...p.querySelectorAll('section')].map((s) => ({
          title: s.querySelector('h3').textContent,
          entries: [...s.querySelectorAll('li .place')].map((b) => b.textContent),
        })),
        status: p.querySelector('.status').textContent,
      };
    },
    /** Where the review panel's control with this data-id (or the entry for this term) is (top-page coordinates). */
    reviewButtonAt(id) {
      const root = ui();
      const b =
        root &&
        ([...root.querySelectorAll('.review [data-id]')].find((x) => x.dataset.id === id) ??
          [...root.querySelectorAll('.review .place')].find((x) => x.querySelector('.term').textContent === id));
      // The panel scrolls when it is taller than the frame (TinyMCE's): bring the control into view first.
      if (b) b.scrollIntoView({ block: 'nearest' });
      return b ? center(b.getBoundingClientRect()) : null;
    },
    /** The text of the word marked as the one being shown (the card's, or the review panel's place). */
    activeMark() {
      const h = editorDoc().defaultView.CSS.highlights.get('plain-send-active');
      if (h && h.size) return [...h][0].toString();
      const m = ui() && ui().querySelector('.mirror .mark.active');
      return m ? m.textContent : null;
    },
    /** Where the reading-age badge is (top-page coordinates), or null when it is not shown. */
    badgeAt() {
      const root = ui();
      const b = root && root.querySelector('.badge');
      return b && !b.hidden ? center(b.getBoundingClientRect()) : null;
    },
    badge() {
      const root = ui();
      const b = root && root.querySelector('.badge');
      return b && !b.hidden
        ? { text: b.textContent, state: b.dataset.state, label: b.getAttribute('aria-label') }
        : null;
    },
    /** True when focus is in the editor (the element, or inside it). */
    editorFocused() {
      const root = window.testEditor.root;
      const doc = root.ownerDocument;
      const active = doc.activeElement;
      const frame = doc.defaultView.frameElement;
      const frameFocused = !frame || document.activeElement === frame;
      return frameFocused && !!active && (active === root || root.contains(active));
    },
    /** The text before the caret, as the engine would read it (blocks joined by "\n" are not needed here). */
    beforeCaret() {
      const root = window.testEditor.root;
      if (root.tagName === 'TEXTAREA') return root.value.slice(0, root.selectionEnd);
      const sel = root.ownerDocument.getSelection();
      if (!sel.rangeCount) return null;
      const r = root.ownerDocument.createRange();
      r.setStart(root, 0);
      r.setEnd(sel.focusNode, sel.focusOffset);
      return r.toString();
    },
    measures() {
      return editorDoc()
        .defaultView.performance.getEntriesByName('plain-send:input-to-highlight')
        .map((m) => ({ start: m.startTime, duration: m.duration, detail: m.detail }));
    },
    /** How the last fix went in: 'beforeinput' (the editor took it), 'execCommand', 'setRangeText', 'text-node'. */
    applyPath() {
      const marks = editorDoc().defaultView.performance.getEntriesByName('plain-send:apply');
      return marks.length ? marks[marks.length - 1].detail : null;
    },
    clearMeasures() {
      editorDoc().defaultView.performance.clearMeasures('plain-send:input-to-highlight');
    },
    /** Whether our UI's host element is in the editor's document at all (it is added on first paint). */
    uiPresent() {
      return !!editorDoc().querySelector('plain-send-ui');
    },
    /** How many ranges all our highlights hold, in this document. */
    highlightCount() {
      return highlightRanges().length;
    },
    /** Marks whose range starts or ends inside a part that is not editable (contenteditable=false). */
    marksInIslands() {
      const inIsland = (node) => {
        const el = node.nodeType === 1 ? node : node.parentElement;
        return !!(el && el.closest('[contenteditable="false"]'));
      };
      return highlightRanges()
        .filter(({ range }) => inIsland(range.startContainer) || inIsland(range.endContainer))
        .map(({ range }) => range.toString());
    },
    /**
     * Every mark as { cat, line, start, text }: which line of the editor it is on (the editor's
     * top-level block; for a textarea, the line of its value) and where it starts in that line.
     */
    markPositions() {
      const root = window.testEditor.root;
      const out = [];
      if (root.tagName === 'TEXTAREA') {
        const inner = ui() && ui().querySelector('.mirror-inner');
        if (!inner) return out;
        for (const m of inner.querySelectorAll('.mark')) {
          const r = document.createRange();
          r.setStart(inner, 0);
          r.setEndBefore(m);
          const before = r.toString();
          const line = before.split('\n').length - 1;
          const cat = [...m.classList].find((c) => c !== 'mark' && c !== 'active');
          out.push({ cat, line, start: before.length - (before.lastIndexOf('\n') + 1), text: m.textContent });
        }
        return out;
      }
      const blocks = [...root.children];
      for (const { cat, range } of highlightRanges()) {
        let block = range.startContainer;
        while (block && block.parentNode !== root) block = block.parentNode;
        const r = root.ownerDocument.createRange();
        r.setStart(block, 0);
        r.setEnd(range.startContainer, range.startOffset);
        out.push({ cat, line: blocks.indexOf(block), start: r.toString().length, text: range.toString() });
      }
      return out;
    },
    /** Puts the caret at the start of the editor's nth line (top-level block, or line of a textarea). */
    caretToLine(n) {
      const root = window.testEditor.root;
      root.focus();
      if (root.tagName === 'TEXTAREA') {
        const at = root.value.split('\n').slice(0, n).join('\n').length + (n ? 1 : 0);
        root.setSelectionRange(at, at);
        return;
      }
      const block = root.children[n];
      const walker = root.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode();
      root.ownerDocument.getSelection().collapse(text || block, 0);
    },
    /** The line (top-level block) the caret is in, or -1 (an editor may move a caret put there on focus). */
    caretLine() {
      const root = window.testEditor.root;
      if (root.tagName === 'TEXTAREA') return root.value.slice(0, root.selectionStart).split('\n').length - 1;
      const node = root.ownerDocument.getSelection()?.anchorNode;
      return node ? [...root.children].findIndex((block) => block.contains(node)) : -1;
    },
    /** Watches the editable for mutations of any kind, from now on. */
    watch() {
      const records = [];
      const mo = new MutationObserver((list) => {
        for (const r of list)
          records.push(
            `${r.type}${r.attributeName ? ` ${r.attributeName} ${JSON.stringify(r.oldValue)}→${JSON.stringify(r.target.getAttribute(r.attributeName))}` : ''} on ${r.target.nodeName}${r.target.className && typeof r.target.className === 'string' ? `.${r.target.className.split(' ').join('.')}` : ''}`,
          );
      });
      mo.observe(window.testEditor.root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeOldValue: true,
      });
      window.__stopWatch = () => {
        for (const r of mo.takeRecords()) records.push(`${r.type} on ${r.target.nodeName}`);
        mo.disconnect();
        return records;
      };
    },
    stopWatch() {
      return window.__stopWatch();
    },
  };
})();
