import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('otp-code-field')
export class OtpCodeField extends LitElement {
  @property() value = '';

  override render() {
    return html`<label for="code">Code</label
      ><input
        id="code"
        autocomplete="one-time-code"
        inputmode="numeric"
        .value=${this.value}
        @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value)}
      />`;
  }
}
