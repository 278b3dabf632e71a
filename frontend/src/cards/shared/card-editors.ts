// The cards' visual editors: plain inputs and selects that fire `config-changed` with the new options.
import { LitElement, css, html, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { formStyles, sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { localize } from "../../i18n";
import type { HomeAssistant, LovelaceCardConfig } from "../../types";
import { RECENT_COUNT, STATS_PERIODS, TOP_COUNT, TOP_KINDS } from "./card-config";

abstract class AimeCardEditor extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;
  @state() protected config: LovelaceCardConfig = { type: "" };

  static styles = [
    sharedStyles,
    formStyles,
    css`
      .editor {
        display: grid;
        gap: 12px;
      }
      label.check {
        flex-direction: row;
        align-items: center;
        gap: 8px;
        color: var(--primary-text-color);
        font-size: 1rem;
      }
      label.check input {
        width: 18px;
        height: 18px;
        min-height: 0;
      }
    `,
  ];

  setConfig(config: LovelaceCardConfig): void {
    this.config = { ...config };
  }

  protected t(key: string, vars?: Record<string, string | number>): string {
    return localize(this.hass, key, vars);
  }

  /** Sets one option (removed when empty) and tells the dashboard. */
  protected change(option: string, value: unknown): void {
    const config: LovelaceCardConfig = { ...this.config, [option]: value };
    if (value === "" || value === undefined) delete config[option];
    this.config = config;
    this.dispatchEvent(new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }));
  }

  protected text(option: string, label: string, placeholder: string): TemplateResult {
    return html`<label
      >${label}
      <input
        data-testid="editor-${option}"
        .value=${String(this.config[option] ?? "")}
        placeholder=${placeholder}
        @change=${(event: Event) => this.change(option, (event.target as HTMLInputElement).value)}
    /></label>`;
  }

  protected number(option: string, label: string, bounds: { min: number; max: number; default: number }) {
    return html`<label
      >${label}
      <input
        type="number"
        inputmode="numeric"
        data-testid="editor-${option}"
        min=${bounds.min}
        max=${bounds.max}
        .value=${String(this.config[option] ?? bounds.default)}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const value = Math.round(Number(input.value));
          // Out of bounds: brought back within them rather than breaking the card.
          const clamped = Number.isFinite(value) ? Math.min(bounds.max, Math.max(bounds.min, value)) : bounds.default;
          input.value = String(clamped);
          this.change(option, clamped);
        }}
    /></label>`;
  }

  protected select(option: string, label: string, choices: readonly string[], fallback: string, prefix: string) {
    const current = String(this.config[option] ?? fallback);
    return html`<label
      >${label}
      <select
        data-testid="editor-${option}"
        .value=${current}
        @change=${(event: Event) => this.change(option, (event.target as HTMLSelectElement).value)}
      >
        ${choices.map((choice) => html`<option value=${choice} ?selected=${choice === current}>${this.t(`${prefix}${choice}`)}</option>`)}
      </select></label
    >`;
  }

  protected checkbox(option: string, label: string) {
    return html`<label class="check"
      ><input
        type="checkbox"
        data-testid="editor-${option}"
        .checked=${this.config[option] !== false}
        @change=${(event: Event) => this.change(option, (event.target as HTMLInputElement).checked)}
      />${label}</label
    >`;
  }
}

export class AimeStatsCardEditor extends AimeCardEditor {
  render() {
    return html`<div class="editor" data-testid="aime-stats-card-editor">
      ${this.text("title", this.t("cards.editor.title"), this.t("cards.stats.default_title"))}
      ${this.select("period", this.t("cards.editor.period"), STATS_PERIODS, "30d", "common.window.")}
      ${this.select("top", this.t("cards.editor.top"), TOP_KINDS, "artists", "cards.stats.top_")}
      ${this.number("top_count", this.t("cards.editor.top_count"), TOP_COUNT)}
      ${this.checkbox("show_chart", this.t("cards.editor.show_chart"))}
    </div>`;
  }
}

export class AimeRecentCardEditor extends AimeCardEditor {
  render() {
    return html`<div class="editor" data-testid="aime-recent-card-editor">
      ${this.text("title", this.t("cards.editor.title"), this.t("cards.recent.default_title"))}
      ${this.number("count", this.t("cards.editor.count"), RECENT_COUNT)}
      ${this.checkbox("show_now_playing", this.t("cards.editor.show_now_playing"))}
    </div>`;
  }
}

define("aime-stats-card-editor", AimeStatsCardEditor);
define("aime-recent-card-editor", AimeRecentCardEditor);
