// The uploader's replacement rules, as its documentation states them: a blank `replaces` is no
// replacement, a replacement takes one file, the document is named by its title else its id, and
// a cancel turns only the files not sent nor on their way into new documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  releasedByCancel,
  replacedId,
  replacedName,
  replacingMetadata,
  takenFiles,
} from './replace-rules.js';
import { createItem, type UploadItem, type UploadStatus } from './upload-item.js';

const file = (name: string) => new File([name], name, { type: 'text/plain' });

describe('replacedId', () => {
  it('is the id given, without surrounding spaces', () => {
    assert.equal(replacedId('doc-1'), 'doc-1');
    assert.equal(replacedId('  doc-1 '), 'doc-1');
  });

  it('is undefined when nothing, or only spaces, is given', () => {
    assert.equal(replacedId(undefined), undefined);
    assert.equal(replacedId(''), undefined);
    assert.equal(replacedId('   '), undefined);
  });
});

describe('replacingMetadata', () => {
  it('makes a file added now replace the document', () => {
    assert.deepEqual(replacingMetadata('doc-1'), { replaces: 'doc-1' });
  });

  it('adds nothing when the panel replaces no document', () => {
    assert.deepEqual(replacingMetadata(undefined), {});
  });
});

describe('replacedName', () => {
  it("is the host's title for the document being replaced", () => {
    assert.equal(
      replacedName('doc-1', 'doc-1', 'Compte rendu opératoire'),
      'Compte rendu opératoire',
    );
  });

  it('is the id without a title', () => {
    assert.equal(replacedName('doc-1', 'doc-1', undefined), 'doc-1');
    assert.equal(replacedName('doc-1', 'doc-1', ''), 'doc-1');
  });

  it('is the id for another document than the current replacement (the title is not its)', () => {
    assert.equal(replacedName('doc-2', 'doc-1', 'Compte rendu opératoire'), 'doc-2');
    assert.equal(replacedName('doc-2', undefined, 'Compte rendu opératoire'), 'doc-2');
  });
});

describe('takenFiles', () => {
  const files = [file('a.txt'), file('b.txt'), file('c.txt')];

  it('takes every file when the panel replaces nothing', () => {
    assert.deepEqual(
      takenFiles(files, undefined).map((f) => f.name),
      ['a.txt', 'b.txt', 'c.txt'],
    );
  });

  it('takes only the first file while replacing: a replacement is one document', () => {
    assert.deepEqual(
      takenFiles(files, 'doc-1').map((f) => f.name),
      ['a.txt'],
    );
    assert.deepEqual(takenFiles([], 'doc-1'), []);
  });
});

describe('releasedByCancel', () => {
  const item = (name: string, replaces: string, status: UploadStatus): UploadItem => ({
    ...createItem(file(name), { patientMode: false, language: 'fr' }, { replaces }),
    status,
  });

  it('releases the files replacing the document that are not sent nor on their way', () => {
    const items = [
      item('ready.txt', 'doc-1', 'ready'),
      item('invalid.txt', 'doc-1', 'invalid'),
      item('failed.txt', 'doc-1', 'failed'),
      item('hashing.txt', 'doc-1', 'hashing'),
      item('sending.txt', 'doc-1', 'sending'),
      item('retrying.txt', 'doc-1', 'retrying'),
      item('sent.txt', 'doc-1', 'sent'),
      item('other.txt', 'doc-2', 'ready'),
      item('new.txt', '', 'ready'),
    ];
    assert.deepEqual(
      releasedByCancel(items, 'doc-1').map((i) => i.file.name),
      ['ready.txt', 'invalid.txt', 'failed.txt', 'hashing.txt'],
    );
  });
});
