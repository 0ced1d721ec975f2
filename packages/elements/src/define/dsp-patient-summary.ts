// Registers <dsp-patient-summary> (and <dsp-provider>, which it is usually used with).
import { DspPatientSummary } from '../patient-summary/patient-summary.component.js';
import './dsp-provider.js';

DspPatientSummary.define('dsp-patient-summary');

export { DspPatientSummary };
