// Registers <dsp-status-list> (and <dsp-provider>, which it is usually used with).
import { DspStatusList } from '../status/status-list.component.js';
import './dsp-provider.js';

DspStatusList.define('dsp-status-list');

export { DspStatusList };
