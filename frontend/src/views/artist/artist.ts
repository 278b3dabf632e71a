// An artist's page (/aime/artist/<id>): image, totals, plays by month (a bar chart), the albums played
// and owned, the top tracks, and play the artist in a Roon zone when AIME knows how.
import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { fetchArtist, type ArtistAlbum, type ArtistPage } from "../../data/artist";
import { translatedError } from "../../data/errors";
import type { LiveEvent } from "../../data/subscription";
import { themeColors } from "../../components/aime-chart";
import "../../components/aime-chart";
import "../../components/aime-cover";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { formatNumber, languageOf } from "../../i18n";
import { albumPath, followLink } from "../../navigate";
import { artistStyles } from "./artist-styles";
import { counted, playsText } from "../shared/music-format";
import { heroActions, heroFigure, playedOn } from "../shared/page-parts";
import { pageStyles } from "../shared/page-styles";

const TOP_TRACKS = 10;

/** Every month from the first to the last with plays ("2024-03"), the empty ones at 0. */
export function monthSeries(months: { month: string; plays: number }[]): { month: string; plays: number }[] {
  if (!months.length) return [];
  const plays = new Map(months.map((entry) => [entry.month, entry.plays]));
  const [firstYear, firstMonth] = months[0].month.split("-").map(Number);
  const [lastYear, lastMonth] = months[months.length - 1].month.split("-").map(Number);
  const series = [];
  for (let index = firstYear * 12 + firstMonth - 1; index <= lastYear * 12 + lastMonth - 1; index++) {
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    series.push({ month, plays: plays.get(month) ?? 0 });
  }
  return series;
}

export class AimeArtistView extends AimeView {
  @state() private artist: Load<ArtistPage> = LOADING;
  @state() private chartOptions: Record<string, unknown> = {};

  private request = 0;
  private chartDark?: boolean;

  static styles = [sharedStyles, pageStyles, artistStyles];

  private get artistId(): number {
    return Number(this.params?.id);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (this.routeIdChanged(changed) || this.personChanged(changed)) this.reload();
    // Chart colours follow the theme: rebuild the options when it turns dark or light, not at every update.
    const dark = Boolean(this.hass?.themes?.darkMode);
    if (this.artist.status === "ready" && (changed.has("artist") || dark !== this.chartDark)) {
      this.chartDark = dark;
      this.chartOptions = this.buildChart(this.artist.value);
    }
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind === "play" && event.play.artist_id === this.artistId) this.reload(true);
    if (event.kind === "collection") this.reload(true);
  }

  private async reload(quiet = false): Promise<void> {
    const request = ++this.request;
    if (!quiet) this.artist = LOADING;
    try {
      const artist = await fetchArtist(this.hass, this.artistId, TOP_TRACKS, this.person);
      if (request === this.request) this.artist = { status: "ready", value: artist };
    } catch (error) {
      const message = await translatedError(this.hass, error);
      // A failed live refresh keeps the page shown.
      if (request === this.request && (!quiet || this.artist.status !== "ready")) {
        this.artist = { status: "error", message };
      }
    }
  }

  private buildChart(artist: ArtistPage): Record<string, unknown> {
    const series = monthSeries(artist.months);
    const colors = themeColors(this);
    const language = languageOf(this.hass);
    const monthName = new Intl.DateTimeFormat(language, { month: "short", year: "numeric", timeZone: "UTC" });
    const labels = series.map((entry) => {
      const [year, month] = entry.month.split("-").map(Number);
      return monthName.format(new Date(Date.UTC(year, month - 1, 1)));
    });
    return {
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        // Rich text (aime-chart): the label and count are plain text.
        formatter: (points: { dataIndex: number }[]) => {
          const index = points[0]?.dataIndex ?? 0;
          return `${labels[index]}\n${playsText(this.hass, series[index]?.plays ?? 0)}`;
        },
      },
      xAxis: {
        type: "category",
        data: labels,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: colors.divider } },
        axisLabel: { color: colors.secondaryText, hideOverlap: true, alignMinLabel: "left", alignMaxLabel: "right" },
      },
      yAxis: {
        type: "value",
        minInterval: 1,
        splitLine: { lineStyle: { color: colors.divider } },
        axisLabel: { color: colors.secondaryText },
      },
      series: [
        {
          type: "bar",
          name: this.t("artist.plays"),
          data: series.map((entry) => entry.plays),
          barMaxWidth: 22,
          itemStyle: { borderRadius: [3, 3, 0, 0] },
        },
      ],
    };
  }

  render() {
    if (this.artist.status === "loading") {
      return html`<div class="layout" role="status" data-testid="loading">
        <span class="visually-hidden">${this.t("common.loading")}</span>
        <section class="card hero" aria-hidden="true">
          <div class="placeholder round" style="width:160px;aspect-ratio:1"></div>
          <div class="info">
            <div class="placeholder" style="height:32px;width:50%"></div>
            <div class="placeholder" style="height:56px;width:80%"></div>
          </div>
        </section>
        <div class="card placeholder" style="height:260px" aria-hidden="true"></div>
      </div>`;
    }
    return html`<div class="layout" data-testid="view-artist">
      ${this.renderLoad(this.artist, (artist) => this.renderArtist(artist), () => this.reload())}
    </div>`;
  }

  private renderArtist(artist: ArtistPage): TemplateResult[] {
    const played = artist.albums.filter((album) => album.plays > 0);
    // Owned albums already show among the played ones with a badge; the others get a shelf of their own.
    const ownedUnplayed = artist.albums.filter((album) => album.owned > 0 && album.plays === 0);
    return [
      this.renderHero(artist, played.length, artist.albums.filter((album) => album.owned > 0).length),
      html`<section class="card">
        <h2>${this.t("artist.chart")}</h2>
        ${artist.months.length
          ? html`<aime-chart
              data-testid="artist-chart"
              .options=${this.chartOptions}
              .label=${this.t("artist.chart_label", { name: artist.name })}
              .height=${this.narrow ? 200 : 260}
            ></aime-chart>`
          : html`<p class="empty-line">${this.t("artist.no_months")}</p>`}
      </section>`,
      html`<div class="columns">
        <div class="column">
          <section class="card">
            <h2>${this.t("artist.albums_played")}</h2>
            ${played.length
              ? html`<ul class="tiles">${played.map((album) => this.renderAlbum(artist, album, "artist-album"))}</ul>`
              : html`<p class="empty-line">${this.t("artist.no_albums")}</p>`}
          </section>
          ${ownedUnplayed.length
            ? html`<section class="card">
                <h2>${this.t("artist.albums_owned_unplayed")}</h2>
                <ul class="tiles">${ownedUnplayed.map((album) => this.renderAlbum(artist, album, "artist-owned"))}</ul>
              </section>`
            : nothing}
        </div>
        <div class="column">${this.renderTracks(artist)}</div>
      </div>`,
    ];
  }

  private renderHero(artist: ArtistPage, albumsPlayed: number, albumsOwned: number): TemplateResult {
    return html`<section class="card hero">
      <aime-cover class="portrait" fluid style="width:160px" .src=${artist.cover ?? null} .label=${artist.name}></aime-cover>
      <div class="info">
        <span class="overline">${this.t("artist.kind")}</span>
        <h1 class="name-heading" dir="auto" title=${artist.name} data-testid="artist-name">${artist.name}</h1>
        ${artist.candidates.length
          ? html`<span class="muted">${this.t("artist.stands_for", { names: artist.candidates.join(", ") })}</span>`
          : nothing}
        <div class="figures">
          ${heroFigure(formatNumber(this.hass, artist.total_plays), this.t("artist.plays"))}
          ${heroFigure(formatNumber(this.hass, albumsPlayed), this.t("artist.albums"))}
          ${heroFigure(formatNumber(this.hass, albumsOwned), this.t("artist.albums_owned"))}
          ${heroFigure(playedOn(this.hass, "artist", artist.first_played_at), this.t("artist.first_played"))}
          ${heroFigure(playedOn(this.hass, "artist", artist.last_played_at), this.t("artist.last_played"))}
        </div>
        ${heroActions(this.hass, "artist", artist)}
      </div>
    </section>`;
  }

  private renderAlbum(artist: ArtistPage, album: ArtistAlbum, testid: string): TemplateResult {
    return html`<li class="tile" data-testid=${testid} data-album-id=${album.album_id}>
      <a class="tile-link" href=${albumPath(album.album_id)} @click=${followLink}>
        <aime-cover fluid .src=${album.cover ?? null} label=""></aime-cover>
        <span class="tile-title two-lines" dir="auto" title=${album.title}>${album.title || this.t("common.unknown")}</span>
      </a>
      ${album.artist !== artist.name
        ? html`<span class="muted ellipsis" dir="auto" title=${album.artist}>${this.t("artist.by", { artist: album.artist })}</span>`
        : nothing}
      <span class="tile-meta">
        <span>${playsText(this.hass, album.plays)}</span>
        ${album.owned
          ? html`<span class="badge" data-testid="artist-owned-badge"
              >${album.owned > 1 ? counted(this.hass, "collection.total", album.owned) : this.t("artist.owned")}</span
            >`
          : nothing}
      </span>
    </li>`;
  }

  private renderTracks(artist: ArtistPage): TemplateResult {
    const most = Math.max(1, ...artist.top_tracks.map((track) => track.plays));
    return html`<section class="card">
      <h2>${this.t("artist.top_tracks")}</h2>
      ${artist.top_tracks.length
        ? html`<ol class="rows">
            ${artist.top_tracks.map(
              (track, index) => html`<li data-testid="artist-track">
                <span class="number">${index + 1}</span>
                <div class="main">
                  ${track.album_id === undefined || track.album_id === null
                    ? html`<span class="ellipsis" dir="auto" title=${track.name}>${track.name}</span>`
                    : html`<a class="ellipsis" dir="auto" href=${albumPath(track.album_id)} @click=${followLink} title=${track.name}
                        >${track.name}</a
                      >`}
                  <div class="bar" aria-hidden="true"><span style="width:${(track.plays / most) * 100}%"></span></div>
                </div>
                <span class="count">${playsText(this.hass, track.plays)}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="empty-line">${this.t("artist.no_tracks")}</p>`}
    </section>`;
  }
}

define("aime-artist", AimeArtistView);