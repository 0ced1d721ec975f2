// The sandbox's switches read from and written to the address: defaults, unknown values reported,
// the patient fixed for a patient or an assistant, and other parameters left alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, fitToRole, readSettings, settingsQuery } from './settings.js';

const scenarioNames = ['offline', 'slowNetwork'];

describe('sandbox settings in the address', () => {
  it('takes the defaults from an empty query', () => {
    assert.deepEqual(readSettings('', scenarioNames), { settings: defaultSettings, rejected: [] });
  });

  it('reads every switch', () => {
    const { settings, rejected } = readSettings(
      '?user=anne-muller&patient=tom-becker&lang=lb&theme=host&scenario=offline',
      scenarioNames,
    );
    assert.deepEqual(settings, {
      user: 'anne-muller',
      patient: 'tom-becker',
      lang: 'lb',
      theme: 'host',
      scenario: 'offline',
    });
    assert.deepEqual(rejected, []);
  });

  it('reports what it does not know and uses the default instead', () => {
    const { settings, rejected } = readSettings(
      '?user=dr-who&lang=it&theme=pink&scenario=flood&patient=nobody',
      scenarioNames,
    );
    assert.deepEqual(settings, defaultSettings);
    assert.deepEqual(rejected, [
      { key: 'user', value: 'dr-who' },
      { key: 'patient', value: 'nobody' },
      { key: 'lang', value: 'it' },
      { key: 'theme', value: 'pink' },
      { key: 'scenario', value: 'flood' },
    ]);
  });

  it('opens only their own DSP for a patient or an assistant', () => {
    assert.equal(
      readSettings('?user=marie-schmit&patient=tom-becker', []).settings.patient,
      'marie-schmit',
    );
    assert.equal(readSettings('?user=claire-wagner', []).settings.patient, 'lucien-wagner');
    assert.equal(
      fitToRole({ ...defaultSettings, user: 'sarah-hansen', patient: 'nadia-reuter' }).patient,
      'nadia-reuter',
    );
  });

  it('opens, for a role just chosen, the patient it is about, unless one is already chosen', () => {
    const chosen = (user: string, patient: string) =>
      fitToRole({ ...defaultSettings, user, patient }, true).patient;
    // Dr Kremer is blocked by Marie, not by Tom; Dr Muller was granted Tom's DSP.
    assert.equal(chosen('luc-kremer', 'tom-becker'), 'marie-schmit');
    assert.equal(chosen('anne-muller', 'marie-schmit'), 'tom-becker');
    // The emergency doctor: Lucien's DSP needs break-the-glass, Nadia refused it.
    assert.equal(chosen('sarah-hansen', 'marie-schmit'), 'lucien-wagner');
    assert.equal(chosen('sarah-hansen', 'nadia-reuter'), 'nadia-reuter');
    // The référent of Marie and Lucien keeps either.
    assert.equal(chosen('paul-weber', 'lucien-wagner'), 'lucien-wagner');
    // The agency is about no patient: nothing to switch to.
    assert.equal(chosen('agence-esante', 'tom-becker'), 'tom-becker');
    // A patient chosen for the same role stays.
    assert.equal(
      fitToRole({ ...defaultSettings, user: 'luc-kremer', patient: 'tom-becker' }).patient,
      'tom-becker',
    );
  });

  it('opens the patient the role is about when the address names none', () => {
    assert.equal(readSettings('?user=sarah-hansen', []).settings.patient, 'lucien-wagner');
    assert.equal(readSettings('?user=anne-muller', []).settings.patient, 'tom-becker');
    assert.equal(
      readSettings('?user=sarah-hansen&patient=marie-schmit', []).settings.patient,
      'marie-schmit',
    );
    const away = { ...defaultSettings, user: 'sarah-hansen', patient: 'marie-schmit' };
    assert.deepEqual(readSettings(settingsQuery(away), []).settings, away);
  });

  it('writes only what differs from the defaults, keeping foreign parameters', () => {
    assert.equal(settingsQuery(defaultSettings), '');
    assert.equal(
      settingsQuery({ ...defaultSettings, lang: 'de', scenario: 'offline' }, '?lang=fr&debug=1'),
      '?lang=de&debug=1&scenario=offline',
    );
  });

  it('reads back what it wrote', () => {
    const settings = { ...defaultSettings, user: 'lisa-schmitt', theme: 'dark' as const };
    assert.deepEqual(readSettings(settingsQuery(settings), scenarioNames).settings, settings);
  });
});
