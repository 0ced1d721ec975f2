// The host page's words exist in every language, with exactly the French keys, and none empty.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languages } from '@dsp-kit/fhir';
import { scenarios } from '@dsp-kit/mock';
import { hostMessages } from './host.messages.js';

/** Every key path of a message tree, `scenarios.offline` style; functions are leaves. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([key, inner]) => shape(inner, prefix ? `${prefix}.${key}` : key))
    .sort();
}

function leaves(value: unknown): unknown[] {
  return typeof value === 'object' && value !== null
    ? Object.values(value).flatMap(leaves)
    : [value];
}

describe('sandbox host messages', () => {
  for (const lang of languages) {
    it(`${lang} has exactly the French keys, none empty`, () => {
      assert.deepEqual(shape(hostMessages[lang]), shape(hostMessages.fr));
      for (const leaf of leaves(hostMessages[lang])) {
        const text =
          typeof leaf === 'function'
            ? String((leaf as (...a: unknown[]) => unknown)('x', 'y'))
            : leaf;
        assert.ok(typeof text === 'string' && text.trim().length > 0);
      }
    });
  }

  it('name every scenario of the mock', () => {
    assert.deepEqual(Object.keys(hostMessages.fr.scenarios).sort(), Object.keys(scenarios).sort());
  });

  it('say which value of the address was refused', () => {
    assert.equal(
      hostMessages.en.rejected(hostMessages.en.settingNames.lang, 'it'),
      'The address asks for the language “it”, which the sandbox does not know: the default is used.',
    );
  });
});
