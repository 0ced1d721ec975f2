// The access-rights panel's emergency access section, as a pure template: whether a professional
// may open the DSP in an emergency (break-the-glass), as a choice of two.
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AccessRightsMessages } from './access-rights.messages.js';

export function renderEmergency(
  m: AccessRightsMessages,
  allowed: boolean,
  onChoose: (allowed: boolean) => void,
): TemplateResult {
  const set = (value: boolean) => () => {
    onChoose(value);
  };
  return html`<section part="emergency" aria-labelledby="emergency">
    <h3 id="emergency">${m.emergency}</h3>
    <p class="help" id="emergency-help">${m.emergencyHelp}</p>
    <fieldset class="choice" aria-describedby="emergency-help">
      <legend class="visually-hidden">${m.emergency}</legend>
      <label class="radio"
        ><input
          type="radio"
          name="break-glass"
          .checked=${live(allowed)}
          @change=${set(true)}
        />${m.emergencyAllow}</label
      >
      <label class="radio"
        ><input
          type="radio"
          name="break-glass"
          .checked=${live(!allowed)}
          @change=${set(false)}
        />${m.emergencyRefuse}</label
      >
    </fieldset>
    <p class="help">${m.emergencyRefuseHelp}</p>
  </section>`;
}
