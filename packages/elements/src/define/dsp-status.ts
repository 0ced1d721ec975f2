// Registers <dsp-status>. Alone, so a patient banner pays for the badge only: a host that gives
// the client through <dsp-provider> imports `define/dsp-provider.js` too.
import { DspStatusBadge } from '../status/status.component.js';

DspStatusBadge.define('dsp-status');

export { DspStatusBadge };
