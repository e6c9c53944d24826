import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { OtpCodeCompleteEvent } from '../events/otp-code-complete.js';
import '../define/code-field.js';
import type { OtpCodeField } from './otp-code-field.js';
import { waitUntil } from '../../test/browser/support/dom.js';

const inputOf = (el: OtpCodeField) => el.shadowRoot!.querySelector('input')!;
const part = (el: OtpCodeField, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Records what a host page would see: events on the host and the value each time. */
function record(el: OtpCodeField) {
  const log = { input: [] as string[], change: [] as string[], complete: [] as string[] };
  el.addEventListener('input', () => log.input.push(el.value));
  el.addEventListener('change', () => log.change.push(el.value));
  el.addEventListener('otp-code-complete', (e) => log.complete.push(e.detail.value));
  return log;
}

/** Types key by key: WebKit's WebDriver merges repeated characters sent in one go ("000" → "0"). */
async function type(text: string) {
  for (const key of text) await sendKeys({ type: key });
}

async function typeInto(el: OtpCodeField, text: string) {
  inputOf(el).focus();
  await type(text);
  await el.updateComplete;
}

function clipboardEvent(text: string) {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  return new ClipboardEvent('paste', {
    clipboardData,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
}

/** Firefox hands listeners of a script-made ClipboardEvent an empty clipboard. */
const syntheticPasteWorks = clipboardEvent('x').clipboardData?.getData('text/plain') === 'x';

async function shortcut(key: string) {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

/** A real paste through the system clipboard: copy from a textarea, Ctrl+V into the field. */
async function clipboardPaste(el: OtpCodeField, text: string) {
  const input = inputOf(el);
  const start = input.selectionStart ?? 0;
  const end = input.selectionEnd ?? 0;
  const source = document.createElement('textarea');
  source.value = text;
  document.body.append(source);
  source.select();
  await shortcut('c');
  source.remove();
  input.focus();
  input.setSelectionRange(start, end);
  await shortcut('v');
}

/**
 * Pastes `text` into the focused field: a dispatched ClipboardEvent where the engine keeps its
 * data (Chromium, WebKit), else the real clipboard (Firefox). Resolves to the event's
 * defaultPrevented, or undefined for a real paste.
 */
async function paste(el: OtpCodeField, text: string): Promise<boolean | undefined> {
  if (!syntheticPasteWorks) return void (await clipboardPaste(el, text));
  const event = clipboardEvent(text);
  inputOf(el).dispatchEvent(event);
  return event.defaultPrevented;
}

function autofill(el: OtpCodeField, text: string) {
  const input = inputOf(el);
  input.value = text;
  input.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }),
  );
}

async function formFixture(field = html`<otp-code-field></otp-code-field>`) {
  const submits: FormData[] = [];
  const form = await fixture<HTMLFormElement>(
    html`<form
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        submits.push(new FormData(e.target as HTMLFormElement));
      }}
    >
      ${field}<button>Verify</button>
    </form>`,
  );
  const el = form.querySelector('otp-code-field')!;
  await el.updateComplete;
  return { form, el, submits };
}

describe('otp-code-field', () => {
  describe('the input', () => {
    it('is one real input with the attributes SMS autofill and mobile keyboards need', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
      const input = inputOf(el);
      expect(input.type).to.equal('text');
      expect(input.inputMode).to.equal('numeric');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(input.name).to.equal('code');
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(input.getAttribute('autocapitalize')).to.equal('off');
      expect(input.getAttribute('pattern')).to.equal('[0-9]*');
      expect(input.dir).to.equal('ltr');
      expect(input.getAttribute('translate')).to.equal('no');
      expect(parseFloat(getComputedStyle(input).fontSize)).to.be.at.least(16);
    });

    it('keeps the code at 16px or more even when a smaller size is asked for', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field style="--otp-code-font-size: 10px" boxes></otp-code-field>`,
      );
      expect(parseFloat(getComputedStyle(inputOf(el)).fontSize)).to.be.at.least(16);
      expect(parseFloat(getComputedStyle(part(el, 'box')!).fontSize)).to.be.at.least(16);
    });

    it('is labelled inside the shadow root and delegates focus', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const input = inputOf(el);
      expect(input.labels![0].textContent).to.equal('Verification code');
      el.label = 'Code from the SMS';
      await el.updateComplete;
      expect(input.labels![0].textContent).to.equal('Code from the SMS');
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(input);
    });

    it('wires hint and error into aria-describedby, the error in an alert region', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field hint="We sent 6 digits to a…@example.com."></otp-code-field>`,
      );
      const input = inputOf(el);
      const described = () =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => el.shadowRoot!.getElementById(id)!.textContent);
      expect(described()).to.deep.equal(['We sent 6 digits to a…@example.com.']);
      expect(input.hasAttribute('aria-invalid')).to.be.false;

      el.error = 'That code is not right.';
      await el.updateComplete;
      expect(described()).to.deep.equal([
        'We sent 6 digits to a…@example.com.',
        'That code is not right.',
      ]);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.equal('That code is not right.');
    });

    it('renders error text as text, not markup', async () => {
      const markup = '<img src=x onerror=alert(1)>';
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field .error=${markup}></otp-code-field>`,
      );
      expect(part(el, 'error')!.textContent).to.equal(markup);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('clears the error when the member edits', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field error="Wrong code"></otp-code-field>`,
      );
      await typeInto(el, '1');
      expect(el.error).to.equal('');
      expect(inputOf(el).hasAttribute('aria-invalid')).to.be.false;
      expect(part(el, 'error')!.textContent).to.equal('');
    });

    it('keeps the error when the code is set from script', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field error="Wrong code"></otp-code-field>`,
      );
      el.value = '12';
      el.clear();
      await el.updateComplete;
      expect(el.error).to.equal('Wrong code');
    });
  });

  describe('typing', () => {
    it('takes typed digits and tells the host with sanitized values', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      await typeInto(el, '123');
      expect(el.value).to.equal('123');
      expect(inputOf(el).value).to.equal('123');
      expect(log.input).to.deep.equal(['1', '12', '123']);
    });

    it('drops typed non-digits without an input event and keeps the caret in place', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      await typeInto(el, '12a3 -');
      expect(el.value).to.equal('123');
      expect(log.input).to.deep.equal(['1', '12', '123']);

      const input = inputOf(el);
      input.setSelectionRange(1, 1);
      await type('x9');
      expect(el.value).to.equal('1923');
      expect(input.selectionStart).to.equal(2);
    });

    it('refuses another digit when full, like maxlength, instead of losing the last one', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field length="4"></otp-code-field>`);
      await typeInto(el, '12345');
      expect(el.value).to.equal('1234');
      inputOf(el).setSelectionRange(1, 1);
      await type('9');
      expect(el.value).to.equal('1234');
    });

    it('folds Arabic-Indic, Persian and full-width digits typed on a phone keyboard', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      autofill(el, '١٢٣');
      expect(el.value).to.equal('123');
      inputOf(el).focus();
      inputOf(el).setSelectionRange(3, 3);
      autofill(el, '123۴۵６');
      expect(el.value).to.equal('123456');
    });
  });

  describe('paste', () => {
    const variants: [string, string][] = [
      ['123 456', '123456'],
      ['123-456', '123456'],
      [' 123456\n', '123456'],
      ['Your code is 123456.', '123456'],
      ['Ref 12, code 654321, call 1234567', '654321'],
      ['1 2 3 4 5 6 7 8', '123456'],
      ['１２３４５６', '123456'],
      ['١٢٣٤٥٦', '123456'],
      ['۱۲۳۴۵۶', '123456'],
    ];
    for (const [text, expected] of variants) {
      it(`clipboard ${JSON.stringify(text)} → ${expected}`, async () => {
        const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
        const log = record(el);
        inputOf(el).focus();
        const prevented = await paste(el, text);
        if (prevented !== undefined) expect(prevented).to.be.true;
        expect(el.value).to.equal(expected);
        expect(inputOf(el).value).to.equal(expected);
        expect(log.input).to.deep.equal([expected]);
        expect(log.complete).to.deep.equal([expected]);
      });
    }

    it('a complete code replaces what was there; a partial one goes in at the caret', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const input = inputOf(el);
      await typeInto(el, '1256');
      input.setSelectionRange(2, 2);
      await paste(el, '3-4');
      expect(el.value).to.equal('123456');
      await sendKeys({ press: 'Backspace' });
      await paste(el, 'code: 987654');
      expect(el.value).to.equal('987654');
    });

    it('works through the real clipboard (Ctrl+C, Ctrl+V)', async function () {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      // The WebDriver that drives WebKit here sends no key chords (only "press" and "type");
      // WebKit's paste path is covered by the dispatched ClipboardEvent tests above.
      if (/^(?!.*(Chrome|Firefox)).*AppleWebKit/.test(navigator.userAgent)) this.skip();
      inputOf(el).focus();
      await clipboardPaste(el, 'Your code is 123 456.');
      expect(el.value).to.equal('123456');
      expect(log.complete).to.deep.equal(['123456']);
    });

    it('takes beforeinput insertFromPaste with a dataTransfer or with data', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const input = inputOf(el);
      input.focus();
      const dataTransfer = new DataTransfer();
      dataTransfer.setData('text/plain', 'Your code: 111 222');
      const withTransfer = new InputEvent('beforeinput', {
        inputType: 'insertFromPaste',
        dataTransfer,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      input.dispatchEvent(withTransfer);
      // WebKit drops `dataTransfer` from InputEventInit; its own paste beforeinput carries `data`.
      if (withTransfer.dataTransfer) {
        expect(withTransfer.defaultPrevented).to.be.true;
        expect(el.value).to.equal('111222');
      }

      input.select();
      const withData = new InputEvent('beforeinput', {
        inputType: 'insertFromPaste',
        data: '333-444',
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      input.dispatchEvent(withData);
      expect(el.value).to.equal('333444');
    });
  });

  describe('autofill (bulk input)', () => {
    it('takes a whole code set at once and completes', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      autofill(el, '123456');
      expect(el.value).to.equal('123456');
      expect(log.input).to.deep.equal(['123456']);
      expect(log.complete).to.deep.equal(['123456']);
    });

    it('sanitizes an autofilled message before cutting it', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      autofill(el, 'Your code is 123456.');
      expect(el.value).to.equal('123456');
      expect(inputOf(el).value).to.equal('123456');
    });
  });

  describe('completion', () => {
    it('fires once on the transition to full length, and again after an edit completes it anew', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      await typeInto(el, '123456');
      expect(log.complete).to.deep.equal(['123456']);
      await type('7');
      el.requestUpdate();
      await el.updateComplete;
      expect(log.complete).to.have.length(1);

      await sendKeys({ press: 'Backspace' });
      expect(el.value).to.equal('12345');
      await type('9');
      expect(log.complete).to.deep.equal(['123456', '123459']);
    });

    it('does not fire when the value is set from script', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      el.value = '123456';
      await el.updateComplete;
      expect(inputOf(el).value).to.equal('123456');
      expect(log).to.deep.equal({ input: [], change: [], complete: [] });
    });

    it('submits the form it belongs to, with the code in the form data', async () => {
      const { el, submits } = await formFixture();
      await typeInto(el, '000123');
      expect(submits).to.have.length(1);
      expect(submits[0].get('code')).to.equal('000123');
    });

    it('does not submit when otp-code-complete is canceled', async () => {
      const { el, submits } = await formFixture();
      el.addEventListener('otp-code-complete', (e: OtpCodeCompleteEvent) => e.preventDefault());
      await typeInto(el, '123456');
      await aTimeout(0);
      expect(submits).to.have.length(0);
      expect(el.value).to.equal('123456');
    });

    it('fires change once when completed, and on blur after an edit', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const log = record(el);
      await typeInto(el, '123456');
      expect(log.change).to.deep.equal(['123456']);
      inputOf(el).blur();
      expect(log.change).to.have.length(1);
      inputOf(el).focus();
      await sendKeys({ press: 'Backspace' });
      inputOf(el).blur();
      expect(log.change).to.deep.equal(['123456', '12345']);
    });
  });

  describe('form association', () => {
    it('submits under its name and by Enter', async () => {
      const { el, submits } = await formFixture(
        html`<otp-code-field name="otp" length="4"></otp-code-field>`,
      );
      await typeInto(el, '12');
      await sendKeys({ press: 'Enter' });
      // An incomplete code does not pass constraint validation.
      expect(submits).to.have.length(0);
      el.addEventListener('otp-code-complete', (e) => e.preventDefault());
      await type('34');
      expect(submits).to.have.length(0);
      await sendKeys({ press: 'Enter' });
      expect(submits).to.have.length(1);
      expect(submits[0].get('otp')).to.equal('1234');
    });

    it('reports valueMissing when required and empty, tooShort when partial', async () => {
      const { form, el } = await formFixture(html`<otp-code-field required></otp-code-field>`);
      expect(form.checkValidity()).to.be.false;
      expect(el.validity!.valueMissing).to.be.true;
      expect(el.validationMessage).to.equal('Enter the 6-digit code.');
      el.value = '123';
      expect(el.validity!.valueMissing).to.be.false;
      expect(el.validity!.tooShort).to.be.true;
      expect(el.validationMessage).to.equal('The code has 6 digits; you entered 3.');
      el.value = '123456';
      expect(el.checkValidity()).to.be.true;
      expect(form.checkValidity()).to.be.true;
    });

    it('is valid empty when not required, and localizes its message', async () => {
      const { el } = await formFixture();
      expect(el.checkValidity()).to.be.true;
      el.incompleteMessage = (length, entered) => `${entered}/${length}`;
      el.value = '12';
      expect(el.validationMessage).to.equal('2/6');
    });

    it('resets with the form', async () => {
      const { form, el } = await formFixture(html`<otp-code-field error="Wrong"></otp-code-field>`);
      await typeInto(el, '123');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(inputOf(el).value).to.equal('');
      expect(new FormData(form).get('code')).to.equal('');
    });

    it('is disabled by a disabled fieldset and left out of the form data', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset disabled><otp-code-field value="12"></otp-code-field></fieldset>
        </form>`,
      );
      const el = form.querySelector('otp-code-field')!;
      await el.updateComplete;
      expect(inputOf(el).disabled).to.be.true;
      expect(new FormData(form).has('code')).to.be.false;
      form.querySelector('fieldset')!.disabled = false;
      await el.updateComplete;
      expect(inputOf(el).disabled).to.be.false;
      expect(new FormData(form).get('code')).to.equal('12');
    });

    it('sanitizes values set from script and cuts them when the length shrinks', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      el.value = '12 34-56 78';
      expect(el.value).to.equal('123456');
      el.length = 4;
      await el.updateComplete;
      expect(el.value).to.equal('1234');
      expect(inputOf(el).value).to.equal('1234');
    });
  });

  describe('disabled and read-only', () => {
    it('can be typed in again once disabled is turned off', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      const input = el.shadowRoot!.querySelector('input')!;
      el.disabled = true;
      await waitUntil(() => input.disabled, 'disabled');
      el.disabled = false;
      await waitUntil(() => !input.disabled, 'enabled again');
      el.focus();
      await sendKeys({ type: '12' });
      expect(el.value).to.equal('12');
    });

    it('keeps its value, focusable, while read-only', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field value="12" readonly></otp-code-field>`,
      );
      el.focus();
      await sendKeys({ type: '3' });
      expect(el.value).to.equal('12');
      expect(el.shadowRoot!.activeElement?.id).to.equal('input');
    });

    it('draws its hint in --otp-color-muted', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field
          hint="Six digits"
          style="--otp-color-muted: rgb(1, 2, 3)"
        ></otp-code-field>`,
      );
      const hint = el.shadowRoot!.querySelector('[part=hint]')!;
      expect(getComputedStyle(hint).color).to.equal('rgb(1, 2, 3)');
    });
  });

  describe('boxes', () => {
    it('are decorative parts under the real input, which is transparent but not invisible', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field boxes value="12"></otp-code-field>`,
      );
      const row = part(el, 'boxes')!;
      expect(row.getAttribute('aria-hidden')).to.equal('true');
      const boxes = el.shadowRoot!.querySelectorAll('[part~="box"]');
      expect(boxes).to.have.length(6);
      expect([...boxes].map((b) => b.textContent)).to.deep.equal(['1', '2', '', '', '', '']);
      expect(el.shadowRoot!.querySelectorAll('[part~="box-filled"]')).to.have.length(2);
      expect(part(el, 'box-active')).to.equal(null);

      const input = inputOf(el);
      const style = getComputedStyle(input);
      expect(style.opacity).to.equal('1');
      expect(style.position).to.equal('absolute');
      expect(style.color).to.match(/rgba\(0, 0, 0, 0\)|transparent/);
      const box = input.getBoundingClientRect();
      const hit = el.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      expect(hit).to.equal(input);
    });

    it('mark the box at the caret as active while focused', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field boxes length="4"></otp-code-field>`,
      );
      await typeInto(el, '12');
      const active = () =>
        [...el.shadowRoot!.querySelectorAll('[part~="box"]')].indexOf(part(el, 'box-active')!);
      expect(active()).to.equal(2);
      await type('34');
      expect(active()).to.equal(3);
      inputOf(el).blur();
      await el.updateComplete;
      expect(part(el, 'box-active')).to.equal(null);
    });

    it('move the active box back to the first one when the field is cleared', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field boxes></otp-code-field>`);
      await typeInto(el, '123456');
      const boxes = () => [...el.shadowRoot!.querySelectorAll('[part~="box"]')];
      expect(boxes().indexOf(part(el, 'box-active')!)).to.equal(5);
      el.clear();
      await waitUntil(() => boxes().indexOf(part(el, 'box-active')!) === 0, 'box 1 active');
      expect(el.shadowRoot!.querySelectorAll('[part~="box-active"]')).to.have.length(1);
      await type('7');
      expect(boxes().map((b) => b.textContent)).to.deep.equal(['7', '', '', '', '', '']);
      expect(boxes().indexOf(part(el, 'box-active')!)).to.equal(1);
    });
  });

  describe('styling', () => {
    it('takes the --otp-* custom properties', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field
          error="Wrong"
          style="--otp-color-error: rgb(1, 2, 3); --otp-color-surface: rgb(4, 5, 6); --otp-radius: 3px"
        ></otp-code-field>`,
      );
      const input = getComputedStyle(inputOf(el));
      expect(getComputedStyle(part(el, 'error')!).color).to.equal('rgb(1, 2, 3)');
      expect(input.borderTopColor).to.equal('rgb(1, 2, 3)');
      expect(input.backgroundColor).to.equal('rgb(4, 5, 6)');
      expect(input.borderTopLeftRadius).to.equal('3px');
    });

    it('shows a focus ring on the input, or on the active box', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      inputOf(el).focus();
      expect(getComputedStyle(inputOf(el)).outlineStyle).to.equal('solid');
      el.boxes = true;
      await el.updateComplete;
      inputOf(el).blur();
      inputOf(el).focus();
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'box-active')!).outlineStyle).to.equal('solid');
    });

    it('keeps digits left to right in a right-to-left page', async () => {
      const page = await fixture<HTMLElement>(
        html`<div dir="rtl"><otp-code-field boxes value="12"></otp-code-field></div>`,
      );
      const el = page.querySelector('otp-code-field')!;
      await el.updateComplete;
      const [first, second] = el.shadowRoot!.querySelectorAll('[part~="box"]');
      expect(first.getBoundingClientRect().left).to.be.below(second.getBoundingClientRect().left);
      expect(getComputedStyle(inputOf(el)).direction).to.equal('ltr');
    });

    it('follows the color scheme and stops the caret blink for reduced motion', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field boxes error="Wrong"></otp-code-field>`,
      );
      inputOf(el).focus();
      await el.updateComplete;
      const check = () => {
        const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
        const dark = matchMedia('(prefers-color-scheme: dark)').matches;
        const caret = getComputedStyle(part(el, 'box-active')!, '::after').animationName;
        expect(caret).to.equal(reduce ? 'none' : 'blink');
        expect(getComputedStyle(part(el, 'error')!).color).to.equal(
          dark ? 'rgb(255, 138, 128)' : 'rgb(198, 40, 40)',
        );
      };
      check();
      // Only the Chromium driver here can emulate media features; the others check their own.
      if (!/Chrome/.test(navigator.userAgent)) return;
      try {
        await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
        check();
        await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
        check();
      } finally {
        await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
      }
    });
  });

  describe('accessibility', () => {
    it('is accessible empty', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible with hint and error', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field hint="6 digits" error="That code is not right."></otp-code-field>`,
      );
      await expect(el).to.be.accessible();
    });

    it('is accessible with boxes', async () => {
      const el = await fixture<OtpCodeField>(
        html`<otp-code-field boxes value="123" error="Wrong"></otp-code-field>`,
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('WebOTP', () => {
    type Request = CredentialRequestOptions & {
      otp?: { transport: string[] };
      signal: AbortSignal;
    };
    let requests: Request[];
    let answer: (code: string) => void;
    let fail: (error: Error) => void;
    let restore: () => void;

    beforeEach(() => {
      requests = [];
      const w = window as unknown as Record<string, unknown>;
      const hadCredential = 'OTPCredential' in window;
      if (!hadCredential) w.OTPCredential = class {};
      // WebKitGTK has no navigator.credentials at all.
      const hadContainer = !!navigator.credentials;
      if (!hadContainer)
        Object.defineProperty(navigator, 'credentials', { configurable: true, value: {} });
      const container = navigator.credentials;
      Object.defineProperty(container, 'get', {
        configurable: true,
        value: (request: Request) => {
          requests.push(request);
          return new Promise((resolve, reject) => {
            answer = (code) => resolve({ type: 'otp', id: '', code });
            fail = reject;
            request.signal.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          });
        },
      });
      restore = () => {
        delete (container as unknown as Record<string, unknown>).get;
        if (!hadContainer) delete (navigator as unknown as Record<string, unknown>).credentials;
        if (!hadCredential) delete w.OTPCredential;
      };
    });
    afterEach(() => restore());

    it('asks for an SMS code when connected, fills it, completes and submits', async () => {
      const { el, submits } = await formFixture();
      const log = record(el);
      await waitUntil(() => requests.length === 1, 'WebOTP not requested');
      expect(requests[0].otp).to.deep.equal({ transport: ['sms'] });
      answer('246810');
      await waitUntil(() => el.value === '246810', 'code not filled');
      expect(inputOf(el).value).to.equal('246810');
      expect(log.complete).to.deep.equal(['246810']);
      expect(submits).to.have.length(1);
      expect(submits[0].get('code')).to.equal('246810');
    });

    it('aborts on disconnect, without an unhandled rejection', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
      window.addEventListener('unhandledrejection', onUnhandled);
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      await waitUntil(() => requests.length === 1);
      el.remove();
      expect(requests[0].signal.aborted).to.be.true;
      await aTimeout(20);
      window.removeEventListener('unhandledrejection', onUnhandled);
      expect(unhandled).to.deep.equal([]);
    });

    it('aborts when the member completes the code by typing, and on submit', async () => {
      const { el } = await formFixture();
      await waitUntil(() => requests.length === 1);
      el.addEventListener('otp-code-complete', (e) => e.preventDefault());
      await typeInto(el, '123456');
      expect(requests[0].signal.aborted).to.be.true;

      el.clear();
      await waitUntil(() => requests.length === 2, 'clear() did not listen again');
      expect(requests[1].signal.aborted).to.be.false;
      el.form!.requestSubmit();
      expect(requests[1].signal.aborted).to.be.true;
    });

    it('swallows a rejection and leaves the field usable', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
      await waitUntil(() => requests.length === 1);
      fail(new DOMException('dismissed', 'NotAllowedError'));
      await aTimeout(0);
      await typeInto(el, '12');
      expect(el.value).to.equal('12');
    });

    it('is not used with no-web-otp', async () => {
      const el = await fixture<OtpCodeField>(html`<otp-code-field no-web-otp></otp-code-field>`);
      await el.updateComplete;
      await aTimeout(10);
      expect(el.noWebOtp).to.be.true;
      expect(requests).to.have.length(0);
    });
  });
});
