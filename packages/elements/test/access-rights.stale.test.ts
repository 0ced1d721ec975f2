// <dsp-access-rights> when an answer comes late: a save or a directory search started on one
// patient's record, answered after the panel moved to another patient or to another search, shows
// nothing of itself. The server's answers are held back by the client's `fetch` until released.
import { expect, fixture, html } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { mockToken } from '@dsp-kit/mock';
import {
  actorRow,
  as,
  buttonIn,
  changesOf,
  eventually,
  kremer,
  lucien,
  marie,
  muller,
  onServer,
  part,
  sandbox,
  text,
  useMock,
  users,
} from './access-rights.helpers.js';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';

useMock();

/** A request the client sent, held until `release()` lets it go to the server. */
interface Held {
  readonly url: string;
  readonly method: string;
  /** Sends the request on (as `fetch` would have), resolving once its answer is in or failed. */
  release(): Promise<void>;
}

/**
 * A client signed in as `user` whose requests matching `holds` (once `arm()` is called) wait in
 * `held` until released; any other request goes through at once.
 */
function holdingClient(user: string, holds: (method: string, url: string) => boolean) {
  const held: Held[] = [];
  let armed = false;
  const fetchHeld: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    if (!armed || !holds(method, url)) return fetch(input, init);
    let go!: () => void;
    const released = new Promise<void>((resolve) => {
      go = resolve;
    });
    const answer = released.then(() => fetch(input, init));
    held.push({
      url,
      method,
      release: async () => {
        go();
        await answer.then(
          () => undefined,
          () => undefined,
        );
      },
    });
    return answer;
  };
  const client = new DspClient({
    baseUrl: sandbox().server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
    fetch: fetchHeld,
  });
  return {
    client,
    held,
    arm: () => {
      armed = true;
    },
  };
}

const isConsentSave = (method: string, url: string) =>
  method === 'PUT' && new URL(url).pathname.includes('/Consent/');
/** The directory search for `name` (not the panel's own look-ups of the names it shows). */
const searchFor = (name: string) => (method: string, url: string) =>
  method === 'GET' &&
  new URL(url).pathname.endsWith('/PractitionerRole') &&
  new URL(url).searchParams.get('practitioner:Practitioner.name') === name;

/** Marie's panel on a holding client, once the names of her professionals are in. */
async function mariePanel(holds: (method: string, url: string) => boolean) {
  const holding = holdingClient(users.marie, holds);
  const el = await fixture<DspAccessRights>(
    html`<dsp-access-rights
      .client=${holding.client}
      patient=${marie}
      lang="en"
    ></dsp-access-rights>`,
  );
  await eventually(
    () => part(el, 'search') && text(actorRow(el, 'list', kremer)).includes('General practitioner'),
    'Marie’s professionals did not show',
  );
  return { el, ...holding };
}

/** Submits the directory search form with `name`. */
function submitSearch(el: HTMLElement, name: string): void {
  const form = part(el, 'search') as HTMLFormElement;
  const input = form.querySelector('input')!;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  buttonIn(form, 'Search').click();
}

/** Lets the panel take in whatever the released answers brought. */
async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
  }
}

describe('<dsp-access-rights> with late answers', () => {
  it('shows nothing of a change saved on one patient once the panel shows another', async () => {
    const { el, held, arm } = await mariePanel(isConsentSave);
    arm();
    const changes = changesOf(el);
    const blocking = el.block(muller);
    await eventually(() => held.length === 1, 'the save was not sent');

    el.client = as(users.lucien);
    el.patient = lucien;
    await eventually(() => part(el, 'assistant-form'), 'Lucien’s record did not show');
    const lucienList = text(part(el, 'list'));

    await held[0]!.release();
    await blocking;
    await settled(el);

    expect(text(part(el, 'notice'))).to.equal('');
    expect(text(actorRow(el, 'list', muller))).to.equal('');
    expect(text(part(el, 'list'))).to.equal(lucienList);
    expect(changes.filter((c) => c.patientId === lucien)).to.deep.equal([]);
    expect(text(part(el, 'pending'))).to.equal('');
    // What Lucien's panel would save is built on Lucien's Consent, not Marie's.
    expect(onServer(lucien).blocked.map((a) => a.reference)).to.not.include(muller);
  });

  it('shows no directory results of a search answered after the patient changed', async () => {
    const { el, held, arm } = await mariePanel(searchFor('Muller'));
    arm();
    submitSearch(el, 'Muller');
    await eventually(() => held.length === 1, 'the search was not sent');

    el.client = as(users.lucien);
    el.patient = lucien;
    await eventually(() => part(el, 'assistant-form'), 'Lucien’s record did not show');

    await held[0]!.release();
    await settled(el);

    expect(text(part(el, 'results'))).to.equal('');
    expect(text(part(el, 'professionals'))).to.not.contain('Anne Muller');
  });

  it('shows the last search’s results, not those of an earlier one answered later', async () => {
    const { el, held, arm } = await mariePanel(searchFor('Muller'));
    arm();
    submitSearch(el, 'Muller');
    await eventually(() => held.length === 1, 'the search was not sent');

    submitSearch(el, 'Weber');
    await eventually(() => text(part(el, 'results')).includes('Paul Weber'), 'no results');

    await held[0]!.release();
    await settled(el);

    expect(text(part(el, 'results'))).to.contain('Paul Weber');
    expect(text(actorRow(el, 'results', muller))).to.equal('');
  });
});
