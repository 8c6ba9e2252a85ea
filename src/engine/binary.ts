/** Reading the build's binary tables (text/word-facts.ts, glossary/snapshot.ts). */

const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/**
 * `n` little-endian 32-bit integers from byte `at` of `bytes`: a view of them where they are aligned
 * on a little-endian machine (a file read whole is), else a copy.
 */
export function int32sAt(bytes: Uint8Array, at: number, n: number): Int32Array {
  const start = bytes.byteOffset + at;
  if (LITTLE_ENDIAN && start % 4 === 0) return new Int32Array(bytes.buffer, start, n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const copy = new Int32Array(n);
  for (let k = 0; k < n; k++) copy[k] = view.getInt32(at + 4 * k, true);
  return copy;
}
