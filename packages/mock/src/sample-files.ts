// A small pool of real, valid files (PDF, PNG, UTF-8 text) built in code, with their size and
// SHA-1, so mock documents can be downloaded, opened and integrity-checked in Node and browsers.

/** A sample file of the pool. Shared by every caller: treat `bytes` as read-only. */
export interface SampleFile {
  /** Stable identifier, e.g. `pdf-compte-rendu`. */
  readonly id: string;
  readonly contentType: 'application/pdf' | 'image/png' | 'text/plain';
  readonly bytes: Uint8Array;
  /** `bytes.length`, as `Attachment.size`. */
  readonly size: number;
  /** SHA-1 of `bytes` in base64, as FHIR R4's `Attachment.hash`. */
  readonly sha1Base64: string;
  /** What the file shows, in French. */
  readonly title: string;
}

// --- Checksums and encodings ------------------------------------------------------------------
// Written by hand: `node:zlib` and `node:crypto` do not exist in the browser, and
// `crypto.subtle.digest` is asynchronous while the pool must be built synchronously.

/** A word of a typed array; indices are always in range here, the `?? 0` only satisfies TS. */
function at(words: Uint32Array, index: number): number {
  return words[index] ?? 0;
}

/** SHA-1 (FIPS 180-4) of `bytes`. */
export function sha1(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  // Message, the 0x80 marker and the 64-bit big-endian bit length, padded to 64-byte blocks.
  const padded = new Uint8Array((Math.floor((length + 8) / 64) + 1) * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);

  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = at(w, i - 3) ^ at(w, i - 8) ^ at(w, i - 14) ^ at(w, i - 16);
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = at(h, 0);
    let b = at(h, 1);
    let c = at(h, 2);
    let d = at(h, 3);
    let e = at(h, 4);
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + at(w, i)) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = temp;
    }
    h[0] = at(h, 0) + a;
    h[1] = at(h, 1) + b;
    h[2] = at(h, 2) + c;
    h[3] = at(h, 3) + d;
    h[4] = at(h, 4) + e;
  }
  const digest = new Uint8Array(20);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 5; i++) out.setUint32(i * 4, at(h, i));
  return digest;
}

/** Base64 of `bytes` (btoa exists in browsers and in Node ≥ 16). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep `String.fromCharCode`'s argument list far below engines' limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG chunks use) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = at(CRC_TABLE, (crc ^ byte) & 0xff) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Adler-32 (RFC 1950), the zlib stream's trailer. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0);
  return bytes;
}

/** A zlib stream of stored (uncompressed, BTYPE=00) deflate blocks: valid, and needs no zlib. */
function zlibStored(data: Uint8Array): Uint8Array {
  const MAX_BLOCK = 0xffff;
  // CMF 0x78 (deflate, 32 KiB window), FLG 0x01: (0x78 * 256 + 0x01) is a multiple of 31.
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0x01)];
  let offset = 0;
  do {
    const length = Math.min(MAX_BLOCK, data.length - offset);
    const final = offset + length >= data.length ? 1 : 0;
    // Header bits BFINAL then BTYPE=00, padded to the byte; then LEN and NLEN, little-endian.
    parts.push(
      Uint8Array.of(final, length & 0xff, length >>> 8, ~length & 0xff, (~length >>> 8) & 0xff),
      data.subarray(offset, offset + length),
    );
    offset += length;
  } while (offset < data.length);
  parts.push(uint32(adler32(data)));
  return concat(parts);
}

// --- PNG --------------------------------------------------------------------------------------

const encoder = new TextEncoder();

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat([encoder.encode(type), data]);
  return concat([uint32(data.length), typeAndData, uint32(crc32(typeAndData))]);
}

/** The colour types written here: greyscale (one channel), RGB and RGBA. */
const COLOUR_TYPES: Readonly<Record<number, number>> = { 1: 0, 3: 2, 4: 6 };

/**
 * An 8-bit PNG whose pixels `paint(x, y)` gives: one value per channel (greyscale, RGB or RGBA,
 * by the length of what it returns for the first pixel).
 */
function png(width: number, height: number, paint: (x: number, y: number) => readonly number[]) {
  const channels = paint(0, 0).length;
  const colourType = COLOUR_TYPES[channels];
  if (colourType === undefined)
    throw new Error(`A PNG pixel has 1, 3 or 4 channels, not ${channels}`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  // Bit depth 8, colour type, compression 0, filter method 0, no interlace.
  header.set([8, colourType, 0, 0, 0], 8);
  // Each scanline: filter type 0 (None), then the pixels.
  const stride = 1 + width * channels;
  const raw = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * stride + 1 + x * channels);
  }
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A grey level clamped to a byte. */
const grey = (value: number): readonly number[] => [Math.max(0, Math.min(255, Math.round(value)))];

/** Deterministic noise in [0, 1) for a pixel: the speckle of an ultrasound, the grain of a film. */
function noise(x: number, y: number): number {
  const h = Math.imul(x * 374761393 + y * 668265263, 1274126177) >>> 0;
  return ((h ^ (h >>> 13)) & 0xffff) / 0x10000;
}

/** Inside an ellipse centred on (cx, cy): ≤ 1. */
function ellipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): number {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
}

/** A frontal chest radiograph as a sketch: the thorax, two dark lungs, the spine, the heart. */
function chestRadiograph(width: number, height: number): Uint8Array {
  return png(width, height, (x, y) => {
    const cx = width / 2;
    let level = 20;
    if (ellipse(x, y, cx, height * 0.62, width * 0.46, height * 0.6) <= 1) level = 150;
    const inLung = (side: number) =>
      ellipse(x, y, cx + side * width * 0.2, height * 0.5, width * 0.15, height * 0.33) <= 1;
    if (inLung(-1) || inLung(1)) level = 55;
    if (ellipse(x, y, cx + width * 0.06, height * 0.66, width * 0.13, height * 0.13) <= 1) {
      level = 170;
    }
    if (Math.abs(x - cx) < width * 0.035) level = 215;
    // Ribs: faint bright bands across the lungs.
    if ((inLung(-1) || inLung(1)) && Math.floor(y / 9) % 2 === 0) level += 25;
    return grey(level + noise(x, y) * 14);
  });
}

/** An ultrasound as a sketch: a fan of speckle on black, a dark structure within. */
function ultrasound(width: number, height: number): Uint8Array {
  return png(width, height, (x, y) => {
    const dx = x - width / 2;
    const r = Math.hypot(dx, y);
    const inFan = r < height * 0.95 && Math.abs(Math.atan2(dx, y + 1)) < 0.6;
    if (!inFan) return grey(0);
    const cyst = ellipse(x, y, width / 2, height * 0.55, width * 0.12, height * 0.09) <= 1;
    return grey((cyst ? 15 : 70 + 110 * (1 - r / height)) * (0.5 + noise(x, y)));
  });
}

/** A cardiac MRI short-axis slice as a sketch: the chest, the myocardium, the bright cavity. */
function cardiacMri(size: number): Uint8Array {
  return png(size, size, (x, y) => {
    const c = size / 2;
    const r = Math.hypot(x - c - size * 0.05, y - c);
    let level = ellipse(x, y, c, c, size * 0.46, size * 0.36) <= 1 ? 60 : 5;
    if (r < size * 0.2) level = 95;
    if (r < size * 0.12) level = 235;
    return grey(level + noise(x, y) * 18);
  });
}

// --- PDF --------------------------------------------------------------------------------------

/** WinAnsiEncoding's bytes for the characters it places outside Latin-1 that French needs. */
const WIN_ANSI: Readonly<Record<string, number>> = {
  '€': 0x80,
  '…': 0x85,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  œ: 0x9c,
  Œ: 0x8c,
};

/**
 * WinAnsiEncoding bytes of `text` (the PDFs below use it): Latin-1 for é, è, à, ç…, and the few
 * characters Windows-1252 adds. A character offset of the text is then its byte offset.
 */
function winAnsi(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    const code = WIN_ANSI[char] ?? text.charCodeAt(i);
    if (code > 0xff) throw new Error(`Not WinAnsi: ${JSON.stringify(char)} in a sample PDF`);
    bytes[i] = code;
  }
  return bytes;
}

/** A PDF string literal, with its delimiters and backslash escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A page of a sample PDF: its heading and its lines of text. */
export interface PdfPage {
  readonly heading: string;
  readonly lines: readonly string[];
}

/** Drawing operators for one page: the title, the heading, the lines, and "Page n / N". */
function pageContent(title: string, page: PdfPage, number: number, pages: number): string {
  return [
    'BT',
    '/F1 18 Tf',
    '72 770 Td',
    `${pdfString(title)} Tj`,
    '/F2 13 Tf',
    '0 -34 Td',
    `${pdfString(page.heading)} Tj`,
    '/F1 11 Tf',
    ...page.lines.flatMap((line, i) => [
      i === 0 ? '0 -26 Td' : '0 -17 Td',
      `${pdfString(line)} Tj`,
    ]),
    'ET',
    'BT',
    '/F1 9 Tf',
    '480 40 Td',
    `${pdfString(`Page ${number} / ${pages}`)} Tj`,
    'ET',
  ].join('\n');
}

/** What {@link writePdf} makes a PDF of. */
export interface PdfParts {
  /** Each page's content stream (drawing operators; `/F1` is Helvetica, `/F2` Helvetica-Bold). */
  readonly pages: readonly string[];
  /** The document information dictionary's entries. */
  readonly info?: string;
  /** More entries for the catalog (an `/OpenAction`, say) and for every page (`/Annots`). */
  readonly catalogExtra?: string;
  readonly pageExtra?: string;
}

/**
 * An A4 PDF 1.4 of the given pages, with Helvetica and Helvetica-Bold, written by hand: built as a
 * Latin-1 string, so a character offset is a byte offset and the xref table can be computed as
 * we go. The mock's sample PDFs are made with it, and so are the tests' PDFs.
 */
export function writePdf(parts: PdfParts): Uint8Array {
  const font = (name: string) =>
    `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  const extra = (entries: string | undefined) => (entries ? ` ${entries}` : '');
  // Objects 1–5: catalog, page tree, the two fonts, the information; then a page and its
  // content stream for each page.
  const pageObject = (i: number) => 6 + i * 2;
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${extra(parts.catalogExtra)} >>`,
    `<< /Type /Pages /Kids [${parts.pages.map((_, i) => `${pageObject(i)} 0 R`).join(' ')}] /Count ${parts.pages.length} >>`,
    font('Helvetica'),
    font('Helvetica-Bold'),
    `<< ${parts.info ?? '/Producer (DSP Kit mock)'} >>`,
    ...parts.pages.flatMap((content, i) => [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject(i) + 1} 0 R` +
        `${extra(parts.pageExtra)} >>`,
      // The EOL before `endstream` is not part of the stream's Length.
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  // The second line's high bytes tell transfer tools the file is binary.
  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, LF.
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return winAnsi(pdf);
}

/**
 * An A4 PDF 1.4 of one page per {@link PdfPage}, in Helvetica (regular and bold), each page with
 * the title.
 */
export function textPdf(
  title: string,
  pages: readonly PdfPage[],
  creationDate: string,
): Uint8Array {
  return writePdf({
    pages: pages.map((page, i) => pageContent(title, page, i + 1, pages.length)),
    info: `/Title ${pdfString(title)} /Producer (DSP Kit mock) /CreationDate (D:${creationDate})`,
  });
}

// --- The pool ---------------------------------------------------------------------------------

const FOOTER = 'Document fictif produit par DSP Kit - aucune donnée réelle.';

function file(
  id: string,
  contentType: SampleFile['contentType'],
  title: string,
  bytes: Uint8Array,
) {
  return {
    id,
    contentType,
    title,
    bytes,
    size: bytes.length,
    sha1Base64: toBase64(sha1(bytes)),
  } satisfies SampleFile;
}

function buildPool(): readonly SampleFile[] {
  return Object.freeze([
    file(
      'pdf-resume-patient',
      'application/pdf',
      'Résumé patient',
      textPdf(
        'Résumé patient',
        [
          {
            heading: 'Antécédents et allergies',
            lines: [
              'Date : 9 janvier 2017',
              'Antécédents : appendicectomie (1998), hypertension artérielle traitée.',
              'Allergies : pénicilline.',
              'Facteurs de risque : ancien fumeur (arrêt en 2009), surpoids modéré.',
            ],
          },
          {
            heading: 'Traitements et vaccinations',
            lines: [
              'Amlodipine 5 mg : 1 comprimé le matin.',
              'Atorvastatine 20 mg : 1 comprimé le soir.',
              'Vaccinations : tétanos-diphtérie (2014), grippe saisonnière (2016).',
              FOOTER,
            ],
          },
        ],
        "20170109110000+01'00'",
      ),
    ),
    file(
      'pdf-compte-rendu',
      'application/pdf',
      'Compte rendu de consultation',
      textPdf(
        'Compte rendu de consultation',
        [
          {
            heading: 'Motif et examen',
            lines: [
              'Date : 18 juin 2016',
              "Motif : douleurs thoraciques à l'effort depuis trois semaines.",
              'Examen clinique : tension artérielle 135/85 mmHg, pouls régulier à 72/min.',
              'Auscultation cardiaque et pulmonaire sans particularité.',
            ],
          },
          {
            heading: 'Examens complémentaires',
            lines: [
              'Électrocardiogramme : rythme sinusal, pas de trouble de la repolarisation.',
              'Échocardiographie : fonction ventriculaire gauche normale.',
            ],
          },
          {
            heading: 'Conclusion',
            lines: ["Pas d'argument pour une cause cardiaque. Contrôle dans un an.", FOOTER],
          },
        ],
        "20160618143000+02'00'",
      ),
    ),
    file(
      'pdf-echocardiographie',
      'application/pdf',
      'Échocardiographie transthoracique',
      textPdf(
        'Échocardiographie transthoracique',
        [
          {
            heading: 'Indication et technique',
            lines: [
              "Indication : bilan de douleurs thoraciques atypiques à l'effort.",
              'Technique : échocardiographie transthoracique, coupes standard, Doppler.',
              'Qualité de l’examen : bonne échogénicité.',
            ],
          },
          {
            heading: 'Mesures',
            lines: [
              'Ventricule gauche : diamètre télédiastolique 48 mm, septum 9 mm.',
              'Fraction d’éjection du ventricule gauche (FEVG) : 62 % (Simpson biplan).',
              'Oreillette gauche : 32 mm. Aorte ascendante : 31 mm.',
              'Pressions de remplissage normales (E/e’ = 7).',
            ],
          },
          {
            heading: 'Conclusion',
            lines: [
              'FEVG conservée (62 %). Pas de valvulopathie significative.',
              'Pas d’épanchement péricardique.',
              FOOTER,
            ],
          },
        ],
        "20260618143000+02'00'",
      ),
    ),
    file(
      'pdf-resultats-biologie',
      'application/pdf',
      "Résultats d'examens biologiques",
      textPdf(
        "Résultats d'examens biologiques",
        [
          {
            heading: 'Hématologie',
            lines: [
              'Date du prélèvement : 2 octobre 2016',
              'Hémoglobine : 13,8 g/dl (12,0 - 16,0)',
              'Leucocytes : 6,2 G/l (4,0 - 10,0)',
              'Plaquettes : 245 G/l (150 - 400)',
            ],
          },
          {
            heading: 'Biochimie',
            lines: [
              'Glycémie à jeun : 0,92 g/l (0,70 - 1,10)',
              'Créatinine : 8,1 mg/l (5,0 - 9,0)',
              'Cholestérol LDL : 1,62 g/l (< 1,60) - légèrement élevé',
              FOOTER,
            ],
          },
        ],
        "20161002091500+02'00'",
      ),
    ),
    file(
      'pdf-certificat',
      'application/pdf',
      'Certificat médical',
      textPdf(
        'Certificat médical',
        [
          {
            heading: 'Certificat',
            lines: [
              'Date : 1er septembre 2016',
              "Je soussigné certifie que l'état de santé du patient ne présente pas de",
              'contre-indication à la pratique du sport en compétition.',
            ],
          },
          {
            heading: 'Examen',
            lines: [
              'Tension artérielle 120/75 mmHg, fréquence cardiaque 64/min au repos.',
              'Électrocardiogramme de repos normal.',
              'Certificat remis en main propre pour servir et valoir ce que de droit.',
              FOOTER,
            ],
          },
        ],
        "20160901084500+02'00'",
      ),
    ),
    file('png-radiographie', 'image/png', 'Radiographie du thorax', chestRadiograph(160, 128)),
    file('png-echographie', 'image/png', 'Échographie abdominale', ultrasound(160, 120)),
    file('png-irm-cardiaque', 'image/png', 'IRM cardiaque, coupe petit axe', cardiacMri(128)),
    file(
      'txt-directives-anticipees',
      'text/plain',
      'Mes directives anticipées',
      encoder.encode(
        'Mes directives anticipées\n\n' +
          "Si je ne suis plus en mesure d'exprimer ma volonté, je souhaite que ma sœur Élise " +
          'soit ma personne de confiance.\nJe refuse tout acharnement thérapeutique.\n',
      ),
    ),
    file(
      'txt-journal-symptomes',
      'text/plain',
      'Journal de mes symptômes',
      encoder.encode(
        'Journal de mes symptômes\n\n' +
          '3 mars : maux de tête le matin, fièvre à 38,2 °C.\n' +
          '5 mars : mieux, légère fatigue.\n' +
          "8 mars : plus aucun symptôme, reprise du travail à l'école.\n",
      ),
    ),
    file(
      'txt-questions-consultation',
      'text/plain',
      'Questions pour ma prochaine consultation',
      encoder.encode(
        'Questions pour ma prochaine consultation\n\n' +
          '- Faut-il continuer le traitement après la fin du mois ?\n' +
          '- Puis-je reprendre la natation ?\n' +
          '- Quand refaire la prise de sang ?\n',
      ),
    ),
  ]);
}

let pool: readonly SampleFile[] | undefined;

/** The sample files, built on first use and shared afterwards. */
export function sampleFiles(): readonly SampleFile[] {
  pool ??= buildPool();
  return pool;
}

/** The sample file with this id. */
export function sampleFile(id: string): SampleFile | undefined {
  return sampleFiles().find((f) => f.id === id);
}
