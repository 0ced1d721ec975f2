// The ITI-65 text rules against IHE's own examples: each Comprehensive example bundle meets them,
// and a copy that breaks one no longer does.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Binary, Bundle, DocumentReference } from '@medplum/fhirtypes';
import { exampleBundle } from './definitions.js';
import { iti65Issues } from './iti65-rules.js';

const EXAMPLES = [
  'ex-comprehensiveProvideDocumentBundleSimple',
  'ex-comprehensiveProvideDocumentBundleMultiple',
  'ex-comprehensiveProvideDocumentBundleComplete',
];
/** IHE's simple bundle: entry 1 is the DocumentReference, entry 2 its Binary ("Hello World"). */
const simple = () => exampleBundle('ex-comprehensiveProvideDocumentBundleSimple');
const doc = (b: Bundle) => b.entry![1]!.resource as DocumentReference;
const binary = (b: Bundle) => b.entry![2]!.resource as Binary;

describe('ITI-65 rules on IHE examples', () => {
  for (const id of EXAMPLES) {
    it(`accepts IHE's ${id}`, () => {
      assert.deepEqual(iti65Issues(exampleBundle(id)), []);
    });
  }

  it("finds the one slip in IHE's Replace example: 24 bytes said, 23 sent", () => {
    // "Thanks for all the fish" is 23 bytes; the stated hash is theirs, the size is not.
    assert.deepEqual(iti65Issues(exampleBundle('ex-comprehensiveProvideDocumentBundleReplace')), [
      {
        path: 'Bundle.entry[2].resource.content[0].attachment.size',
        message: '24, but the Binary holds 23 bytes (ITI-65.md:93-94)',
      },
    ]);
  });

  it('measures the hash and size itself: IHE\'s "Hello World" is 11 bytes of this SHA-1', () => {
    const hello = Buffer.from('Hello World');
    assert.equal(binary(simple()).data, hello.toString('base64'));
    assert.equal(doc(simple()).content[0]!.attachment.size, hello.byteLength);
    assert.equal(
      doc(simple()).content[0]!.attachment.hash,
      createHash('sha1').update(hello).digest('base64'),
    );
  });

  const broken: [string, (b: Bundle) => void, string, RegExp][] = [
    [
      'a relative fullUrl',
      (b) => (b.entry![2]!.fullUrl = 'Binary/aaaaaaaa-bbbb-cccc-dddd-e00333300003'),
      'Bundle.entry[2].fullUrl',
      /not an absolute URL/,
    ],
    [
      'a Binary that is updated (PUT), not created',
      (b) => (b.entry![2]!.request = { method: 'PUT', url: 'Binary/x' }),
      'Bundle.entry[2].request.method',
      /created, with POST, not PUT/,
    ],
    [
      'an attachment url naming a Binary the Bundle does not hold',
      (b) => (doc(b).content[0]!.attachment.url = 'Binary/elsewhere'),
      'Bundle.entry[1].resource.content[0].attachment.url',
      /points at a Binary that is not in the Bundle/,
    ],
    [
      'a relative attachment url from a urn:uuid entry, though the Binary is in the Bundle',
      (b) => (doc(b).content[0]!.attachment.url = 'Binary/aaaaaaaa-bbbb-cccc-dddd-e00333300003'),
      'Bundle.entry[1].resource.content[0].attachment.url',
      /not in the Bundle/,
    ],
    [
      'a size that is not the Binary’s',
      (b) => (doc(b).content[0]!.attachment.size = 12),
      'Bundle.entry[1].resource.content[0].attachment.size',
      /12, but the Binary holds 11 bytes/,
    ],
    [
      'a hash that is not the Binary’s SHA-1',
      (b) => (binary(b).data = Buffer.from('Hello world').toString('base64')),
      'Bundle.entry[1].resource.content[0].attachment.hash',
      /but the Binary's SHA-1 is/,
    ],
  ];
  for (const [what, breakIt, path, message] of broken) {
    it(`refuses IHE's simple bundle with ${what}`, () => {
      const bundle = simple();
      breakIt(bundle);
      const issues = iti65Issues(bundle);
      assert.ok(
        issues.some((i) => i.path === path && message.test(i.message)),
        JSON.stringify(issues, null, 2),
      );
    });
  }

  it("refuses IHE's Replace example without the PATCH that supersedes the old document", () => {
    const bundle = exampleBundle('ex-comprehensiveProvideDocumentBundleReplace');
    bundle.entry = bundle.entry!.filter((e) => e.request?.method !== 'PATCH');
    assert.ok(
      iti65Issues(bundle).some(
        (i) =>
          i.path === 'Bundle.entry[1].resource.relatesTo[0]' &&
          i.message.includes('replaces DocumentReference/ex-documentreference, but no PATCH'),
      ),
    );
  });

  it('leaves content hosted elsewhere to its host', () => {
    const bundle = simple();
    doc(bundle).content[0]!.attachment.url = 'https://repository.example/documents/42';
    bundle.entry!.splice(2, 1);
    assert.deepEqual(iti65Issues(bundle), []);
  });

  it('resolves a relative url against a RESTful fullUrl, as FHIR does', () => {
    const bundle = simple();
    bundle.entry![1]!.fullUrl = 'https://dsp.example/fhir/DocumentReference/d1';
    bundle.entry![2]!.fullUrl = 'https://dsp.example/fhir/Binary/b1';
    doc(bundle).content[0]!.attachment.url = 'Binary/b1';
    assert.deepEqual(iti65Issues(bundle), []);
  });
});
