// The end of a paged list: asks for the next page when it scrolls into view (endless scroll), and
// offers a button doing the same for keyboards and for screens where it never scrolls into view.
import { LitElement, css, html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../define";
import { sharedStyles } from "./styles";

export class AimeLoadMore extends LitElement {
  /** Whether more pages exist; without them the element shows nothing. */
  @property({ type: Boolean }) more = false;
  /** A page is being fetched: no new request, a busy button. */
  @property({ type: Boolean }) busy = false;
  @property() label = "";

  private observer?: IntersectionObserver;
  private visible = false;

  static styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        justify-content: center;
        padding: 16px 0 8px;
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    // Ask a little before the end shows, so the next page is there as the user gets to it.
    this.observer = new IntersectionObserver(
      (entries) => {
        this.visible = entries.some((entry) => entry.isIntersecting);
        this.maybeAsk();
      },
      { rootMargin: "0px 0px 400px 0px" },
    );
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected updated(changed: Map<string, unknown>): void {
    // A page landed: observing afresh reports whether the end is still in view (a tall screen)
    // once the new rows are laid out; the last report may predate them.
    if ((changed.has("busy") || changed.has("more")) && this.observer) {
      this.visible = false;
      this.observer.unobserve(this);
      this.observer.observe(this);
    }
  }

  private maybeAsk(): void {
    if (this.visible && this.more && !this.busy) this.ask();
  }

  private ask(): void {
    this.dispatchEvent(new CustomEvent("aime-load-more", { bubbles: true, composed: true }));
  }

  render() {
    if (!this.more) return nothing;
    return html`<button data-testid="load-more" ?disabled=${this.busy} @click=${() => this.ask()}>
      ${this.label}
    </button>`;
  }
}

define("aime-load-more", AimeLoadMore);
