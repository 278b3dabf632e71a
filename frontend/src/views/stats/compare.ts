// Two periods side by side (`aime/compare`): the chosen one against the previous period of the
// same length or another range, with the changes in plays, listening time and artists.
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { translatedError } from "../../data/errors";
import { fetchCompare, type Comparison, type PeriodSummary } from "../../data/stats";
import { sharedStyles } from "../../components/styles";
import "../../components/aime-date-input";
import type { AimeDateInput } from "../../components/aime-date-input";
import { isIsoDay } from "../../dates";
import { define } from "../../define";
import { formatDay, formatDuration, formatNumber, localize, type Vars } from "../../i18n";
import { artistPath, followLink } from "../../navigate";
import type { HomeAssistant } from "../../types";
import { playsText } from "./lists";
import { previousRange, type DayRange } from "./period";

const TOP = 5;
const TYPING_DELAY_MS = 300;

export class AimeStatsCompare extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  /** The chosen period's days; absent while they are not known yet. */
  @property({ attribute: false }) current?: DayRange;
  /** All time: there is no previous period, only another range. */
  @property({ type: Boolean }) allTime = false;
  @property({ attribute: false }) compareWith?: DayRange;
  /** Whose plays are compared (a `person.*` entity id); absent, everyone's. */
  @property({ attribute: false }) person?: string;
  /** Bumped by the view on live updates: fetch again, quietly. */
  @property({ type: Number }) revision = 0;

  @state() private result?: Comparison;
  @state() private error?: string;
  @state() private customMode = false;
  private request = 0;
  private typingTimer?: ReturnType<typeof setTimeout>;
  /** The range being typed, not chosen yet. */
  private typed?: DayRange;

  static styles = [
    sharedStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        margin-bottom: 12px;
      }
      .modes {
        display: inline-flex;
        gap: 4px;
        flex-wrap: wrap;
      }
      .modes button[aria-pressed="true"] {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border-color: var(--primary-color);
      }
      label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
      }
      /* minmax(0, …): a column is as wide as its share, whatever the names in it. */
      .sides {
        display: grid;
        gap: 16px;
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      @media (max-width: 600px) {
        .sides {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .side {
        min-width: 0;
      }
      .side h4 {
        margin: 0;
        font-weight: 500;
      }
      .side .dates {
        margin-bottom: 8px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 12px;
        margin: 0 0 12px;
        align-items: baseline;
      }
      dt {
        color: var(--secondary-text-color);
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: baseline;
      }
      .change {
        font-size: 0.8rem;
        padding: 1px 6px;
        border-radius: 10px;
        background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
        color: var(--secondary-text-color);
        white-space: nowrap;
      }
      .change.up {
        color: var(--success-color, #43a047);
      }
      .change.down {
        color: var(--error-color, #db4437);
      }
      ol.ranked {
        counter-reset: rank;
      }
      ol.ranked li::before {
        counter-increment: rank;
        content: counter(rank);
        color: var(--secondary-text-color);
        width: 1.5em;
        text-align: right;
        flex: none;
      }
      ol.ranked li a {
        flex: 1 1 0;
      }
      ol.ranked li:last-child {
        border-bottom: none;
      }
      .plays {
        color: var(--secondary-text-color);
        font-size: 0.875rem;
        flex: none;
      }
      .busy {
        opacity: 0.6;
        transition: opacity 0.2s;
      }
    `,
  ];

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typingTimer);
  }

  private t(key: string, vars?: Vars): string {
    return localize(this.hass, key, vars);
  }

  /** The range compared with the current one, or none (all time, not chosen yet). */
  private get other(): DayRange | undefined {
    if (this.custom) return this.compareWith;
    return this.current && !this.allTime ? previousRange(this.current) : undefined;
  }

  /** Where "another range" starts: the previous period, or all time itself. */
  private get startingRange(): DayRange | undefined {
    if (!this.current) return undefined;
    return this.allTime ? this.current : previousRange(this.current);
  }

  private get custom(): boolean {
    return this.customMode || Boolean(this.compareWith) || this.allTime;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("compareWith") && this.compareWith) this.customMode = true;
    if (["current", "compareWith", "allTime", "revision", "customMode", "person"].some((key) => changed.has(key))) {
      void this.fetch(changed.has("revision") && !changed.has("current"));
    }
  }

  private async fetch(quiet: boolean) {
    const request = ++this.request;
    const current = this.current;
    const other = this.other;
    if (!quiet) this.result = undefined;
    this.error = undefined;
    if (!current || !other) return;
    try {
      const result = await fetchCompare(this.hass, current, other, TOP, this.person);
      if (request === this.request) this.result = result;
    } catch (error) {
      const message = await translatedError(this.hass, error);
      if (request === this.request && !quiet) this.error = message;
    }
  }

  render() {
    const other = this.other;
    return html`<section class="card" data-testid="stats-compare">
      <h3>${this.t("stats.compare")}</h3>
      <div class="controls">
        <span class="muted">${this.t("stats.compare_with")}</span>
        ${this.allTime
          ? nothing
          : html`<div class="modes" role="group" aria-label=${this.t("stats.compare_with")}>
              <button
                data-testid="stats-compare-previous"
                aria-pressed=${this.custom ? "false" : "true"}
                @click=${() => this.choose(undefined)}
              >
                ${this.t("stats.compare.previous")}
              </button>
              <button
                data-testid="stats-compare-custom"
                aria-pressed=${this.custom ? "true" : "false"}
                @click=${() => this.choose(this.compareWith ?? this.startingRange, true)}
              >
                ${this.t("stats.compare.custom")}
              </button>
            </div>`}
        ${this.custom ? this.renderRangeInputs() : nothing}
      </div>
      ${this.allTime && !other ? html`<p class="muted">${this.t("stats.compare_all")}</p>` : nothing}
      ${this.error
        ? html`<p class="error" role="alert">${this.t("common.error", { message: this.error })}</p>`
        : nothing}
      ${other && !this.error ? this.renderResult() : nothing}
    </section>`;
  }

  private renderRangeInputs(): TemplateResult {
    const range = this.compareWith;
    return html`<label
        >${this.t("common.from")}
        <aime-date-input
          data-testid="stats-compare-first"
          .hass=${this.hass}
          label=${this.t("common.from")}
          .value=${range?.first_day ?? ""}
          max=${range?.last_day ?? ""}
          @change=${(event: Event) => this.setDay("first_day", event)}
        ></aime-date-input
      ></label>
      <label
        >${this.t("common.to")}
        <aime-date-input
          data-testid="stats-compare-last"
          .hass=${this.hass}
          label=${this.t("common.to")}
          .value=${range?.last_day ?? ""}
          min=${range?.first_day ?? ""}
          @change=${(event: Event) => this.setDay("last_day", event)}
        ></aime-date-input
      ></label>`;
  }

  private renderResult(): TemplateResult {
    const result = this.result;
    if (!result) {
      return html`<div class="state" role="status">${this.t("common.loading")}</div>`;
    }
    return html`<div class="sides">
      ${this.renderSide(this.t("stats.compare_current"), result.current, result)}
      ${this.renderSide(this.t("stats.compare_other"), result.previous)}
    </div>`;
  }

  private renderSide(title: string, side: PeriodSummary, changes?: Comparison): TemplateResult {
    const hass = this.hass;
    return html`<div class="side" data-testid=${changes ? "stats-compare-current" : "stats-compare-other"}>
      <h4>${title}</h4>
      <div class="muted dates">
        ${this.t("stats.range", { first: formatDay(hass, side.first_day), last: formatDay(hass, side.last_day) })}
      </div>
      <dl>
        <dt>${this.t("stats.plays")}</dt>
        <dd>
          <span data-testid="stats-compare-plays">${formatNumber(hass, side.plays)}</span>
          ${changes ? this.renderChange(changes.plays_change, side.plays) : nothing}
        </dd>
        <dt>${this.t("stats.listening")}</dt>
        <dd>
          ${formatDuration(hass, side.listening_seconds)}
          ${changes ? this.renderChange(changes.listening_change, side.listening_seconds) : nothing}
        </dd>
        <dt>${this.t("stats.unique_artists")}</dt>
        <dd>
          ${formatNumber(hass, side.unique_artists)}
          ${changes ? this.renderChange(changes.unique_artists_change, side.unique_artists) : nothing}
        </dd>
      </dl>
      <h4 class="muted">${this.t("stats.compare_top")}</h4>
      ${side.top_artists.length
        ? html`<ol class="ranked">
            ${side.top_artists.map(
              (artist) => html`<li>
                <a class="ellipsis" dir="auto" href=${artistPath(artist.id)} @click=${followLink} title=${artist.name}
                  >${artist.name}</a
                >
                <span class="plays">${playsText(hass, artist.plays)}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${this.t("stats.top_empty")}</p>`}
    </div>`;
  }

  /** "+3.8 %" with its direction spoken; "new" when there was nothing before (`change` null). */
  private renderChange(change: number | null, now: number): TemplateResult {
    if (change === null) {
      return now > 0
        ? html`<span class="change up" data-testid="stats-change">${this.t("stats.change_new")}</span>`
        : html`${nothing}`;
    }
    const text = new Intl.NumberFormat(this.hass.locale?.language ?? this.hass.language, {
      style: "percent",
      maximumFractionDigits: 1,
      signDisplay: "exceptZero",
    }).format(change / 100);
    const direction = change > 0 ? "up" : change < 0 ? "down" : "none";
    const spoken =
      direction === "none"
        ? this.t("stats.change_none")
        : this.t(`stats.change_${direction}`, { change: text.replace(/^[+\-\u2212]/, "") });
    return html`<span class="change ${direction}" data-testid="stats-change" title=${spoken}
      ><span aria-hidden="true">${text}</span><span class="visually-hidden">${spoken}</span></span
    >`;
  }

  private setDay(side: "first_day" | "last_day", event: Event) {
    const value = (event.target as AimeDateInput).value;
    if (!isIsoDay(value)) return;
    const base = this.typed ?? this.compareWith ?? this.startingRange;
    if (!base) return;
    // A start after the end moves the end along (and the other way round), as calendars do.
    const next =
      side === "first_day"
        ? { first_day: value, last_day: value > base.last_day ? value : base.last_day }
        : { first_day: value < base.first_day ? value : base.first_day, last_day: value };
    // Typing a date fires a change per digit of its year: wait for the last one.
    this.typed = next;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.choose(next, true), TYPING_DELAY_MS);
  }

  private choose(range: DayRange | undefined, custom = false) {
    clearTimeout(this.typingTimer);
    this.typed = undefined;
    this.customMode = custom;
    this.dispatchEvent(new CustomEvent("compare-changed", { detail: range, bubbles: true, composed: true }));
  }
}

define("aime-stats-compare", AimeStatsCompare);
