// The EHR's patient banner: who the chart is about (name, birth date and age, sex, matricule,
// médecin référent), from the host's own patient data — built as text, never as HTML.
import type { DspLanguage } from '@dsp-kit/fhir';
import type { Patient } from '@medplum/fhirtypes';
import type { HostMessages } from './host.messages.js';

/** Full years between `birthDate` (`YYYY-MM-DD`) and `today`. */
export function ageOn(birthDate: string, today: Date): number {
  const [year = 0, month = 1, day = 1] = birthDate.split('-').map(Number);
  let age = today.getFullYear() - year;
  const beforeBirthday =
    today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  if (beforeBirthday) age--;
  return age;
}

/** `1978031412345` → `1978 0314 123 45`, as printed on the CNS card. */
export function groupMatricule(matricule: string): string {
  return /^\d{13}$/.test(matricule)
    ? `${matricule.slice(0, 4)} ${matricule.slice(4, 8)} ${matricule.slice(8, 11)} ${matricule.slice(11)}`
    : matricule;
}

/** The locale for dates: Luxembourgish where the browser has its data, else `de-LU`. */
export function dateLocale(lang: DspLanguage): string {
  if (lang !== 'lb') return `${lang}-LU`;
  return Intl.DateTimeFormat.supportedLocalesOf('lb').length > 0 ? 'lb-LU' : 'de-LU';
}

function patientName(patient: Patient): string {
  const name = patient.name?.[0];
  return [name?.given?.[0], name?.family].filter(Boolean).join(' ');
}

function field(term: string, value: string): HTMLElement {
  const group = document.createElement('div');
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = term;
  dd.textContent = value;
  group.append(dt, dd);
  return group;
}

/** Fills `heading` with the patient's name and `list` (a `<dl>`) with the rest. */
export function renderPatientBanner(
  heading: HTMLElement,
  list: HTMLElement,
  patient: Patient,
  lang: DspLanguage,
  m: HostMessages,
  today = new Date(),
): void {
  heading.textContent = patientName(patient);
  const fields: HTMLElement[] = [];
  if (patient.birthDate) {
    const date = new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'long' }).format(
      new Date(`${patient.birthDate}T12:00:00`),
    );
    fields.push(field(m.born, `${date} (${m.age(ageOn(patient.birthDate, today))})`));
  }
  fields.push(field(m.sex, m.sexes[patient.gender ?? 'unknown']));
  const matricule = patient.identifier?.[0]?.value;
  if (matricule) fields.push(field(m.matricule, groupMatricule(matricule)));
  fields.push(field(m.referent, patient.generalPractitioner?.[0]?.display ?? m.noReferent));
  list.replaceChildren(...fields);
}
