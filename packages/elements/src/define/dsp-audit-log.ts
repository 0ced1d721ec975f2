// Registers <dsp-audit-log> (and <dsp-provider>, which it is usually used with).
import { DspAuditLog } from '../audit-log/audit-log.component.js';
import './dsp-provider.js';

DspAuditLog.define('dsp-audit-log');

export { DspAuditLog };
