// Registers <dsp-access-rights> (and <dsp-provider>, which it is usually used with).
import { DspAccessRights } from '../access-rights/access-rights.component.js';
import './dsp-provider.js';

DspAccessRights.define('dsp-access-rights');

export { DspAccessRights };
