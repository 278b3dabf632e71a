// A day typed and shown as the user writes dates in their Home Assistant profile ("07/12/2026" in
// French), with a calendar button. The browser's own date field shows the browser's format (a French
// user on an English browser would see mm/dd/yyyy), and Home Assistant's date picker is loaded lazily
// and changes between versions: this field depends on neither.
//
// Used like an <input type="date">: `value`, `min` and `max` are ISO days ("2026-12-07", "" for
// none), and a `change` event says the value changed (read `event.target.value`).
import { mdiCalendar } from "@mdi/js";
import { LitElement, css, html } from "lit";
import { property, query } from "lit/decorators.js";
import { dayLayout, formatDayNumeric, parseDayNumeric } from "../dates";
import { define } from "../define";
import { localize } from "../i18n";
import type { HomeAssistant } from "../types";

const FIELD_KEY: Record<string, string> = { D: "common.date.day", M: "common.date.month", Y: "common.date.year" };

export class AimeDateInput extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;
  @property() value = "";
  @property() min = "";
  @property() max = "";
  /** The field's accessible name (the text next to it is outside this element's shadow root). */
  @property() label = "";
  @query("input[type=text]") private textField!: HTMLInputElement;
  @query("input[type=date]") private calendar!: HTMLInputElement;

  static styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      box-sizing: border-box;
      min-height: 36px;
      max-width: 100%;
      background: var(--card-background-color, #fff);
      border: 1px solid var(--divider-color, #ccc);
      border-radius: 8px;
      position: relative;
    }
    input[type="text"] {
      font: inherit;
      color: var(--primary-text-color);
      background: none;
      border: none;
      padding: 6px 0 6px 10px;
      width: 11ch;
      min-width: 0;
      flex: 1;
    }
    input[type="text"]:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
      border-radius: 4px;
    }
    button {
      display: inline-flex;
      background: none;
      border: none;
      padding: 6px;
      color: var(--secondary-text-color);
      cursor: pointer;
    }
    svg {
      width: 20px;
      height: 20px;
      fill: currentColor;
    }
    /* The browser's picker opens from here; the field itself is never shown. */
    input[type="date"] {
      position: absolute;
      right: 0;
      bottom: 0;
      width: 1px;
      height: 1px;
      opacity: 0;
      border: 0;
      padding: 0;
      pointer-events: none;
    }
  `;

  protected updated(changed: Map<string, unknown>): void {
    // The text follows the value set from outside, and the user's date format (through hass).
    if (changed.has("value") || changed.has("hass")) {
      if (parseDayNumeric(this.hass, this.textField.value) !== this.value) {
        this.textField.value = formatDayNumeric(this.hass, this.value);
      }
    }
  }

  render() {
    const layout = dayLayout(this.hass);
    const pattern = [...layout.order].map((letter) => localize(this.hass, FIELD_KEY[letter])).join(layout.separator);
    return html`<input
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-label=${this.label || pattern}
        placeholder=${pattern}
        @input=${this.onInput}
        @change=${this.onTextChange}
        @keydown=${(event: KeyboardEvent) => event.key === "Enter" && this.onTextChange()}
      /><button
        type="button"
        aria-label=${localize(this.hass, "common.date.open_calendar")}
        title=${localize(this.hass, "common.date.open_calendar")}
        @click=${this.openCalendar}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiCalendar} /></svg></button
      ><input
        type="date"
        tabindex="-1"
        aria-hidden="true"
        .value=${this.value}
        min=${this.min}
        max=${this.max}
        @change=${() => this.commit(this.calendar.value)}
      />`;
  }

  /**
   * A whole day commits as it is typed; a partial one waits (its year may still be growing). Like the
   * browser's date field, min and max bound the calendar, not what is typed: the views check the days.
   */
  private onInput(): void {
    const day = parseDayNumeric(this.hass, this.textField.value);
    if (day) this.commit(day);
  }

  /** Leaving the field: an empty one clears the value, an unreadable one gets the value back. */
  private onTextChange(): void {
    const text = this.textField.value.trim();
    const day = parseDayNumeric(this.hass, text);
    if (!text) this.commit("");
    else if (day) this.commit(day);
    else this.textField.value = formatDayNumeric(this.hass, this.value);
  }

  private openCalendar(): void {
    try {
      this.calendar.showPicker();
    } catch {
      // Browsers without showPicker (or refusing it): the typed field still works.
      this.textField.focus();
    }
  }

  private commit(day: string): void {
    if (day === this.value) return;
    this.value = day;
    this.textField.value = formatDayNumeric(this.hass, day);
    this.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

define("aime-date-input", AimeDateInput);

declare global {
  interface HTMLElementTagNameMap {
    "aime-date-input": AimeDateInput;
  }
}
