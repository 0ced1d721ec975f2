// The MHD profile checker against IHE's own examples: each Comprehensive example bundle conforms,
// and a copy that breaks one rule of IHE's FSH (file and line cited, IHE/ITI.MHD at the commit in
// source.json) no longer does, with an issue that names the rule's element.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  Bundle,
  BundleEntry,
  DocumentReference,
  Extension,
  List,
  Parameters,
} from '@medplum/fhirtypes';
import { exampleBundle, MHD_PROFILES, structureDefinitions } from './definitions.js';
import { profileIssues, type ProfileIssue } from './profile-validator.js';

const EXAMPLES = [
  'ex-comprehensiveProvideDocumentBundleSimple',
  'ex-comprehensiveProvideDocumentBundleMultiple',
  'ex-comprehensiveProvideDocumentBundleComplete',
  'ex-comprehensiveProvideDocumentBundleReplace',
];
const SOURCE_ID = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId';
const DESIGNATION_TYPE = 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType';

/** IHE's simplest Comprehensive bundle: SubmissionSet, DocumentReference, Binary. */
const simple = () => exampleBundle('ex-comprehensiveProvideDocumentBundleSimple');
const entries = (bundle: Bundle) => bundle.entry ?? [];
const list = (bundle: Bundle) => entries(bundle)[0]!.resource as List;
const doc = (bundle: Bundle) => entries(bundle)[1]!.resource as DocumentReference;
const withoutExtension = (extensions: Extension[] | undefined, url: string) =>
  (extensions ?? []).filter((e) => e.url !== url);

function show(issues: ProfileIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

describe('IHE MHD profile checker on IHE examples', () => {
  for (const id of EXAMPLES) {
    it(`accepts IHE's ${id}`, () => {
      const bundle = exampleBundle(id);
      assert.deepEqual(bundle.meta?.profile, [MHD_PROFILES.provideBundle]);
      const issues = profileIssues(bundle);
      assert.equal(issues.length, 0, show(issues));
    });
  }

  // [rule, how the copy breaks it, where the issue must be, what it must say]
  const broken: [string, (bundle: Bundle) => void, string, RegExp][] = [
    // provideBundle.fsh
    [
      'provideBundle.fsh:18 meta.profile 1..*',
      (b) => delete b.meta!.profile,
      'Bundle.meta.profile',
      /Missing required property/,
    ],
    [
      'provideBundle.fsh:19 type = #transaction',
      (b) => (b.type = 'batch'),
      'Bundle.type',
      /did not match/,
    ],
    [
      'provideBundle.fsh:28 SubmissionSet 1..1 (none)',
      (b) => b.entry!.splice(0, 1),
      'Bundle.entry',
      /slice SubmissionSet needs 1\.\.1 values, found 0/,
    ],
    [
      'provideBundle.fsh:28 SubmissionSet 1..1 (two)',
      (b) =>
        b.entry!.push({
          ...structuredClone(b.entry![0]!),
          fullUrl: 'urn:uuid:0d0e0f10-0000-4000-8000-000000000001',
        }),
      'Bundle.entry',
      /slice SubmissionSet needs 1\.\.1 values, found 2/,
    ],
    [
      'provideBundle.fsh:24 closed slicing (an Observation)',
      (b) =>
        b.entry!.push({
          fullUrl: 'urn:uuid:0d0e0f10-0000-4000-8000-000000000002',
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' } },
          request: { method: 'POST', url: 'Observation' },
        }),
      'Bundle.entry[3]',
      /matches none of the slices of Bundle\.entry .* closed/,
    ],
    [
      'provideBundle.fsh:41 entry[SubmissionSet].request.method = #POST',
      (b) => (b.entry![0]!.request = { method: 'PUT', url: 'List/x' }),
      'Bundle.entry[0]',
      /matches none of the slices/,
    ],
    [
      'provideBundle.fsh:48 entry[DocumentRefs].request.method = #POST',
      (b) => (b.entry![1]!.request = { method: 'PUT', url: 'DocumentReference/x' }),
      'Bundle.entry[1]',
      /matches none of the slices/,
    ],
    [
      'provideBundle.fsh:61 entry[Documents].request 1..1',
      (b) => delete b.entry![2]!.request,
      'Bundle.entry[2].request',
      /needs 1\.\.1 values, found 0/,
    ],
    // submissionSet.fsh, mhdList.fsh, identifier.fsh: the SubmissionSet
    [
      'submissionSet.fsh:17 extension contains SourceId named sourceId 1..1',
      (b) => (list(b).extension = withoutExtension(list(b).extension, SOURCE_ID)),
      'Bundle.entry[0].resource.extension',
      /slice sourceId needs 1\.\.1 values, found 0/,
    ],
    [
      'submissionSet.fsh:105 extension[designationType] 1..1',
      (b) => (list(b).extension = withoutExtension(list(b).extension, DESIGNATION_TYPE)),
      'Bundle.entry[0].resource.extension',
      /slice designationType needs 1\.\.1 values, found 0/,
    ],
    [
      'submissionSet.fsh:57 ihe-sourceId value[x] only Identifier',
      (b) => (list(b).extension![1] = { url: SOURCE_ID, valueString: 'urn:oid:1.2.3.4' }),
      'Bundle.entry[0].resource.extension[1].valueString',
      /must be of type Identifier/,
    ],
    [
      'submissionSet.fsh:104 subject 1..1',
      (b) => delete list(b).subject,
      'Bundle.entry[0].resource.subject',
      /Missing required property/,
    ],
    [
      'submissionSet.fsh:30 status = #current',
      (b) => (list(b).status = 'retired'),
      'Bundle.entry[0].resource.status',
      /did not match/,
    ],
    [
      'submissionSet.fsh:31 mode = #working',
      (b) => (list(b).mode = 'snapshot'),
      'Bundle.entry[0].resource.mode',
      /did not match/,
    ],
    [
      'submissionSet.fsh:33 code = MHDlistTypes#submissionset',
      (b) => (list(b).code!.coding![0]!.code = 'folder'),
      'Bundle.entry',
      /slice SubmissionSet needs 1\.\.1 values, found 0/,
    ],
    [
      'submissionSet.fsh:35 subject only Reference(Patient)',
      (b) => (list(b).subject = { reference: 'Group/ex-group' }),
      'Bundle.entry[0].resource.subject',
      /must reference a Patient, not a Group/,
    ],
    [
      'submissionSet.fsh:36 encounter 0..0',
      (b) => (list(b).encounter = { reference: 'Encounter/ex-encounter' }),
      'Bundle.entry[0].resource.encounter',
      /expected 0\.\.0/,
    ],
    [
      'submissionSet.fsh:37 date 1..1',
      (b) => delete list(b).date,
      'Bundle.entry[0].resource.date',
      /Missing required property/,
    ],
    [
      'submissionSet.fsh:122 source ^type.aggregation = #contained',
      (b) => (list(b).source = { reference: 'Practitioner/ex-practitioner' }),
      'Bundle.entry[0].resource.source',
      /must reference a contained resource/,
    ],
    [
      'identifier.fsh:19 uniqueId value obeys mhd-startswithoid',
      (b) => (list(b).identifier![0]!.value = 'urn:uuid:0d0e0f10-0000-4000-8000-000000000003'),
      'Bundle.entry[0].resource.identifier[0].value',
      /mhd-startswithoid/,
    ],
    // documentReference.fsh, identifier.fsh: the DocumentReference
    [
      'documentReference.fsh:35 masterIdentifier 1..1',
      (b) => delete doc(b).masterIdentifier,
      'Bundle.entry[1].resource.masterIdentifier',
      /Missing required property/,
    ],
    [
      'identifier.fsh:10 masterIdentifier (UniqueIdIdentifier) type 1..1',
      (b) => delete doc(b).masterIdentifier!.type,
      'Bundle.entry[1].resource.masterIdentifier.type',
      /Missing required property/,
    ],
    [
      'identifier.fsh:11 type = MHDIdentifierType#uniqueId',
      (b) => (doc(b).masterIdentifier!.type!.coding![0]!.code = 'entryUUID'),
      'Bundle.entry[1].resource.masterIdentifier.type',
      /did not match/,
    ],
    [
      'documentReference.fsh:49 status from DocumentReferenceStats (required)',
      (b) => (doc(b).status = 'entered-in-error'),
      'Bundle.entry[1].resource.status',
      /not in the required value set .*DocumentReferenceStats/,
    ],
    [
      'documentReference.fsh:50 docStatus 0..0',
      (b) => (doc(b).docStatus = 'final'),
      'Bundle.entry[1].resource.docStatus',
      /expected 0\.\.0/,
    ],
    [
      'documentReference.fsh:93 type 1..1',
      (b) => delete doc(b).type,
      'Bundle.entry[1].resource.type',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:94 category 1..1',
      (b) => delete doc(b).category,
      'Bundle.entry[1].resource.category',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:95 subject 1..1',
      (b) => delete doc(b).subject,
      'Bundle.entry[1].resource.subject',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:54 subject only Reference(Patient)',
      (b) => (doc(b).subject = { reference: 'Group/ex-group' }),
      'Bundle.entry[1].resource.subject',
      /must reference a Patient, not a Group/,
    ],
    [
      'documentReference.fsh:96 securityLabel 1..*',
      (b) => delete doc(b).securityLabel,
      'Bundle.entry[1].resource.securityLabel',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:60 content 1..1',
      (b) => doc(b).content.push(structuredClone(doc(b).content[0]!)),
      'Bundle.entry[1].resource.content',
      /expected 1\.\.1, but found 2/,
    ],
    [
      'documentReference.fsh:62 content.attachment.contentType 1..1',
      (b) => delete doc(b).content[0]!.attachment.contentType,
      'Bundle.entry[1].resource.content[0].attachment.contentType',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:64 content.attachment.data 0..0',
      (b) => (doc(b).content[0]!.attachment.data = 'SGVsbG8gV29ybGQ='),
      'Bundle.entry[1].resource.content.attachment.data',
      /expected 0\.\.0/,
    ],
    [
      'documentReference.fsh:65 content.attachment.url 1..1',
      (b) => delete doc(b).content[0]!.attachment.url,
      'Bundle.entry[1].resource.content[0].attachment.url',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:97 content.attachment.language 1..1',
      (b) => delete doc(b).content[0]!.attachment.language,
      'Bundle.entry[1].resource.content[0].attachment.language',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:98 content.attachment.creation 1..1',
      (b) => delete doc(b).content[0]!.attachment.creation,
      'Bundle.entry[1].resource.content[0].attachment.creation',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:99 content.format 1..1',
      (b) => delete doc(b).content[0]!.format,
      'Bundle.entry[1].resource.content[0].format',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:100 context 1..1',
      (b) => delete doc(b).context,
      'Bundle.entry[1].resource.context',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:101 context.facilityType 1..1',
      (b) => delete doc(b).context!.facilityType,
      'Bundle.entry[1].resource.context.facilityType',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:102 context.practiceSetting 1..1',
      (b) => delete doc(b).context!.practiceSetting,
      'Bundle.entry[1].resource.context.practiceSetting',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:103 context.sourcePatientInfo 1..1',
      (b) => delete doc(b).context!.sourcePatientInfo,
      'Bundle.entry[1].resource.context.sourcePatientInfo',
      /Missing required property/,
    ],
    [
      'documentReference.fsh:116 author ^type.aggregation = #contained',
      (b) => (doc(b).author = [{ reference: 'Practitioner/ex-practitioner' }]),
      'Bundle.entry[1].resource.author[0]',
      /must reference a contained resource/,
    ],
    [
      'documentReference.fsh:116 a contained author of a type R4 allows',
      (b) => {
        doc(b).contained!.push({ resourceType: 'Group', id: 'g', type: 'person', actual: true });
        doc(b).author = [{ reference: '#g' }];
      },
      'Bundle.entry[1].resource.author[0]',
      /must reference a Practitioner or .* not a Group/,
    ],
    [
      'documentReference.fsh:118 context.sourcePatientInfo ^type.aggregation = #contained',
      (b) => (doc(b).context!.sourcePatientInfo = { reference: 'Patient/ex-patient' }),
      'Bundle.entry[1].resource.context.sourcePatientInfo',
      /must reference a contained resource/,
    ],
  ];

  for (const [rule, breakIt, path, message] of broken) {
    it(`refuses IHE's simple bundle once it breaks ${rule}`, () => {
      const bundle = simple();
      breakIt(bundle);
      const issues = profileIssues(bundle, MHD_PROFILES.provideBundle);
      assert.ok(
        issues.some((i) => i.path.endsWith(path) && message.test(i.message)),
        `no issue at ${path} matching ${String(message)} among:\n${show(issues)}`,
      );
    });
  }

  it('refuses a replacement whose PATCH does not set the status to superseded', () => {
    // documentReference.fsh:20 parameter[operation].part[value].valueCode = #superseded
    const bundle = exampleBundle('ex-comprehensiveProvideDocumentBundleReplace');
    assert.deepEqual(profileIssues(bundle), []);
    const patch = bundle.entry![1]!.resource as Parameters;
    patch.parameter![0]!.part!.find((p) => p.name === 'value')!.valueCode = 'current';
    const issues = profileIssues(bundle, MHD_PROFILES.provideBundle);
    assert.ok(
      issues.some(
        (i) =>
          i.path === 'Bundle.entry[1].resource.parameter[0].part[2].valueCode' &&
          i.message.includes('"superseded"'),
      ),
      show(issues),
    );
  });

  it('refuses a copy without any element the Comprehensive snapshots require', () => {
    // Every element of the two resource profiles with a minimum of one or more (slices aside)
    // that IHE's simple bundle has: removing it must be found.
    const targets: [number, string][] = [
      [0, MHD_PROFILES.submissionSet],
      [1, MHD_PROFILES.documentReference],
    ];
    let checked = 0;
    for (const [index, url] of targets) {
      const required = (structureDefinitions.get(url)?.snapshot?.element ?? []).filter(
        (e) => (e.min ?? 0) > 0 && !(e.id ?? '').includes(':') && e.path?.includes('.'),
      );
      for (const element of required) {
        const bundle = simple();
        const names = element.path.split('.').slice(1);
        if (!removeAt(bundle.entry![index]!, names)) continue;
        checked++;
        const issues = profileIssues(bundle);
        const where = `Bundle.entry[${index}].resource`;
        assert.ok(
          issues.some((i) => i.path.startsWith(where)),
          `${element.path} removed, yet no issue on ${where}:\n${show(issues)}`,
        );
      }
    }
    assert.ok(checked >= 20, `only ${checked} required elements were found in the example`);
  });

  it('refuses a bundle of another profile (a minimal one) and names what is missing', () => {
    const bundle = simple();
    delete doc(bundle).context;
    delete list(bundle).subject;
    const issues = profileIssues(bundle, MHD_PROFILES.provideBundle);
    assert.ok(
      issues.some((i) => i.message.includes('slice SubmissionSet needs 1..1 values, found 0')),
    );
    assert.ok(issues.some((i) => i.path === 'Bundle.entry[1]' && i.message.includes('closed')));
  });

  it('says so when a resource claims a profile that is not vendored', () => {
    const bundle = simple();
    list(bundle).meta = { profile: ['https://example.org/StructureDefinition/unknown'] };
    assert.ok(profileIssues(bundle).some((i) => i.message.includes('is not vendored')));
  });
});

/** Removes the value at `names` in the entry's resource (the first item of each array). */
function removeAt(entry: BundleEntry, names: string[]): boolean {
  let parent: unknown = entry.resource;
  for (const name of names.slice(0, -1)) {
    const next: unknown = (parent as Record<string, unknown> | undefined)?.[name];
    parent = Array.isArray(next) ? next[0] : next;
  }
  const last = names.at(-1)!;
  const holder = parent as Record<string, unknown> | undefined;
  if (holder?.[last] === undefined) return false;
  return Reflect.deleteProperty(holder, last);
}
