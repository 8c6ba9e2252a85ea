/**
 * "Explain this": the SEND words in what the user selected (or in the browser's copy of a text
 * box's selection), each with the range it is at on the page when there is one.
 */
import { debugLog } from '../browser/debug.js';
import { ANALYSE, unpack, type AnalyseRequest, type AnalyseResponse } from '../browser/messages/protocol.js';
import type { WireFinding } from '../browser/messages/protocol.js';
import { meaningKey } from '../engine/identity.js';
import { chunkText, extractRange, rangeAt } from './extract.js';

export interface Item {
  finding: WireFinding;
  key: string;
  range?: Range;
}

export interface Explained {
  items: Item[];
  /** The selection, to place a "nothing found" card by. */
  selection: Range | undefined;
}

/** The words in the selection of `doc`, else in `fallback`; parts the engine could not read are left out. */
export async function explainSelection(
  doc: Document,
  analyse: (request: AnalyseRequest) => Promise<AnalyseResponse>,
  fallback?: string,
): Promise<Explained> {
  const selection = doc.getSelection();
  const range =
    selection && selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : undefined;
  const map = range ? extractRange(range) : undefined;
  const useMap = !!map && map.text.trim().length > 0;
  const text = useMap ? map!.text : (fallback ?? '');
  const items: Item[] = [];
  for (const c of chunkText(text)) {
    const part = text.slice(c.start, c.end);
    const response = await analyse({ type: ANALYSE, text: part, mode: 'explain' }).catch((e: unknown) => {
      debugLog('explaining a selection', e);
      return undefined;
    });
    if (!response?.ok) continue;
    for (const f of unpack(response.spans, response.details, part)) {
      const finding = { ...f, start: f.start + c.start, end: f.end + c.start };
      items.push({
        finding,
        key: meaningKey(finding),
        range: useMap ? rangeAt(map!, finding.start, finding.end) : undefined,
      });
    }
  }
  return { items, selection: range };
}
