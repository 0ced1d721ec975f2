// <dsp-access-rights>: each change's effect, checked from the other side — as the professionals it
// concerns, with their own clients (and the blocked doctor's own viewer) on the same mock server —
// and two panels editing the same Consent at once.
import { expect, fixture, html } from '@open-wc/testing';
import {
  sha1Base64,
  type DocumentReference,
  type DspClient,
  type DocumentSubmission,
} from '@dsp-kit/fhir';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import {
  actorRow,
  as,
  buttonIn,
  eventually,
  marie,
  muller,
  nextChange,
  noticeSays,
  onServer,
  panel,
  part,
  searchDirectory,
  useMock,
  text,
  users,
} from './access-rights.helpers.js';

/** The ids of Marie's documents the client's user sees, or the HTTP status refusing them. */
async function seen(client: DspClient): Promise<string[] | number> {
  try {
    const page = await client.searchDocuments({ patient: marie, _count: 200 });
    return page.entries.map((d: DocumentReference) => d.id ?? '');
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}

/** Dr Muller files a care summary for Marie, which a nurse may read; its id. */
async function mullerFilesCareSummary(): Promise<string> {
  const bytes = new TextEncoder().encode('Fiche de liaison\nPansement tous les deux jours.\n');
  const submission: DocumentSubmission = {
    uuid: crypto.randomUUID(),
    patient: marie,
    author: { reference: muller, display: 'Dr Anne Muller' },
    date: new Date().toISOString(),
    documents: [
      {
        uuid: crypto.randomUUID(),
        typeCode: 'resume-soins',
        title: 'Fiche de liaison de soins',
        contentType: 'text/plain',
        data: btoa(String.fromCharCode(...bytes)),
        size: bytes.byteLength,
        hash: await sha1Base64(bytes),
      },
    ],
  };
  await as(users.muller).provideDocuments(submission);
  const mine = await as(users.marie).searchDocuments({ patient: marie });
  const filed = mine.entries.find(
    (d) => d.content[0]?.attachment.title === 'Fiche de liaison de soins',
  );
  if (!filed?.id) throw new Error('the care summary was not filed');
  return filed.id;
}

useMock();

describe('<dsp-access-rights>: effects seen from the other side', () => {
  it('after blocking, the blocked doctor sees nothing, in her own viewer too', async () => {
    expect(await seen(as(users.muller))).to.be.an('array').that.is.not.empty;
    const el = await panel(marie, users.marie);
    await searchDirectory(el, 'Muller');
    const changed = nextChange(el);
    buttonIn(actorRow(el, 'results', muller)!, 'Block').click();
    await changed;
    expect(await seen(as(users.muller))).to.equal(403);

    const viewer = await fixture<DspDocumentViewer>(
      html`<dsp-document-viewer
        .client=${as(users.muller)}
        patient=${marie}
        lang="en"
      ></dsp-document-viewer>`,
    );
    await eventually(() => part(viewer, 'error'), 'the blocked doctor’s viewer shows no refusal');
    expect(viewer.shadowRoot!.querySelectorAll('[part~="row"]')).to.have.length(0);
    expect(text(part(viewer, 'error'))).to.contain('Le patient vous a bloqué');

    const unblocked = nextChange(el);
    buttonIn(actorRow(el, 'list', muller)!, 'Unblock').click();
    await unblocked;
    expect(await seen(as(users.muller))).to.be.an('array').that.is.not.empty;
  });

  it('after masking, a nurse no longer sees the document; its author and the référent do', async () => {
    const id = await mullerFilesCareSummary();
    const nurse = as(users.schmitt);
    expect(await seen(nurse)).to.include(id);
    const el = await panel(marie, users.marie);
    await eventually(
      () => [...el.shadowRoot!.querySelectorAll('option')].some((o) => o.value === id),
      'the new document is not offered for masking',
    );
    const changed = nextChange(el);
    expect(await el.mask(id)).to.equal(true);
    await changed;
    expect(await seen(nurse)).to.not.include(id);
    expect(await seen(as(users.muller)), 'its author').to.include(id);
    expect(await seen(as(users.weber)), 'the référent').to.include(id);
    const read = await nurse.readDocument(id).then(
      () => 200,
      (error: unknown) => (error as { status?: number }).status,
    );
    expect(read, 'a masked document is not found by the nurse').to.equal(404);

    expect(await el.unmask(id)).to.equal(true);
    expect(await seen(nurse)).to.include(id);
  });

  it('after closing, professionals are refused; after reopening, access returns', async () => {
    const el = await panel(marie, users.marie);
    const weber = as(users.weber);
    const before = await seen(weber);
    expect(before).to.be.an('array').that.is.not.empty;
    buttonIn(part(el, 'open-close')!, 'Close the DSP').click();
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    await eventually(() => dialog.open && dialog.querySelector('input'), 'no dialog');
    dialog.querySelector('input')!.value = 'CLOSE';
    const closed = nextChange(el);
    buttonIn(dialog, 'Confirm closing').click();
    await closed;
    for (const user of [users.weber, users.muller, users.schmitt, users.hansen])
      expect(await seen(as(user)), user).to.equal(403);
    const emergency = await as(users.hansen)
      .breakTheGlass(marie, 'Patiente inconsciente aux urgences')
      .then(
        () => 200,
        (error: unknown) => (error as { status?: number }).status,
      );
    expect(emergency, 'a closed DSP refuses even emergency access').to.equal(403);
    expect(await seen(as(users.marie)), 'the patient still reads her DSP').to.be.an('array');

    const reopened = nextChange(el);
    buttonIn(part(el, 'open-close')!, 'Reopen the DSP').click();
    await reopened;
    expect(await seen(weber)).to.deep.equal(before);
    expect(await seen(as(users.kremer)), 'the block on Dr Kremer is back too').to.equal(403);
  });

  it('two panels editing the same Consent at once: both changes survive', async () => {
    const first = await panel(marie, users.marie);
    const second = await panel(marie, users.marie);
    await searchDirectory(first, 'Muller');
    const blocked = nextChange(first);
    buttonIn(actorRow(first, 'results', muller)!, 'Block').click();
    await blocked;

    // The second panel still holds the older version: its change goes on top, and it says so.
    const masked = nextChange(second);
    expect(await second.mask('doc-marie-certificat')).to.equal(true);
    await masked;
    let server = onServer();
    expect(server.blocked.map((a) => a.reference)).to.include(muller);
    expect(server.maskedDocuments).to.include('doc-marie-certificat');
    await noticeSays(second, 'Changed meanwhile');
    expect(text(part(second, 'notice'))).to.contain('Dr Anne Muller is blocked.');
    expect(text(actorRow(second, 'list', muller))).to.contain('Blocked');
    await expect(second).to.be.accessible();

    // And the first, now behind, does the same the other way round.
    const refused = nextChange(first);
    part(first, 'emergency')!.querySelectorAll('input')[1]!.click();
    await refused;
    server = onServer();
    expect(server.breakTheGlass).to.equal('refused');
    expect(server.maskedDocuments).to.include('doc-marie-certificat');
    expect(server.blocked.map((a) => a.reference)).to.include(muller);
    await noticeSays(first, 'Changed meanwhile');
    expect(text(part(first, 'notice'))).to.contain('is masked');
  });
});
