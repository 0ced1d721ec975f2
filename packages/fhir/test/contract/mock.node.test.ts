// The DspClient contract against the mock DSP server, in process: as a doctor who may write to the
// patient's record, and as the patient for his Consent, assistants and access log.
import { describeContract } from './contract-test.js';
import { mockContext } from './mock-engine.js';

describeContract('the mock', async () => (await mockContext()).ctx);
