// Chooses a period: the last 7, 30 or 365 days, all time, or a custom range of local dates.
import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { addDays, isIsoDay, todayIso } from "../dates";
import { define } from "../define";
import { localize } from "../i18n";
import type { HomeAssistant } from "../types";
import "./aime-date-input";
import type { AimeDateInput } from "./aime-date-input";
import { sharedStyles } from "./styles";

export type PeriodWindow = "7d" | "30d" | "365d" | "all" | "custom";

export interface Period {
  window: PeriodWindow;
  first_day?: string; // Absent for "all": since the first play.
  last_day: string;
}

const WINDOWS: PeriodWindow[] = ["7d", "30d", "365d", "all", "custom"];
const WINDOW_DAYS: Record<string, number> = { "7d": 7, "30d": 30, "365d": 365 };

/** The dates of a preset window ending today. */
export function periodOf(hass: HomeAssistant, window: PeriodWindow, current?: Period): Period {
  const today = todayIso(hass);
  if (window === "custom") {
    return { window, first_day: current?.first_day ?? addDays(today, -29), last_day: current?.last_day ?? today };
  }
  if (window === "all") return { window, last_day: today };
  return { window, first_day: addDays(today, 1 - WINDOW_DAYS[window]), last_day: today };
}

export class AimePeriodPicker extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) period?: Period;
  /** The choices offered (a dashboard card offers the presets only). */
  @property({ attribute: false }) windows: PeriodWindow[] = WINDOWS;

  static styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .windows {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 4px;
      }
      button[aria-pressed="true"] {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border-color: var(--primary-color);
      }
      label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
      }
    `,
  ];

  render() {
    const period = this.period ?? periodOf(this.hass, "30d");
    return html`
      <div class="windows" role="group">
        ${this.windows.map(
          (window) => html`<button
            data-testid="period-${window}"
            part="window"
            aria-pressed=${period.window === window ? "true" : "false"}
            @click=${() => this.change(periodOf(this.hass, window, period))}
          >
            ${localize(this.hass, `common.window.${window}`)}
          </button>`,
        )}
      </div>
      ${period.window === "custom"
        ? html`<label
              >${localize(this.hass, "common.from")}
              <aime-date-input
                data-testid="period-first"
                .hass=${this.hass}
                label=${localize(this.hass, "common.from")}
                .value=${period.first_day ?? ""}
                max=${period.last_day}
                @change=${(event: Event) => this.setDay(period, "first_day", event)}
              ></aime-date-input
            ></label>
            <label
              >${localize(this.hass, "common.to")}
              <aime-date-input
                data-testid="period-last"
                .hass=${this.hass}
                label=${localize(this.hass, "common.to")}
                .value=${period.last_day}
                min=${period.first_day ?? ""}
                @change=${(event: Event) => this.setDay(period, "last_day", event)}
              ></aime-date-input
            ></label>`
        : ""}
    `;
  }

  private setDay(period: Period, side: "first_day" | "last_day", event: Event) {
    const value = (event.target as AimeDateInput).value;
    if (!isIsoDay(value)) return;
    const next = { ...period, [side]: value };
    if (next.first_day && next.first_day > next.last_day) return;
    this.change(next);
  }

  private change(period: Period) {
    this.period = period;
    this.dispatchEvent(new CustomEvent("period-changed", { detail: period, bubbles: true, composed: true }));
  }
}

define("aime-period-picker", AimePeriodPicker);
