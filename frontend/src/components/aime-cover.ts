// An album cover from a same-origin URL the backend gives (never a third-party address), or a placeholder.
import { mdiAlbum } from "@mdi/js";
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { define } from "../define";

export class AimeCover extends LitElement {
  @property() src: string | null | undefined = null;
  @property() label = "";
  @property({ type: Number }) size = 48;
  /** Fills its container's width (square), for cover grids; `size` is then ignored. */
  @property({ type: Boolean, reflect: true }) fluid = false;
  @state() private failed = false;

  static styles = css`
    :host {
      display: inline-block;
      flex: none;
    }
    img,
    .placeholder {
      display: block;
      width: var(--aime-cover-size);
      height: var(--aime-cover-size);
      border-radius: 6px;
      object-fit: cover;
      background: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
    }
    :host([fluid]) {
      display: block;
      width: 100%;
    }
    :host([fluid]) img,
    :host([fluid]) .placeholder {
      width: 100%;
      height: auto;
      aspect-ratio: 1;
    }
    .placeholder {
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
    }
    svg {
      width: 50%;
      height: 50%;
      fill: currentColor;
      opacity: 0.6;
    }
  `;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("src")) this.failed = false;
    // Set once per size, not at every render: each write restyles the element.
    if (changed.has("size")) this.style.setProperty("--aime-cover-size", `${this.size}px`);
  }

  render() {
    const usable = this.src && this.src.startsWith("/") && !this.src.startsWith("//") && !this.failed;
    if (usable) {
      return html`<img
        src=${this.src!}
        alt=${this.label}
        width=${this.fluid ? nothing : this.size}
        height=${this.fluid ? nothing : this.size}
        loading="lazy"
        decoding="async"
        @error=${() => (this.failed = true)}
      />`;
    }
    return html`<div class="placeholder" role="img" aria-label=${this.label || nothing}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d=${mdiAlbum} />
      </svg>
    </div>`;
  }
}

define("aime-cover", AimeCover);
