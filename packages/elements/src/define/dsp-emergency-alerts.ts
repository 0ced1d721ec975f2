// Registers <dsp-emergency-alerts> (and <dsp-provider>, which it is usually used with).
import { DspEmergencyAlerts } from '../emergency-alerts/emergency-alerts.component.js';
import './dsp-provider.js';

DspEmergencyAlerts.define('dsp-emergency-alerts');

export { DspEmergencyAlerts };
