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
