// The floor: a bare Lit element with an email field and a button, nothing else.
import { LitElement, css, html } from 'lit';

class LitFloor extends LitElement {
  static styles = css`
    form {
      display: grid;
      gap: 8px;
    }
  `;

  render() {
    return html`<form>
      <label for="email">Email</label>
      <input id="email" type="email" autocomplete="username" />
      <button>Continue</button>
    </form>`;
  }
}
customElements.define('lit-floor', LitFloor);
