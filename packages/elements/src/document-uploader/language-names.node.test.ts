// The uploader names languages in Luxembourgish as CLDR does, whatever the browser's ICU holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageName } from './language-names.js';

// Node ships full ICU, hence CLDR's Luxembourgish names: the reference the kit's own must match.
const cldr = new Intl.DisplayNames(['lb'], { type: 'language' });

describe('languageName', () => {
  it('names the offered languages in Luxembourgish, not in the German it is formatted with', () => {
    for (const code of ['fr', 'de', 'en', 'lb', 'pt']) {
      assert.equal(languageName(code, 'lb', 'de-LU'), cldr.of(code), code);
    }
  });

  it('leaves the other languages to the browser', () => {
    assert.equal(languageName('fr', 'de', 'de'), 'Französisch');
    assert.equal(languageName('de', 'fr', 'fr'), 'allemand');
    assert.equal(languageName('it', 'lb', 'de-LU'), 'Italienisch');
  });

  it('shows a malformed code as it is', () => {
    assert.equal(languageName('not a code!', 'fr', 'fr'), 'not a code!');
  });
});
