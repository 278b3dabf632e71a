// One play of the journal: cover, title, artist and album links, "only this" filters, time and
// sources. A plain template function (no element per row), guarded by the view.
import { mdiFilter } from "@mdi/js";
import { html, nothing } from "lit";
import type { HistoryFilter, JournalEntry } from "../../data/journal";
import { localize } from "../../i18n";
import type { HomeAssistant } from "../../types";
import { albumLink, artistLink, lovedHeart, playMoment, playTime, sourceBadges } from "../shared/play-parts";

export interface RowContext {
  hass: HomeAssistant;
  narrow: boolean;
  /** Arrived live: highlighted. */
  fresh: boolean;
  /** Narrows the journal to the row's artist or album. */
  filter: (change: Partial<HistoryFilter>) => void;
}

export function journalRow(entry: JournalEntry, context: RowContext) {
  const { hass } = context;
  return html`<li class="row ${context.fresh ? "fresh" : ""}" data-testid="journal-row" data-play-id=${entry.play_id}>
    <aime-cover .src=${entry.cover ?? null} .size=${context.narrow ? 40 : 48} label=${entry.album}></aime-cover>
    <div class="text">
      <div class="line">
        <span class="title ellipsis" dir="auto" title=${entry.title} data-testid="journal-title">${entry.title}</span>
        ${lovedHeart(hass, entry)}
      </div>
      <div class="line muted">
        <span class="ellipsis">${artistLink(entry)} · ${albumLink(entry)}</span>
      </div>
    </div>
    <div class="actions">
      ${filterButton(context, "artist", entry.artist, { artist_id: entry.artist_id })}
      ${filterButton(context, "album", entry.album, { album_id: entry.album_id })}
    </div>
    <div class="aside">
      <time datetime=${entry.local_time} title=${playMoment(hass, entry.played_at)}
        >${playTime(hass, entry.played_at)}</time
      >
      <div class="where">
        ${entry.device ? html`<span class="device muted ellipsis">${entry.device}</span>` : nothing}
        ${sourceBadges(hass, entry.sources)}
      </div>
    </div>
  </li>`;
}

function filterButton(context: RowContext, kind: "artist" | "album", name: string, change: Partial<HistoryFilter>) {
  const label = localize(context.hass, `journal.only_${kind}`, { name });
  return html`<button
    class="filter-action"
    data-testid="journal-filter-${kind}"
    aria-label=${label}
    title=${label}
    @click=${() => context.filter(change)}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiFilter} /></svg>${localize(context.hass, `journal.filter_${kind}`)}
  </button>`;
}
