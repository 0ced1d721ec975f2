// What the access-rights panel keeps of its forms: read from the form as typed, and emptied after
// a naming only when the form still says what was sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  afterNaming,
  assistantDraftOf,
  NO_ASSISTANT,
  NO_SEARCH,
  searchDraftOf,
  textOf,
} from './form-drafts.js';

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('form drafts', () => {
  it('reads the naming form as typed, spaces and all', () => {
    assert.deepEqual(
      assistantDraftOf(form({ given: ' Paul ', family: 'Wagner', matricule: '1961 0517 04 4' })),
      { given: ' Paul ', family: 'Wagner', matricule: '1961 0517 04 4' },
    );
    assert.deepEqual(assistantDraftOf(form({})), NO_ASSISTANT);
  });

  it('reads the directory search, any profession when none is chosen', () => {
    assert.deepEqual(searchDraftOf(form({ name: 'Weber', profession: '' })), {
      name: 'Weber',
      profession: '',
    });
    assert.deepEqual(searchDraftOf(form({})), NO_SEARCH);
  });

  it('takes no file for text', () => {
    assert.equal(textOf(new File(['x'], 'x.txt')), '');
    assert.equal(textOf(null), '');
    assert.equal(textOf('Marie'), 'Marie');
  });

  it('empties the naming form after a naming, unless it was edited meanwhile', () => {
    const sent = { given: 'Paul', family: 'Wagner', matricule: '1961051704400' };
    assert.deepEqual(afterNaming(sent, { ...sent }), NO_ASSISTANT);
    const edited = { ...sent, given: 'Pauline' };
    assert.deepEqual(afterNaming(edited, sent), edited);
    const other = { given: 'Anne', family: 'Wagner', matricule: '' };
    assert.deepEqual(afterNaming(other, sent), other);
  });
});
