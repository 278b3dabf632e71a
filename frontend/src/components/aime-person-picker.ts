// The panel header's person picker: "Everyone" or one person (picture, else initials), as Home
// Assistant's own header pickers look. It says which was chosen (`person-changed`); the panel keeps
// the choice in the URL.
import { mdiAccountGroup, mdiMenuDown } from "@mdi/js";
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { initials, type Person } from "../data/people";
import { define } from "../define";
import { localize } from "../i18n";
import type { HomeAssistant } from "../types";

export type PersonChanged = CustomEvent<{ person: string | undefined }>;

export class AimePersonPicker extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) people: Person[] = [];
  /** The chosen person's entity id; absent for everyone. */
  @property({ attribute: false }) person?: string;
  @property({ type: Boolean, reflect: true }) narrow = false;
  @state() private open = false;

  static styles = css`
    :host {
      position: relative;
      display: inline-flex;
    }
    button {
      font: inherit;
      color: inherit;
      background: none;
      border: none;
      cursor: pointer;
    }
    .current {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      padding: 4px 4px 4px 6px;
      border-radius: 18px;
      min-height: 36px;
    }
    .current:hover,
    .current:focus-visible {
      background: rgba(127, 127, 127, 0.2);
    }
    :host([narrow]) .current .name {
      display: none;
    }
    .avatar {
      width: 28px;
      height: 28px;
      border-radius: 50%;
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      overflow: hidden;
      font-size: 12px;
      font-weight: 500;
      background: var(--secondary-background-color, rgba(127, 127, 127, 0.25));
      color: var(--primary-text-color);
    }
    .avatar img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    svg {
      width: 20px;
      height: 20px;
      fill: currentColor;
    }
    [role="listbox"] {
      position: absolute;
      right: 0;
      top: calc(100% + 4px);
      z-index: 5;
      min-width: 200px;
      max-height: 60vh;
      overflow-y: auto;
      margin: 0;
      padding: 4px 0;
      list-style: none;
      background: var(--card-background-color, #fff);
      color: var(--primary-text-color);
      border-radius: 8px;
      box-shadow: var(--ha-card-box-shadow, 0 2px 8px rgba(0, 0, 0, 0.3));
    }
    [role="option"] {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 8px 16px;
      text-align: start;
    }
    [role="option"]:hover,
    [role="option"]:focus-visible {
      background: rgba(127, 127, 127, 0.15);
    }
    [role="option"][aria-selected="true"] {
      color: var(--primary-color);
      font-weight: 500;
    }
  `;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  /** The chosen person, also when a link names one AIME does not list (its state's name then). */
  private get chosen(): Person | undefined {
    if (!this.person) return undefined;
    const listed = this.people.find((person) => person.entity_id === this.person);
    if (listed) return listed;
    const state = this.hass?.states[this.person];
    return { entity_id: this.person, name: state?.attributes.friendly_name ?? this.person, picture: null };
  }

  render() {
    const chosen = this.chosen;
    const name = chosen?.name ?? localize(this.hass, "panel.person.everyone");
    const label = localize(this.hass, "panel.person.current", { name });
    return html`
      <button
        class="current"
        data-testid="person-picker"
        data-person=${chosen?.entity_id ?? ""}
        aria-haspopup="listbox"
        aria-expanded=${this.open ? "true" : "false"}
        aria-label=${label}
        title=${label}
        @click=${this.toggle}
      >
        ${this.avatar(chosen)}<span class="name">${name}</span>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiMenuDown} /></svg>
      </button>
      ${this.open ? this.renderList(chosen) : nothing}
    `;
  }

  private renderList(chosen: Person | undefined): TemplateResult {
    const people = chosen && !this.people.includes(chosen) ? [...this.people, chosen] : this.people;
    return html`<div role="listbox" aria-label=${localize(this.hass, "panel.person.label")} @keydown=${this.onKey}>
      ${this.option(undefined, localize(this.hass, "panel.person.everyone"), !chosen)}
      ${people.map((person) => this.option(person, person.name, person.entity_id === chosen?.entity_id))}
    </div>`;
  }

  private option(person: Person | undefined, name: string, selected: boolean): TemplateResult {
    return html`<button
      role="option"
      data-testid="person-option"
      data-person=${person?.entity_id ?? ""}
      aria-selected=${selected ? "true" : "false"}
      @click=${() => this.choose(person?.entity_id)}
    >
      ${this.avatar(person)}<span>${name}</span>
    </button>`;
  }

  private avatar(person: Person | undefined): TemplateResult {
    if (!person) {
      return html`<span class="avatar" aria-hidden="true"
        ><svg viewBox="0 0 24 24"><path d=${mdiAccountGroup} /></svg
      ></span>`;
    }
    return html`<span class="avatar" aria-hidden="true"
      >${person.picture ? html`<img src=${person.picture} alt="" />` : initials(person.name)}</span
    >`;
  }

  private toggle = (): void => {
    if (this.open) return this.close();
    this.open = true;
    document.addEventListener("click", this.onOutsideClick, true);
    void this.updateComplete.then(() => {
      const selected = this.renderRoot.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
      selected?.focus();
    });
  };

  private close(): void {
    this.open = false;
    document.removeEventListener("click", this.onOutsideClick, true);
  }

  private onOutsideClick = (event: MouseEvent): void => {
    if (!event.composedPath().includes(this)) this.close();
  };

  /** Up and down move between the options; Escape closes the list. */
  private onKey = (event: KeyboardEvent): void => {
    const options = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="option"]')];
    const at = options.indexOf(this.renderRoot.querySelector(":focus") as HTMLElement);
    if (event.key === "Escape") {
      this.close();
      this.renderRoot.querySelector<HTMLElement>(".current")?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      options[(at + step + options.length) % options.length]?.focus();
    }
  };

  private choose(person: string | undefined): void {
    this.close();
    if (person === this.person) return;
    this.dispatchEvent(new CustomEvent("person-changed", { detail: { person }, bubbles: true, composed: true }));
  }
}

define("aime-person-picker", AimePersonPicker);
