// An album's page (/aime/album/<id>): cover, names, years, genres, links, records owned, the AI
// description (admins may have it rewritten), tracks with their plays, every play, and play it in Roon.
import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { fetchAlbum, type AlbumPage } from "../../data/album";
import { callAimeAction, isAdmin } from "../../data/commands";
import { translatedError } from "../../data/errors";
import { fetchHistory, type JournalEntry } from "../../data/journal";
import type { LiveEvent } from "../../data/subscription";
import "../../components/aime-cover";
import "../../components/aime-load-more";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { formatDateTime, formatDuration, formatNumber } from "../../i18n";
import { artistPath, followLink } from "../../navigate";
import { formatName, playsText, sourceName } from "../shared/music-format";
import { heroActions, heroFigure, playedOn } from "../shared/page-parts";
import { pageStyles } from "../shared/page-styles";

const PAGE_SIZE = 50;

interface Plays {
  entries: JournalEntry[];
  page: number;
  total: number;
}

export class AimeAlbumView extends AimeView {
  @state() private album: Load<AlbumPage> = LOADING;
  @state() private plays: Plays = { entries: [], page: 0, total: 0 };
  @state() private loadingMore = false;
  @state() private moreError = "";
  @state() private writing = false;
  @state() private writeError = "";

  /** Counts album requests; an answer for an album no longer shown is dropped. */
  private request = 0;

  static styles = [sharedStyles, pageStyles];

  private get albumId(): number {
    return Number(this.params?.id);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (this.routeIdChanged(changed) || this.personChanged(changed)) this.reload();
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind === "play" && event.play.album_id === this.albumId) this.reload(true);
    if (event.kind === "collection") this.reload(true);
  }

  private async reload(quiet = false): Promise<void> {
    const request = ++this.request;
    if (!quiet) {
      this.album = LOADING;
      this.writeError = "";
    }
    this.moreError = "";
    this.loadingMore = false;
    try {
      const album = await fetchAlbum(this.hass, this.albumId, 0, PAGE_SIZE, this.person);
      if (request !== this.request) return;
      this.album = { status: "ready", value: album };
      // A live refresh keeps the older plays already loaded below the fresh first page.
      const kept = quiet ? this.plays : { entries: [], page: 0 };
      this.plays = {
        entries: mergePlays(album.plays, kept.entries),
        page: kept.page,
        total: album.total_plays,
      };
    } catch (error) {
      if (request !== this.request) return;
      const message = await translatedError(this.hass, error);
      if (request !== this.request) return;
      if (!quiet || this.album.status !== "ready") this.album = { status: "error", message };
    }
  }

  private async loadMorePlays(): Promise<void> {
    const { entries, page, total } = this.plays;
    if (this.loadingMore || entries.length >= total) return;
    const request = this.request;
    this.loadingMore = true;
    this.moreError = "";
    try {
      const next = await fetchHistory(this.hass, { album_id: this.albumId, person: this.person }, page + 1, PAGE_SIZE);
      if (request !== this.request) return;
      this.plays = { entries: mergePlays(entries, next.entries), page: page + 1, total: next.total };
    } catch (error) {
      const message = await translatedError(this.hass, error);
      if (request === this.request) this.moreError = message;
    } finally {
      if (request === this.request) this.loadingMore = false;
    }
  }

  /** Asks the AI for a new description (`aime.describe_album`, admins only), then shows it. */
  private async writeDescription(): Promise<void> {
    this.writing = true;
    this.writeError = "";
    try {
      await callAimeAction(this.hass, "describe_album", { album_id: this.albumId, force: true }, true);
      await this.reload(true);
    } catch (error) {
      this.writeError = this.t("album.regenerate_failed", { message: await translatedError(this.hass, error) });
    } finally {
      this.writing = false;
    }
  }

  render() {
    if (this.album.status === "loading") return this.renderSkeleton();
    return html`<div class="layout" data-testid="view-album">
      ${this.renderLoad(this.album, (album) => this.renderAlbum(album), () => this.reload())}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="layout" role="status" data-testid="loading">
      <span class="visually-hidden">${this.t("common.loading")}</span>
      <section class="card hero" aria-hidden="true">
        <div class="placeholder" style="width:220px;aspect-ratio:1"></div>
        <div class="info">
          <div class="placeholder" style="height:32px;width:60%"></div>
          <div class="placeholder" style="height:20px;width:35%"></div>
          <div class="placeholder" style="height:56px;width:80%"></div>
        </div>
      </section>
    </div>`;
  }

  private renderAlbum(album: AlbumPage): TemplateResult[] {
    return [this.renderHero(album), html`<div class="columns">
      <div class="column">${this.renderDescription(album)} ${this.renderTracks(album)}</div>
      <div class="column">${this.renderRecords(album)} ${this.renderPlays()}</div>
    </div>`];
  }

  private renderHero(album: AlbumPage): TemplateResult {
    const years = [
      album.original_year ? this.t("album.original_year", { year: album.original_year }) : "",
      album.pressing_year && album.pressing_year !== album.original_year
        ? this.t("album.pressing_year", { year: album.pressing_year })
        : "",
    ].filter(Boolean);
    return html`<section class="card hero">
      <aime-cover
        fluid
        style="width:220px"
        data-testid="album-cover"
        .src=${album.cover ?? null}
        .label=${album.title}
      ></aime-cover>
      <div class="info">
        <span class="overline">${this.t("album.kind")}</span>
        <h1 class="name-heading" dir="auto" title=${album.title} data-testid="album-title">${album.title || this.t("common.unknown")}</h1>
        <a class="by name-heading" dir="auto" title=${album.artist} data-testid="album-artist" href=${artistPath(album.artist_id)} @click=${followLink}
          >${album.artist}</a
        >
        ${years.length ? html`<div class="facts">${years.map((year) => html`<span>${year}</span>`)}</div>` : nothing}
        ${this.renderChips(album.genres, "genre", "album.genres")} ${this.renderChips(album.styles, "style", "album.styles")}
        <div class="figures">
          ${heroFigure(formatNumber(this.hass, album.total_plays), this.t("album.plays"))}
          ${heroFigure(formatDuration(this.hass, album.listening_seconds), this.t("album.listening"))}
          ${heroFigure(playedOn(this.hass, "album", album.first_played_at), this.t("album.first_played"))}
          ${heroFigure(playedOn(this.hass, "album", album.last_played_at), this.t("album.last_played"))}
        </div>
        ${heroActions(this.hass, "album", album)}
      </div>
    </section>`;
  }

  private renderChips(values: string[], kind: string, label: string): TemplateResult | typeof nothing {
    if (!values.length) return nothing;
    return html`<ul class="chips" aria-label=${this.t(label)}>
      ${values.map((value) => html`<li class="chip ${kind}">${value}</li>`)}
    </ul>`;
  }

  private renderDescription(album: AlbumPage): TemplateResult {
    const description = album.description;
    const admin = isAdmin(this.hass);
    return html`<section class="card description">
      <h2>
        <span>${this.t("album.description")}</span>
        ${admin
          ? html`<button data-testid="album-regenerate" ?disabled=${this.writing} @click=${() => this.writeDescription()}>
              ${this.writing ? this.t("album.writing") : this.t(description ? "album.regenerate" : "album.write")}
            </button>`
          : nothing}
      </h2>
      <div data-testid="album-description" aria-busy=${this.writing ? "true" : "false"}>
        ${description
          ? html`${description.text
                .split(/\n{2,}/)
                .map((paragraph) => html`<p>${paragraph}</p>`)}
              <p class="muted" data-testid="album-description-by">
                ${this.t("album.description_by", {
                  model: description.model,
                  when: formatDateTime(this.hass, description.generated_at, { dateStyle: "long" }),
                })}
              </p>`
          : html`<p class="empty-line">${this.t("album.no_description")}</p>`}
      </div>
      ${this.writeError
        ? html`<p class="error" role="alert" data-testid="album-regenerate-error">${this.writeError}</p>`
        : nothing}
    </section>`;
  }

  private renderTracks(album: AlbumPage): TemplateResult {
    const most = Math.max(1, ...album.tracks.map((track) => track.plays));
    return html`<section class="card">
      <h2>${this.t("album.tracks")}</h2>
      ${album.tracks.length
        ? html`<ol class="rows">
            ${album.tracks.map(
              (track) => html`<li data-testid="album-track">
                <span class="number">${track.track_number ?? "–"}</span>
                <div class="main">
                  <span class="ellipsis" dir="auto" title=${track.title}>${track.title}</span>
                  ${track.artist !== album.artist
                    ? html`<a class="muted ellipsis" dir="auto" title=${track.artist} href=${artistPath(track.artist_id)} @click=${followLink}
                        >${track.artist}</a
                      >`
                    : nothing}
                  <div class="bar" aria-hidden="true"><span style="width:${(track.plays / most) * 100}%"></span></div>
                </div>
                <span class="count">
                  ${playsText(this.hass, track.plays)}
                  ${track.duration ? html`<br /><span class="muted">${clock(track.duration)}</span>` : nothing}
                </span>
              </li>`,
            )}
          </ol>`
        : html`<p class="empty-line">${this.t("album.no_tracks")}</p>`}
    </section>`;
  }

  private renderRecords(album: AlbumPage): TemplateResult {
    return html`<section class="card" data-testid="album-records">
      <h2>${this.t("album.records")}</h2>
      ${album.records.length
        ? html`<ul class="rows">
            ${album.records.map(
              (record) => html`<li data-testid="album-record">
                <div class="main">
                  <span><span class="badge">${formatName(this.hass, record.format)}</span>
                    ${record.pressing_year ? this.t("album.record_pressing", { year: record.pressing_year }) : ""}</span>
                  ${record.labels ? html`<span class="muted ellipsis">${record.labels}</span>` : nothing}
                  ${record.added_at
                    ? html`<span class="muted">${this.t("album.record_added", {
                        when: formatDateTime(this.hass, record.added_at, { dateStyle: "medium" }),
                      })}</span>`
                    : nothing}
                </div>
                ${record.discogs_url && /^https:\/\//.test(record.discogs_url)
                  ? html`<a href=${record.discogs_url} target="_blank" rel="noopener noreferrer"
                      >${this.t("album.record_discogs")} ↗</a
                    >`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="empty-line">${this.t("album.not_owned")}</p>`}
    </section>`;
  }

  private renderPlays(): TemplateResult {
    const { entries, total } = this.plays;
    return html`<section class="card">
      <h2>
        <span>${this.t("album.history")}</span>
        <span class="muted">${formatNumber(this.hass, total)}</span>
      </h2>
      <div class="scroll-list">
      ${entries.length
        ? html`<ul class="rows" data-testid="album-plays">
            ${entries.map(
              (play) => html`<li data-testid="album-play-row">
                <div class="main">
                  <span class="ellipsis" dir="auto" title=${play.title}>${play.title}</span>
                  <span class="muted ellipsis">
                    ${[
                      this.t("album.via", { source: sourceName(this.hass, play.source) }),
                      play.device ? this.t("album.on_device", { device: play.device }) : "",
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </div>
                <time class="count" datetime=${play.local_time}>${formatDateTime(this.hass, play.played_at)}</time>
              </li>`,
            )}
          </ul>`
        : html`<p class="empty-line" data-testid="album-plays">${this.t("album.no_plays")}</p>`}
      ${this.moreError
        ? html`<div class="error" role="alert">
            ${this.t("common.error", { message: this.moreError })}
            <button @click=${() => this.loadMorePlays()}>${this.t("common.retry")}</button>
          </div>`
        : html`<aime-load-more
            .more=${entries.length < total}
            .busy=${this.loadingMore}
            .label=${this.t("album.more_plays")}
            @aime-load-more=${() => this.loadMorePlays()}
          ></aime-load-more>`}
      </div>
    </section>`;
  }
}

/** `newer` then the plays of `older` it lacks (pages shift as plays arrive), newest first. */
function mergePlays(newer: JournalEntry[], older: JournalEntry[]): JournalEntry[] {
  const seen = new Set(newer.map((play) => play.play_id));
  const oldest = newer.length ? newer[newer.length - 1].played_at : Infinity;
  return [...newer, ...older.filter((play) => !seen.has(play.play_id) && play.played_at <= oldest)];
}

/** A track length as a clock: "4:07". */
function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(Math.round(seconds % 60)).padStart(2, "0")}`;
}

define("aime-album", AimeAlbumView);
