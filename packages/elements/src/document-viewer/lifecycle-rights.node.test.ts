// Which lifecycle actions the viewer offers to whom, for documents shaped as MHD's Comprehensive
// metadata has them (direct author references, contained PractitionerRole and Patient).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentReference } from '@dsp-kit/fhir';
import { lifecycleRights, NO_RIGHTS, replacedIds } from './lifecycle-rights.js';

const TYPE_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type';

function doc(
  typeCode: string,
  author: DocumentReference['author'],
  extra: Partial<DocumentReference> = {},
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: 'd1',
    status: 'current',
    type: { coding: [{ system: TYPE_SYSTEM, code: typeCode }] },
    subject: { reference: 'Patient/marie' },
    author,
    content: [{ attachment: { title: 'x' } }],
    ...extra,
  };
}

const byWeber = doc('rapport-medical', [{ reference: 'Practitioner/weber' }]);
const byWeberRole = doc('rapport-medical', [{ reference: '#author' }], {
  contained: [
    {
      resourceType: 'PractitionerRole',
      id: 'author',
      practitioner: { reference: 'Practitioner/weber' },
    },
  ],
});
const marieNote = doc('expression-titulaire', [{ reference: '#p' }], {
  contained: [
    {
      resourceType: 'Patient',
      id: 'p',
      link: [{ other: { reference: 'Patient/marie' }, type: 'seealso' }],
    },
  ],
});

describe('lifecycleRights', () => {
  it('offers nothing without a user, or with one that is no user reference', () => {
    assert.deepEqual(lifecycleRights(byWeber, undefined, 'marie'), NO_RIGHTS);
    assert.deepEqual(lifecycleRights(byWeber, 'weber', 'marie'), NO_RIGHTS);
    assert.deepEqual(lifecycleRights(byWeber, 'Organization/chl', 'marie'), NO_RIGHTS);
  });

  it('gives the author replace, withdraw and correct, directly or through a contained role', () => {
    const author = { replace: true, withdraw: true, correct: true, confidentiality: false };
    assert.deepEqual(lifecycleRights(byWeber, 'Practitioner/weber', 'marie'), author);
    assert.deepEqual(lifecycleRights(byWeberRole, 'Practitioner/weber', 'marie'), author);
    assert.deepEqual(lifecycleRights(byWeber, 'Practitioner/muller', 'marie'), NO_RIGHTS);
  });

  it('lets the patient set confidentiality everywhere, but withdraw only their own words', () => {
    assert.deepEqual(lifecycleRights(byWeber, 'Patient/marie', 'marie'), {
      replace: false,
      withdraw: false,
      correct: false,
      confidentiality: true,
    });
    assert.deepEqual(lifecycleRights(marieNote, 'Patient/marie', 'marie'), {
      replace: true,
      withdraw: true,
      correct: false,
      confidentiality: true,
    });
    assert.deepEqual(lifecycleRights(marieNote, 'Patient/lucien', 'marie'), NO_RIGHTS);
  });

  it('lets an assistant set confidentiality and withdraw the patient’s own words only', () => {
    assert.deepEqual(lifecycleRights(marieNote, 'RelatedPerson/claire', 'marie'), {
      replace: false,
      withdraw: true,
      correct: false,
      confidentiality: true,
    });
    assert.equal(lifecycleRights(byWeber, 'RelatedPerson/claire', 'marie').withdraw, false);
  });

  it('offers nothing on a superseded or withdrawn document', () => {
    for (const status of ['superseded', 'entered-in-error'] as const) {
      assert.deepEqual(
        lifecycleRights({ ...byWeber, status }, 'Practitioner/weber', 'marie'),
        NO_RIGHTS,
      );
    }
  });
});

describe('lifecycleRights: the author’s organisation, per policy', () => {
  // As the fixtures' discharge letter of the CHL, and as the uploader writes an organisation's
  // document: a direct Organization author, or a contained PractitionerRole of the organisation.
  const byChl = doc('cr-sejour-hospitalier', [{ reference: 'Organization/chl' }]);
  const byChlRole = doc('cr-sejour-hospitalier', [{ reference: '#author' }], {
    contained: [
      {
        resourceType: 'PractitionerRole',
        id: 'author',
        practitioner: { reference: 'Practitioner/kremer' },
        organization: { reference: 'Organization/chl' },
      },
    ],
  });
  const colleague = { replace: true, withdraw: true, correct: true, confidentiality: false };

  it('offers replace, withdraw and correct to a professional whose organisation is an author', () => {
    for (const user of ['Practitioner/anne-muller', 'PractitionerRole/role-anne-muller']) {
      assert.deepEqual(lifecycleRights(byChl, user, 'marie', 'Organization/chl'), colleague);
      assert.deepEqual(lifecycleRights(byChlRole, user, 'marie', 'Organization/chl'), colleague);
    }
  });

  it('offers nothing without the organisation, for another one, or on a superseded document', () => {
    assert.deepEqual(lifecycleRights(byChl, 'Practitioner/anne-muller', 'marie'), NO_RIGHTS);
    assert.deepEqual(
      lifecycleRights(byChl, 'Practitioner/anne-muller', 'marie', 'Organization/hrs'),
      NO_RIGHTS,
    );
    assert.deepEqual(
      lifecycleRights(
        { ...byChl, status: 'superseded' },
        'Practitioner/anne-muller',
        'marie',
        'Organization/chl',
      ),
      NO_RIGHTS,
    );
    // A contained Organization is known by its metadata only: it names no directory organisation.
    const containedOrg = doc('cr-sejour-hospitalier', [{ reference: '#org' }], {
      contained: [{ resourceType: 'Organization', id: 'org', name: 'CHL' }],
    });
    assert.deepEqual(
      lifecycleRights(containedOrg, 'Practitioner/anne-muller', 'marie', 'Organization/chl'),
      NO_RIGHTS,
    );
  });

  it('gives the patient and assistants nothing more for an organisation', () => {
    assert.deepEqual(
      lifecycleRights(byChl, 'Patient/marie', 'marie', 'Organization/chl'),
      lifecycleRights(byChl, 'Patient/marie', 'marie'),
    );
    assert.equal(
      lifecycleRights(byChl, 'RelatedPerson/claire', 'marie', 'Organization/chl').withdraw,
      false,
    );
  });
});

describe('replacedIds', () => {
  it('reads relatesTo replaces links, and no other kind', () => {
    assert.deepEqual(
      replacedIds(
        doc('x', [], {
          relatesTo: [
            { code: 'replaces', target: { reference: 'DocumentReference/old' } },
            { code: 'appends', target: { reference: 'DocumentReference/other' } },
          ],
        }),
      ),
      ['old'],
    );
  });
});
