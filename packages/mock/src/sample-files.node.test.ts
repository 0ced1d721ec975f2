import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { crc32, sampleFile, sampleFiles, sha1, toBase64 } from './sample-files.js';

/** pdf.js's metrics of the 14 standard fonts, which the sample PDFs use without embedding them. */
const STANDARD_FONTS = join(
  dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts/',
);

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const nodeSha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64');

function ofType(contentType: string) {
  return sampleFiles().filter((f) => f.contentType === contentType);
}

interface PngChunk {
  type: string;
  data: Buffer;
  crc: number;
  typeAndData: Buffer;
}

function pngChunks(bytes: Uint8Array): PngChunk[] {
  const buffer = Buffer.from(bytes);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const typeAndData = buffer.subarray(offset + 4, offset + 8 + length);
    chunks.push({
      type: typeAndData.subarray(0, 4).toString('ascii'),
      data: typeAndData.subarray(4),
      crc: buffer.readUInt32BE(offset + 8 + length),
      typeAndData,
    });
    offset += 12 + length;
  }
  assert.equal(offset, buffer.length, 'chunks end exactly at the end of the file');
  return chunks;
}

describe('sampleFiles', () => {
  it('holds at least 3 PDFs, 3 PNGs and 3 text files with unique ids', () => {
    assert.ok(ofType('application/pdf').length >= 3);
    assert.ok(ofType('image/png').length >= 3);
    assert.ok(ofType('text/plain').length >= 3);
    const ids = sampleFiles().map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('is built once', () => {
    assert.equal(sampleFiles(), sampleFiles());
    const first = sampleFiles()[0]!;
    assert.equal(sampleFile(first.id), first);
    assert.equal(sampleFile('nope'), undefined);
  });

  it('gives each file its size and the SHA-1 node:crypto computes', () => {
    for (const file of sampleFiles()) {
      assert.equal(file.size, file.bytes.length, file.id);
      assert.equal(file.sha1Base64, nodeSha1(file.bytes), file.id);
      assert.ok(file.title.length > 0);
    }
  });

  it('computes SHA-1 like node:crypto across padding boundaries', () => {
    for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 100_003]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      assert.equal(toBase64(sha1(bytes)), nodeSha1(bytes), `length ${length}`);
    }
    assert.equal(
      Buffer.from(sha1(new TextEncoder().encode('abc'))).toString('hex'),
      'a9993e364706816aba3e25717850c26c9cd0d89d',
    );
  });

  it('encodes base64 like Buffer', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 13) & 0xff);
    assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'));
  });

  it('makes PDF 1.4 files whose xref offsets point at their objects', () => {
    for (const file of ofType('application/pdf')) {
      const text = latin1(file.bytes);
      assert.ok(text.startsWith('%PDF-1.4\n'), file.id);
      assert.match(text, /%%EOF\n$/, file.id);

      const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
      assert.ok(startxref, `${file.id}: startxref`);
      const xrefOffset = Number(startxref[1]);
      assert.ok(text.startsWith('xref\n', xrefOffset), `${file.id}: startxref points at xref`);

      const section = /^xref\n0 (\d+)\n/.exec(text.slice(xrefOffset));
      assert.ok(section, `${file.id}: xref subsection header`);
      const count = Number(section[1]);
      const entriesStart = xrefOffset + section[0].length;
      const entries = text.slice(entriesStart, entriesStart + count * 20);
      assert.equal(entries.slice(0, 20), '0000000000 65535 f \n');
      for (let n = 1; n < count; n++) {
        const entry = entries.slice(n * 20, n * 20 + 20);
        assert.match(entry, /^\d{10} 00000 n \n$/, `${file.id}: entry ${n}`);
        const offset = Number(entry.slice(0, 10));
        assert.ok(text.startsWith(`${n} 0 obj\n`, offset), `${file.id}: object ${n} at ${offset}`);
      }
      assert.match(
        text.slice(entriesStart + count * 20),
        new RegExp(`^trailer\\n<< /Size ${count} `),
      );

      // The content stream's Length is its exact byte length.
      const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text);
      assert.ok(stream, `${file.id}: content stream`);
      const start = stream.index + stream[0].length;
      assert.equal(
        text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10),
        '\nendstream',
      );
      assert.ok(text.includes(`(${file.title})`), `${file.id}: shows its title`);
    }
  });

  it('makes PDFs pdf.js opens, of 2 to 4 pages of text, each page with the title', async () => {
    for (const file of ofType('application/pdf')) {
      const pdf = await getDocument({
        data: file.bytes.slice(),
        standardFontDataUrl: STANDARD_FONTS,
      }).promise;
      assert.ok(pdf.numPages >= 2 && pdf.numPages <= 4, `${file.id}: ${pdf.numPages} pages`);
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const text = (await page.getTextContent()).items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ');
        assert.ok(text.includes(file.title), `${file.id}: page ${n} shows the title`);
        assert.ok(text.includes(`Page ${n} / ${pdf.numPages}`), `${file.id}: page ${n} number`);
      }
      await pdf.destroy();
    }
  });

  it('makes images that are not a single colour', () => {
    for (const file of ofType('image/png')) {
      const chunks = pngChunks(file.bytes);
      const raw = inflateSync(chunks[1]!.data);
      const width = chunks[0]!.data.readUInt32BE(0);
      const channels = { 0: 1, 2: 3, 6: 4 }[chunks[0]!.data[9] as 0 | 2 | 6];
      const values = new Set<number>();
      for (let i = 1; i < raw.length; i += 1 + width * channels) {
        for (let x = 0; x < width * channels; x += channels) values.add(raw[i + x]!);
      }
      assert.ok(values.size > 16, `${file.id}: ${values.size} levels`);
    }
  });

  it('makes PNG files with a valid signature, correct CRCs and an IDAT zlib inflates', () => {
    for (const file of ofType('image/png')) {
      assert.deepEqual([...file.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
      const chunks = pngChunks(file.bytes);
      assert.deepEqual(
        chunks.map((c) => c.type),
        ['IHDR', 'IDAT', 'IEND'],
      );
      for (const chunk of chunks) {
        assert.equal(chunk.crc, crc32(chunk.typeAndData), `${file.id}: ${chunk.type} CRC`);
      }
      const ihdr = chunks[0]!.data;
      assert.equal(ihdr.length, 13);
      const width = ihdr.readUInt32BE(0);
      const height = ihdr.readUInt32BE(4);
      const [depth, colourType] = [ihdr[8], ihdr[9]];
      assert.equal(depth, 8);
      const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 0 ? 1 : 0;
      assert.ok(channels > 0, `${file.id}: greyscale, RGB or RGBA`);
      const raw = inflateSync(chunks[1]!.data);
      assert.equal(raw.length, height * (1 + width * channels));
      for (let y = 0; y < height; y++)
        assert.equal(raw[y * (1 + width * channels)], 0, 'filter None');
    }
  });

  it('computes CRC-32 like the PNG specification (known values)', () => {
    assert.equal(crc32(new TextEncoder().encode('IEND')), 0xae426082);
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  });

  it('makes UTF-8 French text files', () => {
    for (const file of ofType('text/plain')) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      assert.ok(text.startsWith(file.title), file.id);
      assert.match(text, /[éèàçêœ]/, `${file.id}: French accents`);
      assert.deepEqual(Buffer.from(text, 'utf8'), Buffer.from(file.bytes));
    }
  });
});
