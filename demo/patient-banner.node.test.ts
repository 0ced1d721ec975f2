// The patient banner's pure parts: the age on a day, the matricule as printed, the date locale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, dateLocale, groupMatricule } from './patient-banner.js';

describe('patient banner', () => {
  it('counts full years, the birthday itself included', () => {
    assert.equal(ageOn('1978-03-14', new Date(2026, 2, 13)), 47);
    assert.equal(ageOn('1978-03-14', new Date(2026, 2, 14)), 48);
    assert.equal(ageOn('1935-01-20', new Date(2026, 11, 31)), 91);
  });

  it('groups a 13-digit matricule and leaves anything else as it is', () => {
    assert.equal(groupMatricule('1978031412378'), '1978 0314 123 78');
    assert.equal(groupMatricule('12345'), '12345');
  });

  it('formats dates in the Luxembourg variant of the language', () => {
    assert.equal(dateLocale('fr'), 'fr-LU');
    assert.equal(dateLocale('en'), 'en-LU');
    assert.match(dateLocale('lb'), /^(lb|de)-LU$/);
  });
});
