// The statistics of a period: figures, plays over time, when you listen, the top lists, new
// artists, streaks and a comparison with another period. The period lives in the URL's query.
import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { translatedError } from "../../data/errors";
import { fetchStreaks, type Granularity, type Streaks } from "../../data/stats";
import type { LiveEvent } from "../../data/subscription";
import "../../components/aime-chart";
import { themeColors } from "../../components/aime-chart";
import "../../components/aime-period-picker";
import { periodOf, type Period } from "../../components/aime-period-picker";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { formatDay, formatNumber } from "../../i18n";
import { navigate, searchWithoutPerson } from "../../navigate";
import { heatmapOptions, hourName, seriesOptions, weekdayNames } from "./charts";
import "./compare";
import { fetchPeriodStats, type PeriodStats } from "./data";
import { figureStyles, renderFigures, renderStreaks } from "./figures";
import "./lists";
import { renderTopList, topListStyles } from "./lists";
import {
  fittingGranularity,
  parseStatsQuery,
  statsSearch,
  type DayRange,
  type StatsQuery,
} from "./period";
import { statsStyles } from "./styles";

const TOP = 10;
const GRANULARITIES: Granularity[] = ["day", "week", "month"];
// Plays arrive one by one: one quiet refresh for a burst of them.
const LIVE_DELAY_MS = 1500;
const TYPING_DELAY_MS = 300;

type Options = Record<string, unknown>;

export class AimeStatsView extends AimeView {
  static styles = [sharedStyles, statsStyles, figureStyles, topListStyles];

  @state() private query?: StatsQuery;
  @state() private stats: Load<PeriodStats> = LOADING;
  @state() private streaks?: Streaks;
  @state() private busy = false;
  @state() private revision = 0;
  /** The compared period's days, the same object while they stay the same (no refetch). */
  @state() private comparedRange?: DayRange;

  private request = 0;
  private liveTimer?: ReturnType<typeof setTimeout>;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private charts?: { key: string; of: PeriodStats; series: Options; heatmap: Options };

  private readonly onLocation = () => {
    if (!this.hass || !this.query || !location.pathname.endsWith("/stats")) return;
    if (searchWithoutPerson(location.search) === statsSearch(this.query)) return;
    this.query = parseStatsQuery(this.hass, location.search);
    void this.refresh("change");
  };

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("location-changed", this.onLocation);
    window.addEventListener("popstate", this.onLocation);
    if (this.query) this.onLocation();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("location-changed", this.onLocation);
    window.removeEventListener("popstate", this.onLocation);
    clearTimeout(this.liveTimer);
    clearTimeout(this.typingTimer);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (this.hass && !this.query) {
      this.query = parseStatsQuery(this.hass, location.search);
      void this.refresh("initial");
      void this.loadStreaks();
    } else if (this.query && this.personChanged(changed)) {
      void this.refresh("change");
      void this.loadStreaks();
    }
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind !== "stats") return;
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      void this.refresh("live");
      void this.loadStreaks();
      this.revision += 1;
    }, LIVE_DELAY_MS);
  }

  private get granularity(): Granularity {
    return this.query?.granularity ?? fittingGranularity(this.query!.period);
  }

  /** Loads the period's statistics; a newer request wins, a live refresh never blanks the view. */
  private async refresh(mode: "initial" | "change" | "live") {
    const query = this.query;
    if (!query) return;
    if (mode === "live" && query.period.window !== "custom") {
      // Preset windows end today: after midnight they move on.
      this.query = { ...query, period: periodOf(this.hass, query.period.window) };
    }
    const request = ++this.request;
    if (mode === "initial" || this.stats.status !== "ready") this.stats = LOADING;
    else if (mode === "change") this.busy = true;
    // A period with known days starts its comparison now, alongside the figures, not after them.
    const { first_day: firstDay, last_day: lastDay } = this.query!.period;
    if (firstDay) this.setComparedRange({ first_day: firstDay, last_day: lastDay });
    try {
      const stats = await fetchPeriodStats(this.hass, this.query!.period, this.granularity, TOP, this.person);
      if (request !== this.request) return;
      this.stats = { status: "ready", value: stats };
      this.setComparedRange(stats);
    } catch (error) {
      const message = await translatedError(this.hass, error);
      if (request !== this.request) return;
      if (mode !== "live" || this.stats.status !== "ready") {
        this.stats = { status: "error", message };
      }
    } finally {
      if (request === this.request) this.busy = false;
    }
  }

  private async loadStreaks() {
    try {
      const person = this.person;
      const streaks = await fetchStreaks(this.hass, person);
      if (person === this.person) this.streaks = streaks;
    } catch {
      // The streaks card is a bonus: without it the rest of the view stands.
    }
  }

  private setComparedRange(stats: Pick<PeriodStats, "first_day" | "last_day">) {
    const current = this.comparedRange;
    if (current?.first_day !== stats.first_day || current?.last_day !== stats.last_day) {
      this.comparedRange = { first_day: stats.first_day, last_day: stats.last_day };
    }
  }

  private setQuery(next: StatsQuery, reload: boolean) {
    this.query = next;
    navigate(`${location.pathname}${statsSearch(next)}`, true);
    if (reload) void this.refresh("change");
  }

  private onPeriod(event: CustomEvent<Period>) {
    const period = event.detail;
    clearTimeout(this.typingTimer);
    const apply = () => this.setQuery({ ...this.query!, period, granularity: undefined }, true);
    // Typing a date fires a change per digit of its year: wait for the last one.
    if (period.window === "custom" && this.query!.period.window === "custom") {
      this.typingTimer = setTimeout(apply, TYPING_DELAY_MS);
    } else {
      apply();
    }
  }

  private onGranularity(granularity: Granularity) {
    if (granularity === this.granularity) return;
    this.setQuery({ ...this.query!, granularity }, true);
  }

  private onCompare(event: CustomEvent<DayRange | undefined>) {
    this.setQuery({ ...this.query!, compareWith: event.detail }, false);
  }

  render() {
    if (!this.query) return nothing;
    const retry = () => void this.refresh("initial");
    return html`<div class="view" data-testid="view-stats">
      <div class="toolbar">
        <aime-period-picker
          .hass=${this.hass}
          .period=${this.query.period}
          @period-changed=${this.onPeriod}
        ></aime-period-picker>
        <div class="range muted" data-testid="stats-range">
          ${this.stats.status === "ready" ? this.renderRange(this.stats.value) : nothing}
          ${this.busy ? html`<span class="updating" role="status">${this.t("stats.updating")}</span>` : nothing}
        </div>
      </div>
      ${this.stats.status === "loading"
        ? this.renderSkeleton()
        : this.renderLoad(this.stats, (stats) => this.renderStats(stats), retry)}
    </div>`;
  }

  private renderRange(stats: PeriodStats): string {
    return this.t("stats.range", {
      first: formatDay(this.hass, stats.first_day),
      last: formatDay(this.hass, stats.last_day),
    });
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="content" role="status" aria-busy="true" data-testid="loading">
      <span class="visually-hidden">${this.t("common.loading")}</span>
      <div class="figures">${Array.from({ length: 8 }, () => html`<div class="skeleton tile-shape placeholder"></div>`)}</div>
      <div class="skeleton chart-shape placeholder"></div>
      <div class="columns"><div class="skeleton chart-shape placeholder"></div><div class="skeleton chart-shape placeholder"></div></div>
    </div>`;
  }

  private renderStats(stats: PeriodStats): TemplateResult {
    const allTime = this.query!.period.window === "all";
    const compare = html`<aime-stats-compare
      .hass=${this.hass}
      .person=${this.person}
      .current=${this.comparedRange}
      .allTime=${allTime}
      .compareWith=${this.query!.compareWith}
      .revision=${this.revision}
      @compare-changed=${this.onCompare}
    ></aime-stats-compare>`;
    if (!stats.plays) {
      return html`<div class="content ${this.busy ? "busy" : ""}">
        <div class="card empty-state" data-testid="stats-empty">${this.t("stats.empty")}</div>
        ${renderStreaks(this.hass, this.streaks)} ${compare}
      </div>`;
    }
    const charts = this.chartOptions(stats);
    return html`<div class="content ${this.busy ? "busy" : ""}">
      ${renderFigures(this.hass, stats)} ${this.renderSeries(stats, charts.series)}
      <div class="columns">
        <section class="card" data-testid="stats-heatmap">
          <div class="card-head"><h3>${this.t("stats.heatmap")}</h3></div>
          ${this.renderPeak(stats.heatmap)}
          <aime-chart
            .options=${charts.heatmap}
            .label=${this.t("stats.heatmap_label")}
            .height=${this.narrow ? 240 : 280}
          ></aime-chart>
        </section>
        <div class="stack">
          ${renderStreaks(this.hass, this.streaks)}
          ${stats.top_genres.length
            ? renderTopList(this.hass, "genres", stats.top_genres, this.t("stats.top_genres_hint"))
            : nothing}
        </div>
      </div>
      <div class="tops">
        ${renderTopList(this.hass, "artists", stats.top_artists)}
        ${renderTopList(this.hass, "albums", stats.top_albums)}
        ${renderTopList(this.hass, "tracks", stats.top_tracks)}
      </div>
      ${stats.partial ? nothing : this.renderNewArtists(stats)} ${compare}
    </div>`;
  }

  private renderSeries(stats: PeriodStats, options: Options): TemplateResult {
    const current = stats.partial ? this.granularity : (stats.granularity as Granularity);
    return html`<section class="card" data-testid="stats-series">
      <div class="card-head">
        <h3>${this.t("stats.series")}</h3>
        <div class="segmented" role="group" aria-label=${this.t("stats.granularity")}>
          ${GRANULARITIES.map(
            (granularity) => html`<button
              data-testid="stats-granularity-${granularity}"
              aria-pressed=${granularity === current ? "true" : "false"}
              ?disabled=${stats.partial}
              @click=${() => this.onGranularity(granularity)}
            >
              ${this.t(`stats.granularity.${granularity}`)}
            </button>`,
          )}
        </div>
      </div>
      ${stats.partial
        ? html`<p class="muted note">${this.t("stats.older_hub")}</p>`
        : html`<aime-chart
            .options=${options}
            .label=${this.t("stats.series")}
            .height=${this.narrow ? 220 : 280}
          ></aime-chart>`}
    </section>`;
  }

  private renderPeak(heatmap: number[][]): TemplateResult | typeof nothing {
    let best = { plays: 0, weekday: 0, hour: 0 };
    heatmap.forEach((row, weekday) =>
      row.forEach((plays, hour) => {
        if (plays > best.plays) best = { plays, weekday, hour };
      }),
    );
    if (!best.plays) return nothing;
    const weekday = weekdayNames(this.hass, "long")[best.weekday];
    return html`<p class="muted note" data-testid="stats-peak">
      ${this.t("stats.peak", { weekday, hour: hourName(this.hass, best.hour) })}
    </p>`;
  }

  private renderNewArtists(stats: PeriodStats): TemplateResult {
    return html`<section class="card" data-testid="stats-new-artists">
      <div class="card-head">
        <h3>${this.t("stats.new_artists")}</h3>
        ${stats.new_artists.length
          ? html`<span class="muted">${stats.new_artists.length === 1
              ? this.t("stats.new_artists_one")
              : this.t("stats.new_artists_count", { count: formatNumber(this.hass, stats.new_artists.length) })}</span>`
          : nothing}
      </div>
      ${stats.new_artists.length
        ? html`<aime-stats-new-artists .hass=${this.hass} .artists=${stats.new_artists}></aime-stats-new-artists>`
        : html`<p class="muted">${this.t("stats.new_artists_empty")}</p>`}
    </section>`;
  }

  /** The charts' options, rebuilt only when their data, theme, language or width change. */
  private chartOptions(stats: PeriodStats) {
    const dark = Boolean(this.hass.themes?.darkMode);
    const key = [dark, this.hass.locale?.language ?? this.hass.language, this.narrow].join("|");
    if (this.charts?.key !== key || this.charts.of !== stats) {
      const colors = themeColors(this);
      const granularity = stats.granularity as Granularity;
      this.charts = {
        key,
        of: stats,
        series: seriesOptions(this.hass, colors, stats.series, granularity, this.narrow),
        heatmap: heatmapOptions(this.hass, colors, stats.heatmap, this.narrow),
      };
    }
    return this.charts;
  }
}

define("aime-stats", AimeStatsView);
