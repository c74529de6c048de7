/**
 * Draws the extension's icons (`public/icon-<size>.png`, which WXT puts in the manifest): a magnifying lens
 * over a rounded square in the popup's accent blue, with a small medical cross in the lens at the sizes where
 * it can be seen. `npx tsx scripts/draw-icons.ts` rewrites them; the output is deterministic, and the PNGs are
 * committed (they change only when this drawing does).
 *
 * Shapes are signed distances in a unit square, sampled 4 x 4 per pixel for smooth edges, and written as
 * 8-bit RGBA PNGs with Node's zlib: no image library needed for four small icons.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const ACCENT: RGB = [10, 88, 202]; // --accent in the popup's style
const WHITE: RGB = [255, 255, 255];
type RGB = [number, number, number];

/** Distance from (x, y) to a rounded square inset by `pad`, negative inside. */
function roundedSquare(x: number, y: number, pad: number, radius: number): number {
  const half = 0.5 - pad;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance to the segment (ax, ay)–(bx, by), minus a half-width: a stroke with round caps. */
function stroke(x: number, y: number, ax: number, ay: number, bx: number, by: number, halfWidth: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - halfWidth;
}

/** The colour at a point of the unit square, or undefined where the icon is transparent. */
function shade(x: number, y: number, size: number): RGB | undefined {
  const small = size < 32;
  if (roundedSquare(x, y, small ? 0 : 0.03, small ? 0.18 : 0.2) > 0) return undefined;
  const [cx, cy, r] = [0.44, 0.44, small ? 0.22 : 0.23];
  const width = small ? 0.09 : 0.065;
  const ring = Math.abs(Math.hypot(x - cx, y - cy) - r) - width;
  const handle = stroke(x, y, cx + r * 0.74, cy + r * 0.74, 0.8, 0.8, small ? 0.075 : 0.07);
  if (ring <= 0 || handle <= 0) return WHITE;
  if (!small) {
    const arm = 0.095;
    const bar = 0.033;
    const cross = Math.min(
      Math.max(Math.abs(x - cx) - arm, Math.abs(y - cy) - bar),
      Math.max(Math.abs(x - cx) - bar, Math.abs(y - cy) - arm),
    );
    if (cross <= 0) return WHITE;
  }
  return ACCENT;
}

function draw(size: number): Buffer {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const at = (py * size + px) * 4;
      // Colour averaged over the covered samples (straight alpha), coverage as alpha.
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (SS * SS))], at);
    }
  }
  return png(size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = join(import.meta.dirname, '..', 'public');
for (const size of SIZES) writeFileSync(join(dir, `icon-${size}.png`), draw(size));
console.log(`icons: ${SIZES.map((s) => `icon-${s}.png`).join(', ')} in public/`);
