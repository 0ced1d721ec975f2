import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogs } from './catalogs.js';

/** Every key path of a catalog, with the type of its value. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      shape(child, path ? `${path}.${key}` : key),
    );
  }
  return [`${path}:${typeof value}`];
}

describe('message catalogs', () => {
  const reference = shape(catalogs.fr).sort();

  for (const [language, catalog] of Object.entries(catalogs)) {
    it(`${language} has exactly the keys of the French catalog, none empty`, () => {
      assert.deepEqual(shape(catalog).sort(), reference);
      const texts = JSON.stringify(catalog, (_key, value: unknown) => value);
      assert.ok(!texts.includes('""'), `${language} has an empty message`);
    });
  }

  it('counts documents with the right plural in each language', () => {
    assert.equal(catalogs.fr.viewer.count(1, 1), '1 document');
    assert.equal(catalogs.fr.viewer.count(0, 0), '0 document');
    assert.equal(catalogs.fr.viewer.count(5, 5), '5 documents');
    assert.equal(catalogs.en.viewer.count(1, undefined), '1 document');
    assert.equal(catalogs.en.viewer.count(0, 0), '0 documents');
    assert.equal(catalogs.de.viewer.count(100, 105), '100 von 105 Dokumenten');
  });
});
