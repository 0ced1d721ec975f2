// The checks the CDA parser makes before XML parsing (no DOM needed): the size limit, DOCTYPE and
// entity declarations refused, and the rough depth of a text the XML parser gave up on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CDA_LIMITS, CdaParseError, checkCdaText, tagDepth } from './cda-parse.js';

function problemOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    assert.ok(error instanceof CdaParseError, 'a CdaParseError');
    assert.match(error.message, /\w/);
    return error.problem;
  }
}

describe('checkCdaText', () => {
  const cda = '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Bilan</title></ClinicalDocument>';

  it('lets a plain document through', () => {
    assert.equal(
      problemOf(() => checkCdaText(cda)),
      undefined,
    );
  });

  it('refuses the billion laughs (OWASP XXE cheat sheet) and an external entity', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<lolz>&lol2;</lolz>`;
    assert.equal(
      problemOf(() => checkCdaText(bomb)),
      'doctype',
    );
    const xxe = `<?xml version="1.0"?><!doctype foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${cda}`;
    assert.equal(
      problemOf(() => checkCdaText(xxe)),
      'doctype',
    );
    // An entity declaration alone (in a document that would be malformed anyway) is refused too.
    assert.equal(
      problemOf(() => checkCdaText(`<!ENTITY a "b">${cda}`)),
      'doctype',
    );
  });

  it('refuses a text over the size limit before reading it', () => {
    const limits = { ...CDA_LIMITS, maxLength: 100 };
    assert.equal(
      problemOf(() => checkCdaText(cda + ' '.repeat(100), limits)),
      'too-large',
    );
    assert.equal(
      problemOf(() => checkCdaText(cda, limits)),
      undefined,
    );
  });

  it('has limits that let a real level-1 CDA through and stop a 50 MB file', () => {
    assert.ok(CDA_LIMITS.maxLength >= 10_000_000 && CDA_LIMITS.maxLength < 50_000_000);
    assert.ok(CDA_LIMITS.timeBudget <= 2000);
  });
});

describe('tagDepth', () => {
  it('counts nesting, not siblings, empty tags or end tags', () => {
    assert.equal(tagDepth('<a><b/><c><d>x</d></c><e/></a>', 10), 3);
    assert.equal(tagDepth('<a x="1>2"><b></b><b></b></a>', 10), 2);
  });

  it('stops counting past the limit in a 10,000-deep text', () => {
    const deep = '<p>'.repeat(10_000) + '</p>'.repeat(10_000);
    assert.equal(tagDepth(deep, CDA_LIMITS.maxDepth), CDA_LIMITS.maxDepth + 1);
  });
});
