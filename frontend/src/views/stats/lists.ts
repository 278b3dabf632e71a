// The period's top lists (artists, albums, tracks, genres) with bars of relative width, and
// its new artists, shown progressively. Names are text bindings only.
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { NewArtist, Ranked } from "../../data/stats";
import "../../components/aime-cover";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { formatDateTime, formatNumber, localize } from "../../i18n";
import { albumPath, artistPath, followLink } from "../../navigate";
import type { HomeAssistant } from "../../types";

/** "1 play", "12 plays". */
export const playsText = (hass: HomeAssistant, count: number): string =>
  count === 1 ? localize(hass, "stats.one_play") : localize(hass, "common.plays", { count: formatNumber(hass, count) });

export type TopKind = "artists" | "albums" | "tracks" | "genres";
type Item = Pick<Ranked, "name" | "plays"> & Partial<Ranked>;

function itemName(kind: TopKind, item: Item): TemplateResult {
  const name = html`<span class="name ellipsis" dir="auto" title=${item.name}>${item.name}</span>`;
  if (kind === "artists" && item.id !== undefined) {
    return html`<a class="name ellipsis" dir="auto" href=${artistPath(item.id)} @click=${followLink} title=${item.name}
      >${item.name}</a
    >`;
  }
  // A track opens its album's page.
  const album = kind === "albums" ? item.id : kind === "tracks" ? item.album_id : undefined;
  if (album !== undefined && album !== null) {
    return html`<a class="name ellipsis" dir="auto" href=${albumPath(album)} @click=${followLink} title=${item.name}
      >${item.name}</a
    >`;
  }
  return name;
}

function artistName(item: Item): TemplateResult | typeof nothing {
  if (!item.artist) return nothing;
  if (item.artist_id === undefined || item.artist_id === null) {
    return html`<span class="artist muted ellipsis" dir="auto" title=${item.artist}>${item.artist}</span>`;
  }
  return html`<a class="artist muted ellipsis" dir="auto" title=${item.artist} href=${artistPath(item.artist_id)} @click=${followLink}
    >${item.artist}</a
  >`;
}

function topRow(hass: HomeAssistant, kind: TopKind, item: Item, rank: number, max: number) {
  const share = Math.max(2, Math.round((item.plays / max) * 100));
  return html`<li class="top-row" data-testid="stats-top-row">
    <span class="rank" aria-hidden="true">${rank}</span>
    ${kind === "albums"
      ? html`<aime-cover .src=${item.cover ?? null} .label=${item.name} size="40"></aime-cover>`
      : nothing}
    <div class="top-main">
      <div class="top-text">
        ${itemName(kind, item)}
        ${artistName(item)}
      </div>
      <div class="bar" aria-hidden="true"><span style="width:${share}%"></span></div>
    </div>
    <span class="count">${playsText(hass, item.plays)}</span>
  </li>`;
}

/** A card listing the top `kind`s, or a sentence when there is none. */
export function renderTopList(
  hass: HomeAssistant,
  kind: TopKind,
  items: Item[],
  hint?: string,
): TemplateResult {
  const max = Math.max(1, ...items.map((item) => item.plays));
  return html`<section class="card top" data-testid="stats-top-${kind}">
    <h3>${localize(hass, `stats.top_${kind}`)}</h3>
    ${hint ? html`<p class="muted hint">${hint}</p>` : nothing}
    ${items.length
      ? html`<ol class="ranked">
          ${items.map((item, index) => topRow(hass, kind, item, index + 1, max))}
        </ol>`
      : html`<p class="muted empty">${localize(hass, "stats.top_empty")}</p>`}
  </section>`;
}

export const topListStyles = css`
  .top ol.ranked li {
    gap: 10px;
    padding: 6px 0;
  }
  .top ol.ranked li:last-child {
    border-bottom: none;
  }
  .rank {
    flex: none;
    width: 1.5em;
    text-align: right;
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
  }
  .top-main {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .top-text {
    display: flex;
    gap: 6px;
    align-items: baseline;
    min-width: 0;
  }
  .top-text .name {
    flex: 0 1 auto;
  }
  /* The artist keeps up to half the line, however long the name beside it. */
  .top-text .artist {
    flex: 1 0 auto;
    max-width: 50%;
  }
  .bar {
    height: 4px;
    border-radius: 2px;
    background: var(--divider-color, rgba(127, 127, 127, 0.2));
    overflow: hidden;
  }
  .bar span {
    display: block;
    height: 100%;
    border-radius: 2px;
    background: var(--primary-color);
  }
  .count {
    flex: none;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    margin: -4px 0 8px;
  }
`;

const FIRST_ROWS = 24;
const MORE_ROWS = 60;

/** The artists first heard in the period, oldest first; more rows as the list scrolls into view. */
export class AimeStatsNewArtists extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) artists: NewArtist[] = [];
  @state() private shown = FIRST_ROWS;
  private observer?: IntersectionObserver;

  static styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul.plain {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        column-gap: 16px;
      }
      ul.plain li {
        flex-direction: column;
        align-items: flex-start;
        gap: 0;
      }
      ul.plain li a {
        max-width: 100%;
      }
      .more {
        margin-top: 12px;
      }
    `,
  ];

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has("artists")) this.shown = FIRST_ROWS;
  }

  render() {
    const visible = this.artists.slice(0, this.shown);
    const left = this.artists.length - visible.length;
    return html`<ul class="plain">
        ${visible.map(
          (artist) => html`<li data-testid="stats-new-artist">
            <a class="ellipsis" dir="auto" href=${artistPath(artist.id)} @click=${followLink} title=${artist.name}
              >${artist.name}</a
            >
            <span class="muted"
              >${localize(this.hass, "stats.first_played", {
                date: formatDateTime(this.hass, artist.first_played, { dateStyle: "medium" }),
              })}</span
            >
          </li>`,
        )}
      </ul>
      ${left > 0
        ? html`<button class="more" data-testid="stats-new-artists-more" @click=${this.showMore}>
            ${localize(this.hass, "stats.show_more", { count: formatNumber(this.hass, left) })}
          </button>`
        : nothing}`;
  }

  protected updated(): void {
    // Scrolling the "more" button into view shows the next rows, as an endless list does.
    const more = this.renderRoot.querySelector(".more");
    this.observer?.disconnect();
    if (!more) return;
    this.observer ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.showMore();
    });
    this.observer.observe(more);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private showMore = () => {
    this.shown += MORE_ROWS;
  };
}

define("aime-stats-new-artists", AimeStatsNewArtists);
