/**
 * Draws the add-in's icon and encodes it as PNG, with no dependencies (node:zlib only):
 * a rounded dark-teal square holding a white speech bubble with three short lines of
 * "plain" text. `npx tsx src/word/icons.ts` writes src/public/icons/icon-{16,32,64,80,128}.png (128: Outlook's high-resolution icon);
 * test/word/manifest.test.ts checks the committed files are what this draws.
 */
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = [number, number, number, number];
const TEAL: RGBA = [0x0b, 0x5c, 0x63, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const INK: RGBA = [0x0b, 0x5c, 0x63, 255];

/** Coverage (0..1) of pixel (x, y) by a rounded rectangle, by 4×4 supersampling. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (px: number, py: number) => {
    if (px < x0 || px > x1 || py < y0 || py > y1) return false;
    const cx = Math.min(Math.max(px, x0 + r), x1 - r);
    const cy = Math.min(Math.max(py, y0 + r), y1 - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
}

function blend(into: Uint8Array, at: number, colour: RGBA, alpha: number): void {
  if (alpha <= 0) return;
  const a = (colour[3] / 255) * alpha;
  const under = into[at + 3] / 255;
  const out = a + under * (1 - a);
  for (let c = 0; c < 3; c++) into[at + c] = Math.round((colour[c] * a + into[at + c] * under * (1 - a)) / (out || 1));
  into[at + 3] = Math.round(out * 255);
}

/** RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const s = size / 16;
  const background = roundedRect(0, 0, size, size, 3 * s);
  // Speech bubble: a rounded box with a small tail at the bottom left.
  const box = roundedRect(2.5 * s, 3 * s, 13.5 * s, 11 * s, 1.6 * s);
  const tail = (x: number, y: number) =>
    y >= 10.5 * s && y <= 13.5 * s && x >= 4 * s && x <= 7 * s && x - 4 * s <= (13.5 * s - y) * 0.9;
  const bubble = (x: number, y: number) => box(x, y) || tail(x, y);
  const lines = [
    roundedRect(4.5 * s, 4.9 * s, 11.5 * s, 5.9 * s, 0.5 * s),
    roundedRect(4.5 * s, 6.6 * s, 10 * s, 7.6 * s, 0.5 * s),
    roundedRect(4.5 * s, 8.3 * s, 8.5 * s, 9.3 * s, 0.5 * s),
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4;
      blend(px, at, TEAL, coverage(x, y, background));
      blend(px, at, WHITE, coverage(x, y, bubble));
      for (const line of lines) blend(px, at, INK, coverage(x, y, line));
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

export function iconPng(size: number): Buffer {
  return encodePng(size, size, drawIcon(size));
}

// `npx tsx src/word/icons.ts` writes the PNGs.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  for (const size of ICON_SIZES) {
    const file = new URL(`../public/icons/icon-${size}.png`, import.meta.url);
    writeFileSync(file, iconPng(size));
    console.log(`wrote ${file.pathname}`);
  }
}
