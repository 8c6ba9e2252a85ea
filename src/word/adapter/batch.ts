/// <reference types="office-js" />
/**
 * What every part of the Word adapter shares: the Office globals, and one batch of work in
 * Word (a `Word.run`, its counted `context.sync()` calls, and the requirement sets checked).
 */

export interface OfficeGlobals {
  Word: typeof Word;
  Office: typeof Office;
}

export interface Batch {
  context: Word.RequestContext;
  /** One round trip to Word, counted. */
  sync(): Promise<void>;
  /** The host supports WordApi `version` (asked with `Office.context.requirements.isSetSupported`). */
  supports(version: string): boolean;
  /** Office's platform: `PC`, `Mac`, `OfficeOnline`, … (undefined when Office does not say). */
  platform: string | undefined;
}
