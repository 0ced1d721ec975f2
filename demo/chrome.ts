// The host page's elements, found once, and the two things done to them as a whole: showing the
// settings (in the words of their language) and reading back what the switches say.
import type { HostMessages } from './host.messages.js';
import { roles, sandboxPatients, type RoleKind } from './roles.js';
import { NO_SCENARIO, themes, type Settings, type Theme } from './settings.js';
import { scenarios, type ScenarioName } from '@dsp-kit/mock';

type Sections<T> = Record<'documents' | 'upload' | 'rights' | 'audit' | 'stats', T>;

/** The message keys whose value is a plain string. */
type TextKey = {
  [K in keyof HostMessages]: HostMessages[K] extends string ? K : never;
}[keyof HostMessages];

/** Elements whose whole text is one message. */
const texts = {
  'skip-link': 'skipLink',
  'sandbox-name': 'sandboxName',
  'sandbox-note': 'sandboxNote',
  'user-label': 'user',
  'patient-label': 'patient',
  'language-label': 'language',
  'theme-label': 'theme',
  'scenario-label': 'network',
  reset: 'reset',
  'reset-title': 'resetTitle',
  'reset-text': 'resetText',
  'reset-confirm': 'resetConfirm',
  'reset-cancel': 'resetCancel',
  'current-user-label': 'signedIn',
  'oidc-sign-in': 'oidcSignIn',
  'oidc-sign-out': 'oidcSignOut',
} satisfies Record<string, TextKey>;

function byId<T extends HTMLElement>(root: Document, id: string, type: new () => T): T {
  const element = root.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The sandbox page has no ${type.name} #${id}`);
  return element;
}

function byTag<K extends keyof HTMLElementTagNameMap>(
  root: Document,
  tag: K,
): HTMLElementTagNameMap[K] {
  const element = root.querySelector(tag);
  if (!element) throw new Error(`The sandbox page has no <${tag}>`);
  return element;
}

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

export function findChrome(root: Document) {
  const select = (id: string) => byId(root, id, HTMLSelectElement);
  const element = (id: string) => byId(root, id, HTMLElement);
  const viewer = byTag(root, 'dsp-document-viewer');
  const uploader = byTag(root, 'dsp-document-uploader');
  const rights = byTag(root, 'dsp-access-rights');
  const audit = byTag(root, 'dsp-audit-log');
  const stats = byTag(root, 'dsp-document-stats');
  /** The language the page's words are written in. */
  let wordsIn: string | undefined;
  const chrome = {
    form: byId(root, 'controls', HTMLFormElement),
    user: select('user'),
    userField: element('user-field'),
    patient: select('patient'),
    patientHint: element('patient-hint'),
    language: select('language'),
    theme: select('theme'),
    scenario: select('scenario'),
    reset: byId(root, 'reset', HTMLButtonElement),
    resetDialog: byId(root, 'reset-dialog', HTMLDialogElement),
    status: element('status'),
    problem: element('problem'),
    product: element('product'),
    currentUser: element('current-user'),
    currentRole: element('current-role'),
    contextTitle: element('context-title'),
    patientFacts: element('patient-facts'),
    contextNote: element('context-note'),
    chartNav: element('chart-nav'),
    provider: byTag(root, 'dsp-provider'),
    viewer,
    uploader,
    rights,
    audit,
    stats,
    panels: [viewer, uploader, rights, audit, stats],
    sections: {
      documents: element('documents-section'),
      upload: element('upload-section'),
      rights: element('rights-section'),
      audit: element('audit-section'),
      stats: element('stats-section'),
    } satisfies Sections<HTMLElement>,
    /** The sections' visible headings; the rights panel heads itself (its section is named). */
    headings: {
      documents: element('documents-heading'),
      upload: element('upload-heading'),
      audit: element('audit-heading'),
      stats: element('stats-heading'),
    } satisfies Partial<Sections<HTMLElement>>,
    nav: {
      documents: byId(root, 'nav-documents', HTMLAnchorElement),
      upload: byId(root, 'nav-upload', HTMLAnchorElement),
      rights: byId(root, 'nav-rights', HTMLAnchorElement),
      audit: byId(root, 'nav-audit', HTMLAnchorElement),
      stats: byId(root, 'nav-stats', HTMLAnchorElement),
    } satisfies Sections<HTMLAnchorElement>,
    oidc: {
      box: element('oidc'),
      name: element('oidc-user'),
      signInButton: byId(root, 'oidc-sign-in', HTMLButtonElement),
      signOutButton: byId(root, 'oidc-sign-out', HTMLButtonElement),
    },
    /**
     * Shows `settings` in the switches and the header, writing every word of the page and the
     * switches' options again when the language changed.
     */
    show(m: HostMessages, settings: Settings, oidcMode: boolean): void {
      if (wordsIn !== settings.lang) {
        writeWords(m);
        wordsIn = settings.lang;
      }
      chrome.user.value = settings.user;
      chrome.patient.value = settings.patient;
      chrome.language.value = settings.lang;
      chrome.theme.value = settings.theme;
      chrome.scenario.value = settings.scenario;

      const role = roles.find((r) => r.user === settings.user);
      const kind: RoleKind = role?.kind ?? 'professional';
      // A patient or an assistant has one DSP, the agency none: the patient switch says why it
      // does not move.
      const locked = role?.ownPatient !== undefined;
      const none = role?.patients.length === 0;
      chrome.patient.disabled = locked || none;
      chrome.patientHint.hidden = !(locked || none);
      chrome.patientHint.textContent = none ? m.patientNone : m.patientLocked;
      if (locked || none) chrome.patient.setAttribute('aria-describedby', 'patient-hint');
      else chrome.patient.removeAttribute('aria-describedby');
      chrome.userField.hidden = oidcMode;
      chrome.product.textContent = m.products[kind];
      chrome.currentUser.textContent = role?.name ?? '';
      chrome.currentRole.textContent = role ? m.roles[role.role] : '';
    },
    /** The settings the switches show. */
    chosen(current: Settings): Settings {
      return {
        ...current,
        user: chrome.user.value,
        patient: chrome.patient.value,
        lang: chrome.language.value as Settings['lang'],
        theme: chrome.theme.value as Theme,
        scenario: chrome.scenario.value,
      };
    },
  };
  /** Every word of the page and the switches' options, in `m`'s language. */
  function writeWords(m: HostMessages): void {
    root.title = m.documentTitle;
    for (const [id, key] of Object.entries(texts)) element(id).textContent = m[key];
    chrome.form.setAttribute('aria-label', m.controls);
    chrome.chartNav.setAttribute('aria-label', m.chartNav);
    for (const [name, text] of Object.entries(m.sections)) {
      const key = name as keyof typeof m.sections;
      if (key !== 'rights') chrome.headings[key].textContent = text;
      chrome.nav[key].textContent = text;
    }
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const role of roles) {
      const label = m.groups[role.kind];
      let group = groups.get(label);
      if (!group) {
        group = document.createElement('optgroup');
        group.label = label;
        groups.set(label, group);
      }
      group.append(option(role.user, `${role.name} — ${m.roles[role.role]}`));
    }
    chrome.user.replaceChildren(...groups.values());
    chrome.patient.replaceChildren(
      ...sandboxPatients.map((p) =>
        option(p.id, p.note ? `${p.name} (${m.patientNotes[p.note]})` : p.name),
      ),
    );
    chrome.theme.replaceChildren(...themes.map((t: Theme) => option(t, m.themes[t])));
    chrome.scenario.replaceChildren(
      option(NO_SCENARIO, m.noScenario),
      ...(Object.keys(scenarios) as ScenarioName[]).map((s) => option(s, m.scenarios[s])),
    );
  }

  return chrome;
}

export type Chrome = ReturnType<typeof findChrome>;
