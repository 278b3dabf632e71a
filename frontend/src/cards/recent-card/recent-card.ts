// `custom:aime-recent-card`: what AIME's Roon zones play now and the latest plays (`aime/history`),
// new plays arriving live through `aime/subscribe`.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { fetchHistory, type JournalEntry } from "../../data/journal";
import type { LiveEvent } from "../../data/subscription";
import "../../components/aime-cover";
import "../../components/aime-now-playing";
import { sharedStyles } from "../../components/styles";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { define } from "../../define";
import { formatDateTime, languageOf } from "../../i18n";
import { PANEL_PATH, albumPath, artistPath, followLink, withPerson } from "../../navigate";
import { cardStyles } from "../shared/card-styles";
import { RECENT_CARD_EDITOR_NAME, RECENT_CARD_NAME } from "./const";
import { checkRecentConfig, type RecentCardConfig } from "./recent-card-config";

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

export class AimeRecentCard extends AimeView {
  @state() private config!: RecentCardConfig;
  @state() private plays: Load<JournalEntry[]> = LOADING;
  /** Epoch seconds the "x min ago" labels count from; moved on every minute. */
  @state() private now = Date.now() / 1000;
  private ticker?: number;
  private request = 0;

  static styles = [
    sharedStyles,
    cardStyles,
    css`
      aime-now-playing {
        margin: 0 -16px 8px;
      }
      .when {
        font-size: 0.8125rem;
      }
    `,
  ];

  /** The editor comes in its own chunk: only who edits a dashboard loads it. */
  static async getConfigElement(): Promise<HTMLElement> {
    await import("./recent-card-editor");
    return document.createElement(RECENT_CARD_EDITOR_NAME);
  }

  static getStubConfig(): Partial<RecentCardConfig> {
    return { count: 5, show_now_playing: true };
  }

  setConfig(config: unknown): void {
    const checked = checkRecentConfig(this.hass, config);
    const changed = !this.config || checked.count !== this.config.count || checked.person !== this.config.person;
    this.config = checked;
    if (changed && this.hass) this.fetch();
  }

  getCardSize(): number {
    return 1 + (this.config?.count ?? 5) + (this.config?.show_now_playing === false ? 0 : 1);
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now() / 1000;
    this.ticker = window.setInterval(() => (this.now = Date.now() / 1000), 60_000);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has("hass") && !changed.get("hass") && this.hass && this.config) this.fetch();
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind !== "play" || this.plays.status !== "ready") return;
    const person = this.config.person;
    if (person && event.play.person === undefined) return this.fetch(); // An older hub's play: the store tells.
    if (person && event.play.person !== person) return;
    const others = this.plays.value.filter((play) => play.play_id !== event.play.play_id);
    const plays = [event.play, ...others].sort((a, b) => b.played_at - a.played_at).slice(0, this.config.count);
    this.plays = { status: "ready", value: plays };
    this.now = Math.max(this.now, Date.now() / 1000);
  }

  private fetch() {
    const request = ++this.request;
    this.load(
      () => fetchHistory(this.hass, { person: this.config.person }, 0, this.config.count).then((page) => page.entries),
      (loaded) => {
        if (request === this.request) this.plays = loaded;
      },
    );
  }

  render() {
    if (!this.config || !this.hass) return nothing;
    return html`<ha-card data-testid="aime-recent-card">
      <div class="aime-card-header">
        <h2>${this.config.title || this.t("cards.recent.default_title")}</h2>
        <a class="open" href=${withPerson(`${PANEL_PATH}/journal`, this.config.person)} @click=${followLink}>${this.t("cards.open_panel")}</a>
      </div>
      ${this.config.show_now_playing ? html`<aime-now-playing stacked .hass=${this.hass}></aime-now-playing>` : nothing}
      ${this.plays.status === "loading"
        ? html`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${Array.from({ length: Math.min(this.config.count, 5) }, () => html`<div class="skeleton-row placeholder"></div>`)}
          </div>`
        : this.renderLoad(this.plays, (plays) => this.renderPlays(plays), () => this.fetch())}
    </ha-card>`;
  }

  private renderPlays(plays: JournalEntry[]) {
    if (!plays.length) return html`<div class="state" data-testid="recent-card-empty">${this.t("cards.recent.empty")}</div>`;
    return html`<ul class="items">
      ${plays.map(
        (play) => html`<li data-testid="recent-card-item" data-play-id=${play.play_id}>
          <a href=${albumPath(play.album_id)} @click=${followLink} tabindex="-1" aria-hidden="true">
            <aime-cover .src=${play.cover ?? null} .size=${40} label=${play.album}></aime-cover>
          </a>
          <span class="item-text">
            <span class="item-title ellipsis" style="display:block" dir="auto" title=${play.title}>${play.title}</span>
            <span class="muted ellipsis" style="display:block">
              <a dir="auto" title=${play.artist} href=${artistPath(play.artist_id)} @click=${followLink}>${play.artist}</a> ·
              <a dir="auto" title=${play.album} href=${albumPath(play.album_id)} @click=${followLink}>${play.album}</a>
            </span>
          </span>
          <time class="item-end when" datetime=${new Date(play.played_at * 1000).toISOString()} title=${formatDateTime(this.hass, play.played_at)}>
            ${this.ago(play.played_at)}
          </time>
        </li>`,
      )}
    </ul>`;
  }

  /** "5 min ago", "3 h ago", "yesterday"; older plays by date. */
  private ago(playedAt: number): string {
    const seconds = Math.max(0, this.now - playedAt);
    const relative = new Intl.RelativeTimeFormat(languageOf(this.hass), { numeric: "auto", style: "short" });
    if (seconds < MINUTE) return this.t("cards.recent.just_now");
    if (seconds < HOUR) return relative.format(-Math.floor(seconds / MINUTE), "minute");
    if (seconds < DAY) return relative.format(-Math.floor(seconds / HOUR), "hour");
    if (seconds < 7 * DAY) return relative.format(-Math.floor(seconds / DAY), "day");
    return formatDateTime(this.hass, playedAt, { dateStyle: "medium" });
  }
}

define(RECENT_CARD_NAME, AimeRecentCard);
