// The uploader's pure file checks: magic numbers, UTF-8 text, limits, titles and server fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bytesToBase64,
  DEFAULT_ACCEPT_TYPES,
  fieldOfExpression,
  fileProblems,
  isDocumentId,
  isHtml,
  isUtf8Text,
  parseAcceptTypes,
  sniffMagic,
  titleFromFileName,
  Utf8TextSniffer,
} from './file-checks.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const limits = { maxSize: 100, acceptTypes: DEFAULT_ACCEPT_TYPES };

describe('sniffMagic', () => {
  it('recognises PDF, JPEG, PNG and both TIFF byte orders', () => {
    assert.equal(sniffMagic(text('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniffMagic(bytes(0xff, 0xd8, 0xff, 0xe0)), 'image/jpeg');
    assert.equal(sniffMagic(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'image/png');
    assert.equal(sniffMagic(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0)), 'image/tiff');
    assert.equal(sniffMagic(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 8)), 'image/tiff');
  });

  it('ignores what a name or a near miss would suggest', () => {
    assert.equal(sniffMagic(text('%PD')), undefined);
    assert.equal(sniffMagic(bytes(0xff, 0xd8)), undefined);
    assert.equal(sniffMagic(bytes(0x89, 0x50, 0x4e, 0x47)), undefined);
    assert.equal(sniffMagic(bytes(0x49, 0x49, 0x00, 0x2a)), undefined);
    assert.equal(sniffMagic(bytes()), undefined);
  });
});

describe('programs and web pages', () => {
  it('recognises Windows, Linux and macOS programs and scripts', () => {
    assert.equal(sniffMagic(bytes(0x4d, 0x5a, 0x90, 0x00)), 'application/x-msdownload');
    assert.equal(sniffMagic(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1)), 'application/x-executable');
    assert.equal(sniffMagic(bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0)), 'application/x-mach-binary');
    assert.equal(sniffMagic(bytes(0xfe, 0xed, 0xfa, 0xce)), 'application/x-mach-binary');
    assert.equal(sniffMagic(text('#!/bin/sh\nrm -rf ~\n')), 'text/x-script');
  });

  it('recognises HTML after a BOM and blank lines, in any case, and not a mere "<"', () => {
    assert.equal(sniffMagic(text('<!doctype html><title>bilan.pdf</title>')), 'text/html');
    assert.equal(sniffMagic(text('\uFEFF\n\n  <HTML lang="fr">')), 'text/html');
    assert.equal(sniffMagic(text('<script>alert(1)</script>')), 'text/html');
    assert.equal(sniffMagic(text('<p>')), 'text/html');
    assert.equal(sniffMagic(text('<!-- note -->')), 'text/html');
    assert.equal(sniffMagic(text('<svg xmlns="http://www.w3.org/2000/svg">')), 'text/html');
    assert.equal(isHtml(text('<pre>')), false);
    assert.equal(isHtml(text('< 5 mg/l, à surveiller')), false);
    assert.equal(isHtml(text('Bilan <b> normal')), false);
  });

  it('refuses them with their own problem, whatever else is true', () => {
    assert.deepEqual(fileProblems(10, 'application/x-msdownload', limits), ['executable']);
    assert.deepEqual(fileProblems(10, 'text/x-script', limits), ['executable']);
    assert.deepEqual(fileProblems(10, 'text/html', limits), ['html']);
    assert.deepEqual(fileProblems(101, 'text/html', limits), ['tooLarge', 'html']);
  });
});

describe('UTF-8 text', () => {
  it('accepts UTF-8 with accents and emoji, refuses NUL and broken sequences', () => {
    assert.equal(isUtf8Text(text('Questions pour ma consultation — été 🙂\n')), true);
    assert.equal(isUtf8Text(bytes(0x61, 0x00, 0x62)), false);
    assert.equal(isUtf8Text(bytes(0xc3, 0x28)), false);
    assert.equal(isUtf8Text(bytes(0xe9, 0x74, 0xe9)), false); // Latin-1 "été"
    assert.equal(isUtf8Text(bytes(0xff, 0xd8, 0xff, 0xe0)), false);
  });

  it('accepts a character split across chunks, refuses one cut at the end', () => {
    const whole = text('é');
    const split = new Utf8TextSniffer();
    assert.equal(split.push(whole.subarray(0, 1)), true);
    assert.equal(split.push(whole.subarray(1)), true);
    assert.equal(split.end(), true);
    const cut = new Utf8TextSniffer();
    cut.push(whole.subarray(0, 1));
    assert.equal(cut.end(), false);
  });
});

describe('fileProblems', () => {
  it('refuses empty files before anything else', () => {
    assert.deepEqual(fileProblems(0, undefined, limits), ['empty']);
  });
  it('refuses files over the limit and of unknown or unaccepted types', () => {
    assert.deepEqual(fileProblems(101, 'application/pdf', limits), ['tooLarge']);
    assert.deepEqual(fileProblems(10, undefined, limits), ['unknownType']);
    assert.deepEqual(
      fileProblems(10, 'image/tiff', { maxSize: 100, acceptTypes: ['application/pdf'] }),
      ['typeNotAllowed'],
    );
    assert.deepEqual(fileProblems(100, 'text/plain', limits), []);
  });
  it('reads accept-types, falling back to the default', () => {
    assert.deepEqual(parseAcceptTypes(' application/PDF , image/png'), [
      'application/pdf',
      'image/png',
    ]);
    assert.equal(parseAcceptTypes(''), DEFAULT_ACCEPT_TYPES);
    assert.equal(parseAcceptTypes(undefined), DEFAULT_ACCEPT_TYPES);
  });
});

describe('form helpers', () => {
  it('titles a document after its file name without extension', () => {
    assert.equal(titleFromFileName('bilan sanguin.2026.pdf'), 'bilan sanguin.2026');
    assert.equal(titleFromFileName('C:\\scans\\radio.TIFF'), 'radio');
    assert.equal(titleFromFileName('.notes'), '.notes');
    assert.equal(titleFromFileName('notes'), 'notes');
  });

  it('maps OperationOutcome expressions to form fields', () => {
    const doc = 'Bundle.entry[1].resource';
    assert.equal(fieldOfExpression(`${doc}.type`), 'type');
    assert.equal(fieldOfExpression(`${doc}.securityLabel`), 'flags');
    assert.equal(fieldOfExpression(`${doc}.securityLabel[1]`), 'flags');
    assert.equal(fieldOfExpression(`${doc}.securityLabel[0].coding[0].code`), 'confidentiality');
    assert.equal(fieldOfExpression(`${doc}.context.facilityType`), 'facility');
    assert.equal(fieldOfExpression(`${doc}.context.period.start`), 'date');
    assert.equal(fieldOfExpression(`${doc}.content[0].attachment.hash`), 'file');
    assert.equal(fieldOfExpression(`${doc}.content[0].attachment.title`), 'title');
    assert.equal(fieldOfExpression(`${doc}.relatesTo[0].target`), 'replaces');
    assert.equal(fieldOfExpression('Bundle.entry[2].resource.data'), 'file');
    assert.equal(fieldOfExpression(`${doc}.subject`), undefined);
    assert.equal(fieldOfExpression('Bundle.entry'), undefined);
  });

  it('encodes base64 and checks document ids', () => {
    assert.equal(
      bytesToBase64(text('Ordonnance\n')),
      Buffer.from('Ordonnance\n').toString('base64'),
    );
    const big = new Uint8Array(100_000).fill(0x41);
    assert.equal(bytesToBase64(big), Buffer.from(big).toString('base64'));
    assert.equal(isDocumentId('doc-marie-resume'), true);
    assert.equal(isDocumentId('DocumentReference/doc-1'), true);
    assert.equal(isDocumentId('doc 1'), false);
  });
});
