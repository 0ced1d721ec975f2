// The uploader's language select names languages in the panel's language, Luxembourgish too,
// which Chromium's ICU cannot name (it answered in German, through `de-LU`).
import { expect, waitUntil } from '@open-wc/testing';
import { pdfFile, rows, select, uploader, useSandbox } from './document-uploader.helpers.js';

useSandbox();

function languageNames(row: Element): string[] {
  return [...select(row, 'language').options].map((option) => option.text.trim());
}

describe('dsp-document-uploader: language names', () => {
  it('names the document languages in Luxembourgish (CLDR) in a Luxembourgish panel', async () => {
    const el = await uploader({ lang: 'lb' });
    await el.add(pdfFile());
    await waitUntil(() => rows(el).length === 1, 'no row');
    const [row] = rows(el);
    expect(languageNames(row!)).to.include.members([
      'Franséisch',
      'Däitsch',
      'Englesch',
      'Lëtzebuergesch',
      'Portugisesch',
    ]);
  });

  it('names them in French in a French panel', async () => {
    const el = await uploader({ lang: 'fr' });
    await el.add(pdfFile());
    await waitUntil(() => rows(el).length === 1, 'no row');
    expect(languageNames(rows(el)[0]!)).to.include.members(['français', 'allemand']);
  });
});
