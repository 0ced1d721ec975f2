// The built sandbox's sample documents, previewed without uploading anything: a fixture PDF drawn
// by PDF.js, and a fixture lab report in CDA shown with its sections and its abnormal results.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoProblems, panelsSettled, sandboxSuite, viewerOf } from './sandbox-site.js';

describe('the sandbox’s sample documents', () => {
  const sandbox = sandboxSuite();

  it('draws the pages of a sample PDF', async () => {
    const { page, problems, close } = await sandbox.open();
    await panelsSettled(page);
    const viewer = viewerOf(page);
    await viewer.locator('[part~="row"] .title', { hasText: 'Certificat' }).click();
    const drawn = viewer.locator('dsp-document-preview canvas[part~="page"][data-drawn]');
    await drawn.first().waitFor();
    assert.match((await drawn.first().getAttribute('aria-label')) ?? '', /^Page 1 sur 2, /);
    // Something was drawn: the page holds more than its white. The canvas may be drawn from a
    // worker (an OffscreenCanvas), so it is read through a copy.
    const inked = await drawn.first().evaluate((canvas: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d');
      if (!context) return -1;
      context.drawImage(canvas, 0, 0);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
      return dark;
    });
    assert.ok(inked > 200, `${inked} dark pixels`);
    assertNoProblems(problems);
    await close();
  });

  it('shows a sample lab report in CDA with its sections and an abnormal result', async () => {
    const { page, problems, close } = await sandbox.open({
      user: 'anne-muller',
      patient: 'tom-becker',
    });
    await panelsSettled(page);
    const viewer = viewerOf(page);
    await viewer.locator('[part~="row"] .title', { hasText: 'biologie médicale' }).click();
    const cda = viewer.locator('dsp-document-preview .cda');
    await cda.waitFor();
    const headings = await cda.locator('.cda-section h3').allTextContents();
    assert.ok(
      headings.some((h) => h.includes('Hématologie')),
      headings.join(' | '),
    );
    assert.ok(
      headings.some((h) => h.includes('Biochimie')),
      headings.join(' | '),
    );
    const abnormal = cda.locator('.cda-abnormal', { hasText: '2,41' });
    await abnormal.first().waitFor();
    assert.match((await abnormal.first().textContent()) ?? '', /élevé/);
    assertNoProblems(problems);
    await close();
  });
});
