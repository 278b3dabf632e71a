// What both cards' visual editors share: Home Assistant's own form (ha-form) drawn from a schema, as
// the editors of HA's cards are, labelled from AIME's translations. The form shows the defaults; only
// what the user changes goes out as `config-changed`, a count brought back within its bounds rather
// than breaking the card.
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { localize } from "../../i18n";
import type { HomeAssistant, LovelaceCardConfig } from "../../types";
import { loadHaForm } from "./load-ha-form";

/** One field of an ha-form schema: the option it edits and Home Assistant's selector for it. */
export interface HaFormField {
  name: string;
  /** A required select has no clear button (the option always has a value, its default at least). */
  required?: boolean;
  selector:
    | { text: Record<string, never> }
    | { boolean: Record<string, never> }
    | { number: { min: number; max: number; mode: "box" | "slider" } }
    | { entity: { filter: { domain: string } } }
    | { select: { mode: "dropdown" | "list"; options: { value: string; label: string }[] } };
}

export abstract class AimeCardEditor<Config extends LovelaceCardConfig> extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;
  /** The config as the dashboard holds it, and as the form shows it (with the defaults). */
  @state() private config?: LovelaceCardConfig;
  @state() private shown?: Config;
  @state() private formLoaded = Boolean(customElements.get("ha-form"));

  static styles = css`
    :host {
      display: block;
    }
  `;

  /** The card's check: a config the form cannot show throws, and HA offers the YAML editor instead. */
  protected abstract readonly check: (hass: HomeAssistant | undefined, raw: unknown) => Config;
  protected abstract readonly schema: (hass: HomeAssistant | undefined) => HaFormField[];
  /** The `data-testid` of the form's container. */
  protected abstract readonly testId: string;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.formLoaded) void loadHaForm().then(() => (this.formLoaded = true));
  }

  setConfig(config: LovelaceCardConfig): void {
    this.shown = this.check(this.hass, config);
    this.config = config;
  }

  render() {
    if (!this.hass || !this.shown || !this.formLoaded) return nothing;
    return html`<div data-testid=${this.testId}>
      <ha-form
        .hass=${this.hass}
        .data=${this.shown}
        .schema=${this.schema(this.hass)}
        .computeLabel=${(field: HaFormField) => localize(this.hass, `cards.editor.${field.name}`)}
        @value-changed=${this.onValueChanged}
      ></ha-form>
    </div>`;
  }

  private onValueChanged(event: CustomEvent<{ value: LovelaceCardConfig }>): void {
    const config: LovelaceCardConfig = { ...this.config! };
    for (const field of this.schema(this.hass)) {
      let value = event.detail.value[field.name];
      if (value === this.shown?.[field.name]) continue;
      if ("number" in field.selector && typeof value === "number") {
        const { min, max } = field.selector.number;
        value = Math.min(max, Math.max(min, Math.round(value)));
      }
      if (value === "" || value === undefined || value === null) delete config[field.name];
      else config[field.name] = value;
    }
    this.dispatchEvent(new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }));
  }
}

/** Choices of a select field, labelled from AIME's translations (`prefix` + value). */
/** The field of the `person` option: a person entity, none for everyone's plays. */
export const PERSON_FIELD: HaFormField = { name: "person", selector: { entity: { filter: { domain: "person" } } } };

export const selectOptions = (hass: HomeAssistant | undefined, values: readonly string[], prefix: string) =>
  values.map((value) => ({ value, label: localize(hass, `${prefix}${value}`) }));
