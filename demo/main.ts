// The sandbox page: starts the mock DSP server in a service worker, then shows the viewer for the
// chosen fixture patient, as the chosen fixture user (a mock token), in the chosen language.
import { callbackTokenProvider, staticTokenProvider } from '@dsp-kit/auth';
import { createOidcTokenProvider, type OidcTokenProvider } from '@dsp-kit/auth/oidc';
import '@dsp-kit/elements/define/dsp-access-rights.js';
import '@dsp-kit/elements/define/dsp-audit-log.js';
import '@dsp-kit/elements/define/dsp-document-uploader.js';
import '@dsp-kit/elements/define/dsp-document-stats.js';
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import { DspClient } from '@dsp-kit/fhir';
import { mockToken } from '@dsp-kit/mock';
import { startSandbox } from '@dsp-kit/mock/browser';

function required<T extends Element>(element: T | null, what: string): T {
  if (!element) throw new Error(`The sandbox page has no ${what}`);
  return element;
}

const status = required(document.querySelector<HTMLElement>('#status'), '#status');
const provider = required(document.querySelector('dsp-provider'), '<dsp-provider>');
const viewer = required(document.querySelector('dsp-document-viewer'), '<dsp-document-viewer>');
const audit = required(document.querySelector('dsp-audit-log'), '<dsp-audit-log>');
const auditSection = required(
  document.querySelector<HTMLElement>('#audit-section'),
  '#audit-section',
);

const uploader = required(
  document.querySelector('dsp-document-uploader'),
  '<dsp-document-uploader>',
);
const uploadSection = required(
  document.querySelector<HTMLElement>('#upload-section'),
  '#upload-section',
);
const rights = required(document.querySelector('dsp-access-rights'), '<dsp-access-rights>');
const rightsSection = required(
  document.querySelector<HTMLElement>('#rights-section'),
  '#rights-section',
);
const statsSection = required(
  document.querySelector<HTMLElement>('#stats-section'),
  '#stats-section',
);

/** The log is the patient's (and their assistant's): shown only on that side. */
const patientSide = new Set(['marie-schmit', 'claire-wagner']);

/** Shows each panel to whom it is for, on the chosen patient. */
function showPanels(): void {
  // The agency sees statistics, never a record.
  const agency = user.value === 'agence-esante';
  statsSection.hidden = !agency;
  viewer.hidden = agency;
  viewer.patient = agency ? undefined : patient.value;
  const own = patientSide.has(user.value);
  auditSection.hidden = rightsSection.hidden = !own;
  audit.patient = rights.patient = own ? patient.value : undefined;
  // Professionals add reports; the patient adds their own notes ("Expression du titulaire").
  uploadSection.hidden = agency || (own && user.value !== patient.value);
  uploader.patient = uploadSection.hidden ? undefined : patient.value;
  uploader.mode = own ? 'patient' : 'professional';
  uploader.author = own ? `Patient/${patient.value}` : `Practitioner/${user.value}`;
}
const patient = required(document.querySelector<HTMLSelectElement>('#patient'), '#patient');
const user = required(document.querySelector<HTMLSelectElement>('#user'), '#user');
const language = required(document.querySelector<HTMLSelectElement>('#language'), '#language');

try {
  const sandbox = await startSandbox({
    baseUrl: new URL('fhir', document.baseURI).href,
    persist: true,
  });
  const authority = import.meta.env.VITE_DSP_OIDC_AUTHORITY as string | undefined;
  if (authority) {
    await signInWithOidc(authority, sandbox.server.baseUrl);
  } else {
    // One client per mock user: changing user gives the panels a new client, and they reload.
    const signIn = () => {
      provider.client = new DspClient({
        baseUrl: sandbox.server.baseUrl,
        tokens: staticTokenProvider(mockToken(user.value)),
      });
    };
    signIn();
    user.addEventListener('change', () => {
      signIn();
      showPanels();
    });
  }
  showPanels();
  status.textContent = '';
} catch (error) {
  status.textContent = `Le serveur DSP fictif n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`;
}

patient.addEventListener('change', showPanels);
// The panels show each other's work: the log the accesses, the viewer the new documents.
viewer.addEventListener('dsp-document-select', () => {
  audit.refresh();
});
uploader.addEventListener('dsp-document-uploaded', () => {
  viewer.refresh();
  audit.refresh();
});
rights.addEventListener('dsp-access-changed', () => {
  viewer.refresh();
  audit.refresh();
});
language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
});

/**
 * `npm run start:oidc`: the user signs in at a local OpenID provider whose accounts are the mock's
 * users. The login proves who the user is; the in-page mock server then gets that user's id.
 */
async function signInWithOidc(authority: string, baseUrl: string): Promise<void> {
  const here = new URL('./', document.baseURI).href;
  const oidc: OidcTokenProvider = createOidcTokenProvider({
    authority,
    clientId: (import.meta.env.VITE_DSP_OIDC_CLIENT_ID as string | undefined) ?? 'dsp-kit-sandbox',
    redirectUri: here,
    postLogoutRedirectUri: here,
  });
  const box = required(document.querySelector<HTMLElement>('#oidc'), '#oidc');
  const name = required(document.querySelector<HTMLElement>('#oidc-user'), '#oidc-user');
  const signInButton = required(
    document.querySelector<HTMLButtonElement>('#oidc-sign-in'),
    '#oidc-sign-in',
  );
  const signOutButton = required(
    document.querySelector<HTMLButtonElement>('#oidc-sign-out'),
    '#oidc-sign-out',
  );
  required(document.querySelector<HTMLElement>('#user-switcher'), '#user-switcher').hidden = true;
  box.hidden = false;
  try {
    await oidc.handleCallback();
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
  const showUser = () => {
    const signedIn = oidc.user;
    name.textContent = signedIn ? `Connecté : ${signedIn.name ?? signedIn.sub}` : 'Non connecté';
    signInButton.hidden = signedIn !== null;
    signOutButton.hidden = signedIn === null;
    // The panels follow the signed-in user (the mock's ids are the provider's accounts).
    if (signedIn) user.value = signedIn.sub;
    provider.client = new DspClient({
      baseUrl,
      tokens: callbackTokenProvider(async () => {
        await oidc.getAccessToken(); // keeps the OIDC session fresh
        return oidc.user ? mockToken(oidc.user.sub) : null;
      }),
    });
    showPanels();
    if (!signedIn) viewer.patient = audit.patient = undefined; // nothing to show until signed in
  };
  oidc.addEventListener('user-changed', showUser);
  oidc.addEventListener('session-expired', showUser);
  signInButton.addEventListener('click', () => {
    void oidc.signIn({ mode: 'redirect' });
  });
  signOutButton.addEventListener('click', () => {
    void oidc.signOut();
  });
  showUser();
}
