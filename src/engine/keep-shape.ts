/**
 * Keeps the last object of a kind alive, and with it its hidden class. The engine makes a
 * `ParagraphContext` and a matcher walk per paragraph, and all of them are garbage once an analysis
 * ends. When a full GC collects the last object of a class whose fields were added one by one (as
 * class fields are), V8 throws away the optimised code that depends on that class: the rules and
 * the matcher then ran in the interpreter again until re-optimised, and the next analysis took 2 to
 * 3 times as long (README, engine speed). One object per kind is all it takes to keep the class.
 */
const kept = new Map<string, object>();

export function keepShape(kind: string, object: object): void {
  kept.set(kind, object);
}
