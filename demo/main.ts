// The sandbox page: an EHR-like host around every panel, on the mock DSP server running in a
// service worker, with switches for the role, patient, language, theme and network scenario kept
// in the address, and a reset of the data.
import '@dsp-kit/elements/define/dsp-access-rights.js';
import '@dsp-kit/elements/define/dsp-audit-log.js';
import '@dsp-kit/elements/define/dsp-document-stats.js';
import '@dsp-kit/elements/define/dsp-document-uploader.js';
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import '@dsp-kit/elements/define/dsp-provider.js';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { fixtures, mockToken, scenarios, type ScenarioName } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { findChrome } from './chrome.js';
import { hostMessages } from './host.messages.js';
import { renderPatientBanner } from './patient-banner.js';
import { showPatientSummary } from './patient-summary-home.js';
import { agencyDates } from './agency-dates.js';
import { confirmReset, resetSandboxData, takeResetNotice } from './reset.js';
import { statusMarks } from './status-marks.js';
import { panelsFor, roleOf, sandboxPatients, sandboxPolicy } from './roles.js';
import {
  fitToRole,
  readSettings,
  settingsQuery,
  type Rejected,
  type Settings,
} from './settings.js';

const scenarioNames = Object.keys(scenarios) as ScenarioName[];
const isScenario = (name: string): name is ScenarioName =>
  (scenarioNames as string[]).includes(name);

const chrome = findChrome(document);
const read = readSettings(location.search, scenarioNames);
let settings: Settings = read.settings;
let sandbox: Sandbox | undefined;
/** Set in OIDC mode: the signed-in user decides the role. */
let oidcMode = false;
/** The professional's DSP status badge and worklist; choosing a patient opens their chart. */
const marks = statusMarks(chrome, (patient) => {
  change({ ...settings, patient });
});

const m = () => hostMessages[settings.lang];

/** The address says what is shown: a reload keeps it, a link shares it. */
function remember(): void {
  const query = settingsQuery(settings, location.search);
  if (query !== location.search) {
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
  }
}

function say(text: string): void {
  chrome.status.textContent = text;
}

function complain(text: string): void {
  chrome.problem.textContent = text;
}

function rejectedText(rejected: readonly Rejected[]): string {
  return rejected.map((r) => m().rejected(m().settingNames[r.key], r.value)).join(' ');
}

/** One client per user: a new client makes every panel load again. */
function signIn(): void {
  if (!sandbox || oidcMode) return;
  chrome.provider.client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(settings.user)),
  });
}

function applyScenario(): void {
  if (!sandbox) return;
  sandbox.clearScenario();
  if (isScenario(settings.scenario)) sandbox.useScenario(settings.scenario);
}

/** Shows each panel to whom it is for, on the chosen patient, and the banner above them. */
function showPanels(): void {
  const role = roleOf(settings.user);
  if (!role) return;
  const plan = panelsFor(role.kind);
  const patient = settings.patient;
  const { viewer, uploader, rights, audit, sections } = chrome;
  sections.documents.hidden = !plan.viewer;
  viewer.patient = plan.viewer ? patient : undefined;
  // The patient's home opens on their summary; a professional sees it after emergency access.
  showPatientSummary(
    sections.documents,
    viewer,
    role.kind === 'patient' || role.kind === 'assistant' ? patient : undefined,
  );
  // Who is signed in, so each document offers only the actions this user may take (replace,
  // correct, withdraw, confidentiality); the server still decides.
  viewer.user =
    role.kind === 'professional'
      ? `Practitioner/${role.user}`
      : role.kind === 'assistant'
        ? `RelatedPerson/${role.user}`
        : role.kind === 'patient'
          ? `Patient/${role.user}`
          : undefined;
  // The name a replacement sent from the viewer carries as its author's.
  viewer.userName = viewer.user ? role.name : undefined;
  sections.upload.hidden = !plan.uploader;
  uploader.patient = plan.uploader ? patient : undefined;
  uploader.mode = plan.uploader || 'professional';
  uploader.author =
    role.kind === 'professional' ? `Practitioner/${role.user}` : `Patient/${patient}`;
  // The author's name, which readers see beside the document.
  uploader.authorName =
    role.kind === 'professional'
      ? role.name
      : (sandboxPatients.find((p) => p.id === patient)?.name ?? '');
  sections.rights.hidden = !plan.rights;
  rights.patient = plan.rights ? patient : undefined;
  // Who is signed in, so a DSP assistant is offered only what they may do.
  rights.user =
    role.kind === 'assistant'
      ? `RelatedPerson/${role.user}`
      : role.kind === 'patient'
        ? `Patient/${role.user}`
        : undefined;
  sections.audit.hidden = !plan.audit;
  audit.patient = plan.audit ? patient : undefined;
  sections.stats.hidden = !plan.stats;
  // Up to this month, so what was added in the sandbox today counts.
  if (plan.stats) chrome.stats.dates = agencyDates(new Date()).join(',');
  chrome.provider.dataset.layout = plan.uploader && plan.viewer ? 'with-side' : 'single';
  for (const [name, link] of Object.entries(chrome.nav)) {
    const section = sections[name as keyof typeof sections];
    (link.parentElement ?? link).hidden = section.hidden;
  }
  marks.show(role.kind === 'professional' ? patient : undefined, chrome.provider.client);
  showBanner();
}

function showBanner(): void {
  const role = roleOf(settings.user);
  const text = m();
  if (role?.kind === 'agency') {
    chrome.contextTitle.textContent = text.statsTitle;
    chrome.patientFacts.replaceChildren();
    chrome.patientFacts.hidden = true;
    chrome.contextNote.textContent = text.statsNote;
    chrome.contextNote.hidden = false;
    return;
  }
  const patient = Object.values(fixtures.patients).find((p) => p.id === settings.patient);
  chrome.patientFacts.hidden = false;
  chrome.contextNote.hidden = true;
  if (patient) {
    renderPatientBanner(chrome.contextTitle, chrome.patientFacts, patient, settings.lang, text);
  }
}

/** Everything that follows the settings, except the data (client, panels). */
function showSettings(): void {
  document.documentElement.lang = settings.lang;
  document.documentElement.dataset.theme = settings.theme;
  chrome.show(m(), settings, oidcMode);
  const theme = settings.theme === 'dark' ? 'dark' : 'light';
  for (const panel of chrome.panels) panel.theme = theme;
  showBanner();
}

function change(next: Settings): void {
  const before = settings;
  settings = fitToRole(next, next.user !== before.user);
  remember();
  showSettings();
  if (settings.scenario !== before.scenario) {
    applyScenario();
    // The panels load again, now through the scenario.
    if (oidcMode) for (const panel of [chrome.viewer, chrome.rights, chrome.audit]) panel.refresh();
    else signIn();
    marks.refresh(chrome.provider.client);
  } else if (settings.user !== before.user) {
    signIn();
  }
  if (settings.user !== before.user || settings.patient !== before.patient) showPanels();
}

chrome.form.addEventListener('submit', (event) => {
  event.preventDefault();
});
chrome.form.addEventListener('change', () => {
  change(chrome.chosen(settings));
});

// The panels show each other's work: the log the accesses, the viewer the new documents.
chrome.viewer.addEventListener('dsp-document-select', () => {
  chrome.audit.refresh();
});
chrome.uploader.addEventListener('dsp-document-uploaded', () => {
  chrome.viewer.refresh();
  chrome.audit.refresh();
});
// The uploader's summary links open the new document in the viewer.
chrome.uploader.addEventListener('dsp-document-select', (event) => {
  chrome.viewer.open(event.detail.documentId);
});
chrome.rights.addEventListener('dsp-access-changed', () => {
  chrome.viewer.refresh();
  chrome.audit.refresh();
});

chrome.reset.addEventListener('click', () => {
  void (async () => {
    if (!sandbox || !(await confirmReset(chrome.resetDialog))) return;
    chrome.reset.disabled = true;
    say(m().resetting);
    try {
      await resetSandboxData(sandbox); // reloads the page
    } catch (error) {
      chrome.reset.disabled = false;
      say('');
      complain(m().resetFailed(error instanceof Error ? error.message : String(error)));
    }
  })();
});

async function start(): Promise<void> {
  showSettings();
  say(m().starting);
  remember();
  sandbox = await startSandbox({
    baseUrl: new URL('fhir', document.baseURI).href,
    persist: true,
    // Beside the page, whatever sub-path the sandbox is published under.
    serviceWorkerUrl: './mockServiceWorker.js',
    serviceWorkerScope: './',
    policy: sandboxPolicy,
  });
  applyScenario();
  const authority = import.meta.env.VITE_DSP_OIDC_AUTHORITY as string | undefined;
  if (authority) {
    oidcMode = true;
    const { signInWithOidc } = await import('./oidc.js');
    await signInWithOidc(
      authority,
      (import.meta.env.VITE_DSP_OIDC_CLIENT_ID as string | undefined) ?? 'dsp-kit-sandbox',
      sandbox.server.baseUrl,
      {
        ...chrome.oidc,
        messages: m,
        problem: complain,
        addressRestored: () => {
          settings = readSettings(location.search, scenarioNames).settings;
          showSettings();
          applyScenario();
        },
        signedIn: (user, client) => {
          // Signed out, the panels get no client: none asks the server anything.
          chrome.provider.client = user ? client : undefined;
          if (user && roleOf(user)) change({ ...settings, user });
          showPanels();
          // Nothing to show until someone signs in.
          if (!user)
            chrome.viewer.patient = chrome.audit.patient = chrome.rights.patient = undefined;
        },
      },
    );
  } else {
    signIn();
    // In OIDC mode `signedIn` shows the panels, and only once someone is signed in: signed out,
    // no panel may ask the server anything.
    showPanels();
  }
  chrome.reset.disabled = false;
  const notices = [takeResetNotice() ? m().resetDone : '', rejectedText(read.rejected)];
  say(notices.filter(Boolean).join(' '));
  document.documentElement.dataset.sandbox = 'ready';
}

start().catch((error: unknown) => {
  say('');
  complain(m().startFailed(error instanceof Error ? error.message : String(error)));
  document.documentElement.dataset.sandbox = 'failed';
});
