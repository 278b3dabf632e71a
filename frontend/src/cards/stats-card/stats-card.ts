// `custom:aime-stats-card`: the listening figures of the last 7, 30 or 365 days (or all time), a small
// chart of plays per day/week/month and a top list, from one `aime/range` call; live `stats` events refresh it.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { fetchRange, fetchStats, type Granularity, type Ranked, type SeriesPoint, type WindowStats } from "../../data/stats";
import type { LiveEvent } from "../../data/subscription";
import "../../components/aime-chart";
import "../../components/aime-cover";
import { themeColors } from "../../components/aime-chart";
import { periodOf, type Period } from "../../components/aime-period-picker";
import "../../components/aime-period-picker";
import { sharedStyles } from "../../components/styles";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { define } from "../../define";
import { formatDay, formatDuration, formatNumber } from "../../i18n";
import { PANEL_PATH, albumPath, artistPath, followLink, withPerson } from "../../navigate";
import { cardStyles } from "../shared/card-styles";
import { STATS_CARD_EDITOR_NAME, STATS_CARD_NAME } from "./const";
import { STATS_PERIODS, checkStatsConfig, type StatsCardConfig, type StatsPeriod } from "./stats-card-config";

const GRANULARITY: Record<StatsPeriod, Granularity> = { "7d": "day", "30d": "day", "365d": "week", all: "month" };

/** What the card shows: `aime/range`'s answer, or `aime/stats`' (no chart) from a hub without it. */
type CardStats = Pick<
  WindowStats,
  "plays" | "listening_seconds" | "unique_artists" | "top_artists" | "top_albums" | "top_tracks"
> & { series: SeriesPoint[]; granularity: Granularity };

const isUnknownCommand = (error: unknown): boolean =>
  Boolean(error && typeof error === "object" && (error as { code?: unknown }).code === "unknown_command");

export class AimeStatsCard extends AimeView {
  @state() private config!: StatsCardConfig;
  @state() private window: StatsPeriod = "30d";
  @state() private stats: Load<CardStats> = LOADING;
  private request = 0;

  static styles = [
    sharedStyles,
    cardStyles,
    css`
      aime-period-picker {
        margin-bottom: 12px;
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 8px;
        margin-bottom: 8px;
      }
      .figure {
        padding: 8px;
        border-radius: 8px;
        background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
        min-width: 0;
      }
      .figure .value {
        font-size: 1.25rem;
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .figure .label {
        font-size: 0.8125rem;
        color: var(--secondary-text-color);
      }
      h3 {
        margin: 12px 0 4px;
        font-size: 1rem;
      }
      .rank {
        width: 1.5em;
        flex: none;
        text-align: right;
        color: var(--secondary-text-color);
        font-variant-numeric: tabular-nums;
      }
      ul.items li > :not(.share) {
        position: relative;
      }
      .share {
        position: absolute;
        left: 0;
        top: 2px;
        bottom: 2px;
        border-radius: 6px;
        background: var(--primary-color);
        opacity: 0.1;
      }
    `,
  ];

  /** The editor comes in its own chunk: only who edits a dashboard loads it. */
  static async getConfigElement(): Promise<HTMLElement> {
    await import("./stats-card-editor");
    return document.createElement(STATS_CARD_EDITOR_NAME);
  }

  static getStubConfig(): Partial<StatsCardConfig> {
    return { period: "30d", show_chart: true, top: "artists", top_count: 5 };
  }

  setConfig(config: unknown): void {
    const checked = checkStatsConfig(this.hass, config);
    const changed =
      !this.config ||
      checked.period !== this.config.period ||
      checked.top_count !== this.config.top_count ||
      checked.person !== this.config.person;
    this.config = checked;
    if (changed) {
      this.window = checked.period;
      if (this.hass) this.fetch();
    }
  }

  getCardSize(): number {
    const top = Math.ceil((this.config?.top_count ?? 5) * 0.8);
    return 3 + top + (this.config?.show_chart === false ? 0 : 3);
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has("hass") && !changed.get("hass") && this.hass && this.config) this.fetch();
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind === "stats") this.fetch(true);
  }

  private fetch(quiet = false) {
    const period = periodOf(this.hass, this.window);
    const request = ++this.request;
    const window = this.window;
    const top = this.config.top_count;
    const person = this.config.person;
    const fetch = async (): Promise<CardStats> => {
      try {
        return await fetchRange(this.hass, {
          first_day: period.first_day,
          last_day: period.last_day,
          top,
          granularity: GRANULARITY[window],
          person,
        });
      } catch (error) {
        if (!isUnknownCommand(error)) throw error;
        return { ...(await fetchStats(this.hass, window, top, person)), series: [], granularity: GRANULARITY[window] };
      }
    };
    this.load(
      fetch,
      (loaded) => {
        if (request === this.request) this.stats = loaded;
      },
      quiet,
    );
  }

  private choose(event: CustomEvent<Period>) {
    const window = event.detail.window as StatsPeriod;
    if (!STATS_PERIODS.includes(window) || window === this.window) return;
    this.window = window;
    this.fetch();
  }

  render() {
    if (!this.config || !this.hass) return nothing;
    const period = periodOf(this.hass, this.window);
    return html`<ha-card data-testid="aime-stats-card">
      <div class="aime-card-header">
        <h2>${this.config.title || this.t("cards.stats.default_title")}</h2>
        <a class="open" href=${withPerson(`${PANEL_PATH}/stats`, this.config.person)} @click=${followLink}>${this.t("cards.open_panel")}</a>
      </div>
      <aime-period-picker
        .hass=${this.hass}
        .period=${period}
        .windows=${[...STATS_PERIODS]}
        @period-changed=${this.choose}
      ></aime-period-picker>
      ${this.stats.status === "loading"
        ? html`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${[0, 1, 2].map(() => html`<div class="skeleton-row placeholder"></div>`)}
          </div>`
        : this.renderLoad(this.stats, (stats) => this.renderStats(stats), () => this.fetch())}
    </ha-card>`;
  }

  private renderStats(stats: CardStats) {
    if (!stats.plays) {
      return html`<div class="state" data-testid="stats-card-empty">${this.t("cards.stats.empty")}</div>`;
    }
    return html`<div class="figures">
        ${this.figure(formatNumber(this.hass, stats.plays), this.t("cards.stats.plays"))}
        ${this.figure(this.listening(stats.listening_seconds), this.t("cards.stats.listening"))}
        ${this.figure(formatNumber(this.hass, stats.unique_artists), this.t("cards.stats.artists"))}
      </div>
      ${this.config.show_chart && stats.series.length > 1 ? this.renderChart(stats) : nothing}
      <h3>${this.t(`cards.stats.top_${this.config.top}`)}</h3>
      ${this.renderTop(this.topOf(stats))}`;
  }

  /** Listening time short enough for a third of a card: whole hours past ten hours. */
  private listening(seconds: number): string {
    const hours = Math.floor(seconds / 3600);
    return hours >= 10
      ? this.t("cards.stats.hours", { hours: formatNumber(this.hass, hours) })
      : formatDuration(this.hass, seconds);
  }

  private figure(value: string, label: string) {
    return html`<div class="figure"><div class="value" title=${value}>${value}</div><div class="label">${label}</div></div>`;
  }

  private renderChart(stats: CardStats) {
    const monthly = stats.granularity === "month";
    const labels = stats.series.map((point) =>
      formatDay(this.hass, point.start, monthly ? { month: "short", year: "2-digit" } : { day: "numeric", month: "short" }),
    );
    const colors = themeColors(this);
    const options = {
      grid: { left: 4, right: 4, top: 8, bottom: 4, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: labels,
        axisLabel: { color: colors.secondaryText, hideOverlap: true },
        axisLine: { lineStyle: { color: colors.divider } },
        axisTick: { show: false },
      },
      yAxis: {
        type: "value",
        minInterval: 1,
        axisLabel: { color: colors.secondaryText },
        splitLine: { lineStyle: { color: colors.divider } },
      },
      series: [
        {
          type: "bar",
          name: this.t("cards.stats.plays"),
          data: stats.series.map((point) => point.plays),
          itemStyle: { borderRadius: [3, 3, 0, 0] },
        },
      ],
    };
    return html`<aime-chart
      data-testid="stats-card-chart"
      .options=${options}
      .height=${140}
      label=${this.t(`cards.stats.chart_${stats.granularity}`)}
    ></aime-chart>`;
  }

  private topOf(stats: CardStats): Ranked[] {
    if (this.config.top === "albums") return stats.top_albums;
    if (this.config.top === "tracks") return stats.top_tracks;
    return stats.top_artists;
  }

  private renderTop(items: Ranked[]) {
    if (!items.length) return html`<div class="state">${this.t("common.empty")}</div>`;
    const most = Math.max(...items.map((item) => item.plays), 1);
    const kind = this.config.top;
    return html`<ul class="items">
      ${items.map(
        (item, index) => html`<li data-testid="stats-card-item">
          <span class="share" style="width:${Math.round((item.plays / most) * 100)}%"></span>
          <span class="rank">${index + 1}</span>
          ${kind === "albums" ? html`<aime-cover .src=${item.cover ?? null} .size=${36} label=${item.name}></aime-cover>` : nothing}
          <span class="item-text ellipsis">${this.itemName(item)}</span>
          <span class="item-end">${formatNumber(this.hass, item.plays)}</span>
        </li>`,
      )}
    </ul>`;
  }

  private itemName(item: Ranked) {
    const kind = this.config.top;
    if (kind === "artists") {
      return html`<a class="item-title" dir="auto" title=${item.name} href=${artistPath(item.id)} @click=${followLink}>${item.name}</a>`;
    }
    const artist = !item.artist
      ? nothing
      : item.artist_id === undefined || item.artist_id === null
        ? html`<span class="muted"> · <span dir="auto" title=${item.artist}>${item.artist}</span></span>`
        : html`<span class="muted">
            · <a class="item-artist" dir="auto" title=${item.artist} href=${artistPath(item.artist_id)} @click=${followLink}>${item.artist}</a></span
          >`;
    // A track opens its album's page.
    const album = kind === "albums" ? item.id : item.album_id;
    if (album !== undefined && album !== null) {
      return html`<a class="item-title" dir="auto" title=${item.name} href=${albumPath(album)} @click=${followLink}>${item.name}</a>${artist}`;
    }
    return html`<span class="item-title" dir="auto" title=${item.name}>${item.name}</span>${artist}`;
  }
}

define(STATS_CARD_NAME, AimeStatsCard);
