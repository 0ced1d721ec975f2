// The sandbox's switches (role, patient, language, theme, network scenario) and their home, the
// address's query: a reload keeps them, a link shares them, and nothing about the user is written
// to localStorage. Values the sandbox does not know are reported, never silently used.
import { languages, type DspLanguage } from '@dsp-kit/fhir';
import { roleOf, sandboxPatients } from './roles.js';

export const themes = ['light', 'dark', 'host'] as const;
export type Theme = (typeof themes)[number];

/** `none`, or one of the mock's scenario names. */
export type ScenarioChoice = string;
export const NO_SCENARIO = 'none';

export interface Settings {
  readonly user: string;
  readonly patient: string;
  readonly lang: DspLanguage;
  readonly theme: Theme;
  readonly scenario: ScenarioChoice;
}

export const defaultSettings: Settings = {
  user: 'paul-weber',
  patient: 'marie-schmit',
  lang: 'fr',
  theme: 'light',
  scenario: NO_SCENARIO,
};

export type SettingKey = keyof Settings;
const keys: readonly SettingKey[] = ['user', 'patient', 'lang', 'theme', 'scenario'];

/** A value in the address the sandbox ignored. */
export interface Rejected {
  readonly key: SettingKey;
  readonly value: string;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/**
 * The patient to open for the role: a patient or an assistant opens only their own DSP (or the
 * assisted one's); a role just chosen opens the patient it is about, unless the patient already
 * chosen is one of those (the agency, about none, keeps the value and opens nothing).
 */
export function fitToRole(settings: Settings, roleChosen = false): Settings {
  const role = roleOf(settings.user);
  const about = role?.patients ?? [];
  const first = about[0];
  const refit = role?.ownPatient !== undefined || roleChosen;
  return first !== undefined && refit && !about.includes(settings.patient)
    ? { ...settings, patient: first }
    : settings;
}

/**
 * Reads the settings from a query string (`?user=anne-muller&lang=de`); missing keys take the
 * defaults, unknown values too and are listed in `rejected`.
 */
export function readSettings(
  query: string,
  scenarioNames: readonly string[],
): { settings: Settings; rejected: Rejected[] } {
  const params = new URLSearchParams(query);
  const rejected: Rejected[] = [];
  const pick = <T extends string>(key: SettingKey, valid: (value: string) => value is T): T => {
    const value = params.get(key);
    if (value !== null && valid(value)) return value;
    if (value !== null) rejected.push({ key, value });
    return defaultSettings[key] as T;
  };
  const settings: Settings = {
    user: pick('user', (v): v is string => roleOf(v) !== undefined),
    patient: pick('patient', (v): v is string => sandboxPatients.some((p) => p.id === v)),
    lang: pick('lang', (v) => isOneOf(languages, v)),
    theme: pick('theme', (v) => isOneOf(themes, v)),
    scenario: pick('scenario', (v): v is string => v === NO_SCENARIO || scenarioNames.includes(v)),
  };
  // An address that names no patient opens the one the role is about.
  return { settings: fitToRole(settings, params.get('patient') === null), rejected };
}

/**
 * The query for `settings` (only what differs from the defaults), keeping the parameters that are
 * not the sandbox's.
 */
export function settingsQuery(settings: Settings, current = ''): string {
  const params = new URLSearchParams(current);
  // Without a patient, the address opens the one the role is about: the default patient is
  // left out only for the default role, whose patient it is.
  const isDefault = (key: SettingKey) =>
    settings[key] === defaultSettings[key] &&
    (key !== 'patient' || settings.user === defaultSettings.user);
  for (const key of keys) {
    if (isDefault(key)) params.delete(key);
    else params.set(key, settings[key]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
