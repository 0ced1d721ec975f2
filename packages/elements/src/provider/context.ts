// The context through which <dsp-provider> gives its client to the panels inside it.
import { createContext } from '@lit/context';
import type { DspClient } from '@dsp-kit/fhir';

export const clientContext = createContext<DspClient | undefined>(Symbol.for('dsp-kit:client'));
