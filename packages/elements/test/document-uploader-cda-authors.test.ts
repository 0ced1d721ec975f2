// <dsp-document-uploader> with the author a CDA names: ANS's lab report (CI-SIS test contents,
// see cda/fixtures/README.md) names Dr Marcel CAMPARINI, RPPS 801234534765, of the Laboratoire
// des charmes. The row shows that author prefilled, editable and removable; the mock stores the
// document with the sender first and that author beside him, read back over the FHIR API; an
// author the document gives no name is sent by identifier and organisation, said in the row.
import { expect } from '@open-wc/testing';
import type { DocumentReference, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import { mockToken } from '@dsp-kit/mock';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import { cdaFixture } from './document-preview-cda.helpers.js';
import {
  choose,
  enter,
  field,
  patients,
  problemAt,
  rows,
  sandbox,
  settled,
  statusOf,
  uploader,
  users,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

const MATRICULE_ROOT = 'https://dsp-kit.org/fhir/NamingSystem/matricule';
/** The lab report's patient id (a French INS-NIR), before which Marie's matricule is added. */
const LAB_INS = '<id extension="279035121518989" root="1.2.250.1.213.1.4.10"/>';
/** The lab report's author's name, as the document writes it. */
const AUTHOR_PERSON = `<assignedPerson>
        <name>
          <prefix>M</prefix>
          <given>Marcel</given>
          <family>CAMPARINI</family>
          <suffix>DR</suffix>
        </name>
      </assignedPerson>`;

function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), `the fixture holds ${from}`).to.equal(true);
  return text.replace(from, to);
}

/** ANS's lab report about Marie, changed by `change` (the document's text in, out). */
async function labReport(change: (text: string) => string = (t) => t): Promise<File> {
  const matricule = patients.marie.identifier?.find((i) => i.system === MATRICULE_ROOT)?.value;
  expect(matricule, 'Marie has a matricule').to.be.a('string');
  const text = edit(
    new TextDecoder().decode(await cdaFixture('lab-report.xml')),
    LAB_INS,
    `<id root="${MATRICULE_ROOT}" extension="${matricule ?? ''}"/>${LAB_INS}`,
  );
  return new File([change(text)], 'compte-rendu-bio.xml', { type: 'text/xml' });
}

async function settledRow(el: DspDocumentUploader): Promise<HTMLFieldSetElement> {
  await settled(el);
  const [row] = rows(el);
  if (!row) throw new Error('No row');
  return row;
}

const authorGroups = (row: Element) => [...row.querySelectorAll('fieldset[data-author]')];

/** Sends the row and reads the stored document back with a FHIR read, as Dr Weber. */
async function sendAndRead(el: DspDocumentUploader): Promise<DocumentReference> {
  const [result] = await el.submit();
  expect(result?.status, 'the mock accepts it').to.equal('sent');
  const base = sandbox().server.baseUrl.replace(/\/$/, '');
  const response = await fetch(`${base}/DocumentReference/${result?.documentId ?? ''}`, {
    headers: { Authorization: `Bearer ${mockToken(users.weber)}` },
  });
  expect(response.status).to.equal(200);
  return (await response.json()) as DocumentReference;
}

function containedIn(doc: DocumentReference, reference: string | undefined) {
  return doc.contained?.find((r) => `#${r.id ?? ''}` === reference);
}

/** The stored authors beside the sender: display, practitioner and role. */
function otherAuthors(doc: DocumentReference) {
  return (doc.author ?? []).slice(1).map((author) => {
    const role = containedIn(doc, author.reference) as PractitionerRole | undefined;
    const person = containedIn(doc, role?.practitioner?.reference) as Practitioner | undefined;
    return { display: author.display, role, person };
  });
}

describe('<dsp-document-uploader> with the author a CDA names', () => {
  it('shows the lab report’s author prefilled, and sends him beside the sender', async function () {
    this.timeout(30_000);
    const el = await uploader();
    choose(el, await labReport());
    const row = await settledRow(el);
    const [group] = authorGroups(row);
    expect(group, 'one author group').to.not.equal(undefined);
    expect(authorGroups(row)).to.have.length(1);
    expect(group?.querySelector('legend')?.textContent.trim()).to.equal(
      'Author according to the CDA document',
    );
    expect(field(row, 'author-name').value).to.equal('M Marcel CAMPARINI DR');
    expect(field(row, 'author-organization').value).to.equal('Laboratoire des charmes');
    expect(group?.textContent).to.contain('Identifier 801234534765 (1.2.250.1.71.4.2.1)');
    expect(group?.textContent).to.contain('Identifier 1120459876 (1.2.250.1.71.4.2.2)');
    expect(el.items[0]?.prefilled).to.include('authors');
    expect(statusOf(row)).to.equal('ready');
    await expect(el).to.be.accessible();

    const stored = await sendAndRead(el);
    // The sender first: the mock's rule (the author includes the caller) holds.
    const sender = containedIn(stored, stored.author?.[0]?.reference) as PractitionerRole;
    expect(sender.practitioner?.reference).to.equal('Practitioner/paul-weber');
    const [cda] = otherAuthors(stored);
    expect(stored.author).to.have.length(2);
    expect(cda?.display).to.equal('M Marcel CAMPARINI DR');
    expect(cda?.person?.identifier).to.deep.equal([
      { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234534765' },
    ]);
    expect(cda?.person?.name?.[0]).to.deep.include({ family: 'CAMPARINI', given: ['Marcel'] });
    expect(cda?.role?.organization?.display).to.equal('Laboratoire des charmes');
    expect(cda?.role?.specialty?.[0]?.coding?.[0]).to.deep.include({
      system: 'urn:oid:1.2.250.1.213.1.1.4.5',
      code: 'G15_10/SM03',
    });
  });

  it('sends the name as the user corrected it, and no author once removed', async () => {
    const el = await uploader();
    choose(el, await labReport(), await labReport((t) => `${t}\n`));
    await settled(el);
    const [corrected, removed] = rows(el);
    await enter(el, corrected!, 'author-name', 'Dr Marcel Camparini');
    removed!.querySelector<HTMLButtonElement>('button[name="remove-author"]')!.click();
    await el.updateComplete;
    expect(authorGroups(removed!)).to.have.length(0);

    const results = await el.submit();
    expect(results.map((r) => r.status)).to.deep.equal(['sent', 'sent']);
    const read = async (id: string | undefined) => {
      const base = sandbox().server.baseUrl.replace(/\/$/, '');
      const response = await fetch(`${base}/DocumentReference/${id ?? ''}`, {
        headers: { Authorization: `Bearer ${mockToken(users.weber)}` },
      });
      return (await response.json()) as DocumentReference;
    };
    const [first, second] = await Promise.all(results.map((r) => read(r.documentId)));
    const [cda] = otherAuthors(first!);
    expect(cda?.display).to.equal('Dr Marcel Camparini');
    // The name typed replaces the document's parts; the RPPS shown in the row stays.
    expect(cda?.person?.name).to.deep.equal([{ text: 'Dr Marcel Camparini' }]);
    expect(cda?.person?.identifier?.[0]?.value).to.equal('801234534765');
    expect(second?.author, 'the sender alone').to.have.length(1);
  });

  it('sends an author the document gives no name by identifier and organisation, and says so', async () => {
    const el = await uploader();
    choose(el, await labReport((t) => edit(t, AUTHOR_PERSON, '')));
    const row = await settledRow(el);
    expect(field(row, 'author-name').value).to.equal('');
    const name = field(row, 'author-name');
    const noteId = (name.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .find((id) => id.endsWith('-unnamed'));
    expect(row.querySelector(`[id="${noteId ?? ''}"]`)?.textContent.trim()).to.equal(
      'The document does not give this author’s name: they will be sent under their identifier or organisation unless you enter their name.',
    );
    expect(statusOf(row)).to.equal('ready');
    await expect(el).to.be.accessible();
    const [cda] = otherAuthors(await sendAndRead(el));
    // Readers see the laboratory; the person is their RPPS, with no name made up.
    expect(cda?.display).to.equal('Laboratoire des charmes');
    expect(cda?.person?.name).to.equal(undefined);
    expect(cda?.person?.identifier?.[0]?.value).to.equal('801234534765');
  });

  it('asks to complete or remove an author left with nothing to name them', async () => {
    // The document's author by name only: no RPPS (a null flavor), no organisation.
    const byNameOnly = (text: string) => {
      const organisation = /<representedOrganization>[\s\S]*?<\/representedOrganization>/;
      expect(organisation.test(text), 'the author has an organisation').to.equal(true);
      return edit(
        text.replace(organisation, ''),
        '<id root="1.2.250.1.71.4.2.1" extension="801234534765" />',
        '<id nullFlavor="UNK" />',
      );
    };
    const el = await uploader();
    choose(el, await labReport(byNameOnly));
    const row = await settledRow(el);
    expect(field(row, 'author-name').value).to.equal('M Marcel CAMPARINI DR');
    expect(field(row, 'author-organization').value).to.equal('');
    await enter(el, row, 'author-name', '');
    expect(problemAt(row, 'author-name')).to.equal(
      'An author has no name, identifier or organisation left: complete it or remove it.',
    );
    expect(statusOf(row)).to.equal('invalid');
    const [result] = await el.submit();
    expect(result?.status).to.equal('invalid');
    row.querySelector<HTMLButtonElement>('button[name="remove-author"]')!.click();
    await el.updateComplete;
    const [again] = await el.submit();
    expect(again?.status).to.equal('sent');
  });
});
