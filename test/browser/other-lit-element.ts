/** A second copy of Lit on the partner page, as another vendor's widget would bring (bundled by the test). */
import { html, LitElement } from 'lit'

/** Renders one line, proving its own Lit copy still works next to ours. */
export class OtherLitElement extends LitElement {
  protected override render() {
    return html`<p>other lit element</p>`
  }
}

if (!customElements.get('other-lit-element')) customElements.define('other-lit-element', OtherLitElement)
