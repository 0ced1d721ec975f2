// The EHR's DSP status marks for professionals: a <dsp-status> badge in the patient banner and a
// worklist of the sandbox's patients (<dsp-status-list>) beside the chart; choosing either opens
// that patient's chart, as the patient switch does.
import { DspStatusList } from '@dsp-kit/elements/define/dsp-status-list.js';
import { DspStatusBadge } from '@dsp-kit/elements/define/dsp-status.js';
import type { DspClient, DspLanguage } from '@dsp-kit/fhir';
import { sandboxPatients } from './roles.js';

/** The worklist's heading: the host's own words, in the page's language. */
const worklistHeading: Record<DspLanguage, string> = {
  fr: 'Mes patients',
  de: 'Meine Patienten',
  en: 'My patients',
  lb: 'Meng Patienten',
};

/** What the marks need of the host page. */
export interface MarksHost {
  /** The patient banner: the badge goes after its heading. */
  readonly contextTitle: HTMLElement;
  /** The chart's navigation: the worklist goes after it, in the same column. */
  readonly chartNav: HTMLElement;
}

export interface StatusMarks {
  /** Shows the marks on `patient` with `client`, or hides them (`undefined`: not a professional). */
  show(patient: string | undefined, client: DspClient | undefined): void;
  /** Reads the statuses again (the network scenario changed), with `client` if it is a new one. */
  refresh(client: DspClient | undefined): void;
}

/** The page's theme as the kit's panels take it. */
function pageTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function pageLanguage(): DspLanguage {
  const lang = document.documentElement.lang;
  return lang in worklistHeading ? (lang as DspLanguage) : 'fr';
}

/**
 * Puts the badge and the worklist in the page, hidden until {@link StatusMarks.show}; `choose`
 * opens a patient's chart (the badge's patient, or a worklist row's).
 */
export function statusMarks(host: MarksHost, choose: (patient: string) => void): StatusMarks {
  const badge = new DspStatusBadge();
  badge.id = 'patient-status';
  badge.hidden = true;
  host.contextTitle.after(badge);

  const worklist = document.createElement('div');
  worklist.className = 'worklist';
  worklist.id = 'worklist';
  worklist.hidden = true;
  const heading = document.createElement('h2');
  heading.id = 'worklist-heading';
  const list = new DspStatusList();
  list.id = 'worklist-list';
  // The EHR knows its patients' names: a row shows it even where the DSP is refused (closed).
  list.patients = sandboxPatients.map(({ id, name }) => ({ id, name }));
  worklist.append(heading, list);
  host.chartNav.after(worklist);

  const follow = (): void => {
    badge.theme = list.theme = pageTheme();
    heading.textContent = worklistHeading[pageLanguage()];
  };
  follow();
  // The page's switches change these attributes; the marks follow them as the panels do.
  new MutationObserver(follow).observe(document.documentElement, {
    attributeFilter: ['data-theme', 'lang'],
  });

  list.addEventListener('dsp-status-open', (event) => {
    choose(event.detail.patient);
  });
  // The banner's badge is about the chart shown: it brings its documents into view.
  badge.addEventListener('dsp-status-open', (event) => {
    choose(event.detail.patient);
    document.getElementById('documents-section')?.scrollIntoView({ block: 'start' });
  });

  return {
    show(patient, client) {
      badge.hidden = worklist.hidden = patient === undefined;
      // Hidden, the marks get no client: they ask the server nothing.
      badge.client = list.client = patient === undefined ? undefined : client;
      badge.patient = patient ?? '';
    },
    refresh(client) {
      if (badge.hidden) return;
      if (badge.client === client) {
        badge.refresh();
        list.refresh();
      } else {
        badge.client = list.client = client;
      }
    },
  };
}
