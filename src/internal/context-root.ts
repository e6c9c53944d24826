import { ContextRoot } from '@lit/context';

// Markup parsed before the elements are defined (the usual `<script type="module">` case) may
// upgrade a flow element before its <otp-auth-provider>: the root keeps the element's context
// request and replays it once the provider appears. One root per document, whatever the order.
const ATTACHED = Symbol.for('otp-auth-elements.context-root');
const doc = globalThis.document as (Document & { [ATTACHED]?: true }) | undefined;
if (doc && !doc[ATTACHED]) {
  doc[ATTACHED] = true;
  new ContextRoot().attach(doc.documentElement);
}
