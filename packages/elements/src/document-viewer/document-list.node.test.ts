import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  type DocumentReference,
} from '@dsp-kit/fhir';
import {
  appendToGroups,
  filterDocuments,
  groupItems,
  groupList,
  mergeSorted,
  prepare,
  sortDocuments,
  type ListItem,
} from './document-list.js';

function doc(
  id: string,
  typeCode: string | undefined,
  date: string | undefined,
  title: string,
  author = 'Dr Paul Weber',
): DocumentReference {
  const type = typeCode ? documentTypeByCode(typeCode) : undefined;
  return {
    resourceType: 'DocumentReference',
    id,
    status: 'current',
    ...(type
      ? { type: documentTypeConcept(type), category: [documentClassConcept(type)] }
      : { type: { text: 'Inconnu' } }),
    ...(date ? { date } : {}),
    author: [{ display: author }],
    content: [{ attachment: { title } }],
  };
}

const documents = [
  doc('a', 'certificat-medical', '2026-10-02T10:00:00Z', 'Certificat sport'),
  doc('b', 'resume-patient', '2026-10-20T10:00:00Z', 'Résumé patient'),
  doc(
    'c',
    'resultat-biologie',
    '2025-01-05T10:00:00Z',
    'Bilan lipidique',
    'Laboratoire Ketterthill',
  ),
  doc('d', 'resume-patient', '2024-06-01T10:00:00Z', 'Échographie abdominale'),
  doc('e', undefined, undefined, 'Sans date ni type'),
].map(prepare);

const ids = (list: { id: string }[]) => list.map((d) => d.id);
const shape = (items: ListItem[]) =>
  items.map((i) =>
    i.kind === 'group' ? `[${i.key}:${i.count}${i.collapsed ? '+' : ''}]` : i.prepared.id,
  );

describe('the viewer list', () => {
  it('filters by type, class, dates and words, accents and case aside', () => {
    assert.deepEqual(ids(filterDocuments(documents, { types: ['resume-patient'] })), ['b', 'd']);
    assert.deepEqual(ids(filterDocuments(documents, { classes: ['compte-rendu'] })), ['c']);
    assert.deepEqual(ids(filterDocuments(documents, { from: '2025-01-01', to: '2026-10-02' })), [
      'a',
      'c',
    ]);
    assert.deepEqual(ids(filterDocuments(documents, { q: 'echo' })), ['d']);
    assert.deepEqual(ids(filterDocuments(documents, { q: 'KETTER bilan' })), ['c']);
    assert.deepEqual(ids(filterDocuments(documents, {})), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(ids(filterDocuments(documents, { author: 'ketterthill' })), ['c']);
    assert.deepEqual(ids(filterDocuments(documents, { author: 'weber', q: 'resume' })), ['b']);
  });

  it('sorts by date either way, or by type in the vocabulary order, undated last', () => {
    assert.deepEqual(ids(sortDocuments([...documents], '-date')), ['b', 'a', 'c', 'd', 'e']);
    assert.deepEqual(ids(sortDocuments([...documents], 'date')), ['e', 'd', 'c', 'a', 'b']);
    assert.deepEqual(ids(sortDocuments([...documents], 'type')), ['b', 'd', 'a', 'c', 'e']);
  });

  it('groups by month, by DSP type in vocabulary order, or by class, unknown last', () => {
    const sorted = sortDocuments([...documents], '-date');
    assert.deepEqual(shape(groupItems(sorted, 'timeline', '-date', new Set())), [
      '[2026-10:2]',
      'b',
      'a',
      '[2025-01:1]',
      'c',
      '[2024-06:1]',
      'd',
      '[unknown:1]',
      'e',
    ]);
    assert.deepEqual(shape(groupItems(sorted, 'types', '-date', new Set())), [
      '[resume-patient:2]',
      'b',
      'd',
      '[certificat-medical:1]',
      'a',
      '[resultat-biologie:1]',
      'c',
      '[unknown:1]',
      'e',
    ]);
    assert.deepEqual(shape(groupItems(sorted, 'classes', '-date', new Set())), [
      '[synthese:2]',
      'b',
      'd',
      '[certificat:1]',
      'a',
      '[compte-rendu:1]',
      'c',
      '[unknown:1]',
      'e',
    ]);
  });

  it('keeps a collapsed group’s header and count, without its documents', () => {
    const sorted = sortDocuments([...documents], '-date');
    assert.deepEqual(
      shape(groupItems(sorted, 'types', '-date', new Set(['resume-patient']))).slice(0, 3),
      ['[resume-patient:2+]', '[certificat-medical:1]', 'a'],
    );
  });

  it('never breaks on missing titles, unknown types or invalid dates', () => {
    const odd = prepare(
      {
        resourceType: 'DocumentReference',
        status: 'current',
        date: 'not a date',
        content: [{ attachment: {} }],
      },
      7,
    );
    assert.equal(odd.id, '#7');
    assert.equal(odd.time, Number.NEGATIVE_INFINITY);
    assert.deepEqual(shape(groupItems([odd], 'timeline', '-date', new Set())), [
      '[unknown:1]',
      '#7',
    ]);
  });

  it('sorts, groups and filters by the act date, not the filing date', () => {
    // Filed in November 2026, about an act of March 2024 (its service period and its creation).
    const uploaded = prepare(
      {
        ...doc('late', 'rapport-medical', '2026-11-26T10:00:00Z', 'Compte rendu opératoire'),
        context: { period: { start: '2024-03-10' } },
        content: [{ attachment: { title: 'Compte rendu opératoire', creation: '2024-03-10' } }],
      },
      5,
    );
    // No service period: the attachment's creation is the act date.
    const written = prepare(
      {
        ...doc('written', 'resume-patient', '2026-11-27T10:00:00Z', 'Résumé'),
        content: [{ attachment: { title: 'Résumé', creation: '2025-02-14T09:00:00+01:00' } }],
      },
      6,
    );
    // The filing date is kept apart when it is another day; a document dated by it alone has none.
    assert.equal(uploaded.filedApart, '2026-11-26T10:00:00Z');
    assert.equal(documents[0]!.filedApart, undefined);
    const all = [...documents, uploaded, written];
    assert.deepEqual(ids(sortDocuments([...all], '-date')), [
      'b',
      'a',
      'written',
      'c',
      'd',
      'late',
      'e',
    ]);
    assert.deepEqual(
      shape(groupItems(sortDocuments([...all], '-date'), 'timeline', '-date', new Set())),
      [
        '[2026-10:2]',
        'b',
        'a',
        '[2025-02:1]',
        'written',
        '[2025-01:1]',
        'c',
        '[2024-06:1]',
        'd',
        '[2024-03:1]',
        'late',
        '[unknown:1]',
        'e',
      ],
    );
    assert.deepEqual(ids(filterDocuments(all, { from: '2024-03-10', to: '2024-03-10' })), ['late']);
  });

  it('merges a sorted page into a sorted list as sorting both would, in every order', () => {
    // Pseudo-random dates with ties, split at every point: the merge equals one stable sort.
    const many = Array.from({ length: 60 }, (_, i) =>
      prepare(
        doc(
          `m${i}`,
          i % 3 === 0 ? 'resume-patient' : i % 3 === 1 ? 'allergies' : undefined,
          i % 7 === 0 ? undefined : `2026-0${1 + ((i * 5) % 9)}-1${i % 10}T10:00:00Z`,
          `T${i}`,
        ),
        i,
      ),
    );
    for (const sort of ['-date', 'date', 'type'] as const) {
      const expected = sortDocuments([...many], sort).map((d) => d.id);
      for (const cut of [0, 1, 17, 30, 59, 60]) {
        const first = sortDocuments(many.slice(0, cut), sort);
        const rest = sortDocuments(many.slice(cut), sort);
        assert.deepEqual(
          mergeSorted(first, rest, sort).map((d) => d.id),
          expected,
          `${sort}, cut at ${cut}`,
        );
      }
    }
  });

  it('adds documents after the last group only where grouping them all would put them', () => {
    const allergies = prepare(doc('x', 'allergies', '2026-01-01T10:00:00Z', 'Allergies'), 0);
    const summary = prepare(doc('y', 'resume-patient', '2025-01-01T10:00:00Z', 'Résumé'), 1);
    const moreAllergies = prepare(doc('z', 'allergies', '2025-01-01T10:00:00Z', 'Allergies 2'), 2);
    // By type, newest first: the vocabulary lists the patient summary before allergies, so a
    // summary cannot follow the allergies group, however late it is dated.
    const byType = groupList([allergies], 'types', '-date', new Set());
    assert.equal(appendToGroups(byType, [summary], 'types', '-date', new Set()), false);
    assert.deepEqual(shape(byType.items), ['[allergies:1]', 'x'], 'left as it was');
    assert.equal(appendToGroups(byType, [moreAllergies], 'types', '-date', new Set()), true);
    assert.deepEqual(shape(byType.items), ['[allergies:2]', 'x', 'z']);
    // By month, oldest first: undated documents close the list, and a dated one never follows.
    const byMonth = groupList([allergies], 'timeline', 'date', new Set(['unknown']));
    const undated = prepare(doc('u', 'allergies', undefined, 'Sans date'), 3);
    assert.equal(
      appendToGroups(byMonth, [undated], 'timeline', 'date', new Set(['unknown'])),
      true,
    );
    assert.deepEqual(shape(byMonth.items), ['[2026-01:1]', 'x', '[unknown:1+]']);
    const later = prepare(doc('v', 'allergies', '2027-01-01T10:00:00Z', 'Plus tard'), 4);
    assert.equal(appendToGroups(byMonth, [later], 'timeline', 'date', new Set(['unknown'])), false);
  });
});
