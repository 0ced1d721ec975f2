// Registers <dsp-provider>.
import { DspProvider } from '../provider/dsp-provider.component.js';

DspProvider.define('dsp-provider');

export { DspProvider };
