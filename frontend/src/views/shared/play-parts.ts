// What the journal and the timeline show of one play: links to its artist and album, its source
// badges and its loved heart (a toggle for administrators), with their styles. Plain template
// functions: no element per row.
import { mdiHeart, mdiHeartOutline } from "@mdi/js";
import { css, html, nothing, type TemplateResult } from "lit";
import { isAdmin } from "../../data/commands";
import { translatedError } from "../../data/errors";
import type { JournalEntry, Source } from "../../data/journal";
import { setLoved } from "../../data/loves";
import { localize } from "../../i18n";
import { albumPath, artistPath, followLink } from "../../navigate";
import type { HomeAssistant } from "../../types";

// Lists format a time per row: one formatter per language, time zone and style, not one per row.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(hass: HomeAssistant, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const language = hass.locale?.language ?? hass.language ?? "en";
  const timeZone = hass.config?.time_zone;
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

/** A play's start, "21:15" / "9:15 PM", in Home Assistant's time zone. */
export const playTime = (hass: HomeAssistant, epochSeconds: number): string =>
  formatter(hass, { timeStyle: "short" }).format(epochSeconds * 1000);

/** The start of an hour ("14:00" / "2:00 PM"); `moment` is ISO text with its offset, or epoch seconds. */
export const hourTime = (hass: HomeAssistant, moment: string | number): string =>
  formatter(hass, { hour: "numeric", minute: "2-digit" }).format(
    typeof moment === "number" ? moment * 1000 : Date.parse(moment),
  );

/** A play's start with its date, for a tooltip. */
export const playMoment = (hass: HomeAssistant, epochSeconds: number): string =>
  formatter(hass, { dateStyle: "medium", timeStyle: "short" }).format(epochSeconds * 1000);

export const sourceLabel = (hass: HomeAssistant, source: Source | string): string =>
  source === "manual" ? localize(hass, "journal.source.manual") : localize(hass, `common.source.${source}`);

export function artistLink(entry: Pick<JournalEntry, "artist_id" | "artist">): TemplateResult {
  return html`<a class="artist" dir="auto" title=${entry.artist} href=${artistPath(entry.artist_id)} @click=${followLink}
    >${entry.artist}</a
  >`;
}

export function albumLink(entry: Pick<JournalEntry, "album_id" | "album">): TemplateResult {
  return html`<a class="album" dir="auto" title=${entry.album} href=${albumPath(entry.album_id)} @click=${followLink}
    >${entry.album}</a
  >`;
}

export function sourceBadges(hass: HomeAssistant, sources: Source[]): TemplateResult {
  return html`<span class="badges"
    >${sources.map(
      (source) => html`<span class="badge" data-source=${source}>${sourceLabel(hass, source)}</span>`,
    )}</span
  >`;
}

type Loved = Pick<JournalEntry, "track_id" | "loved">;

/** The play's heart: shown when loved; for administrators, a button that loves or unloves. */
export function lovedHeart(hass: HomeAssistant, entry: Loved): TemplateResult | typeof nothing {
  if (!isAdmin(hass)) {
    if (!entry.loved) return nothing;
    const label = localize(hass, "common.loved");
    return html`<svg class="heart" viewBox="0 0 24 24" role="img" aria-label=${label} data-testid="loved">
      <title>${label}</title>
      <path d=${mdiHeart} />
    </svg>`;
  }
  return html`<button
    class="love"
    type="button"
    aria-pressed=${entry.loved ? "true" : "false"}
    aria-label=${localize(hass, "common.love")}
    title=${localize(hass, "common.love")}
    data-testid="love-toggle"
    data-track-id=${entry.track_id}
    @click=${(event: Event) => toggleLoved(hass, entry, event.currentTarget as HTMLElement)}
  >
    <svg class="heart" viewBox="0 0 24 24" aria-hidden="true" data-testid=${entry.loved ? "loved" : "not-loved"}>
      <path d=${entry.loved ? mdiHeart : mdiHeartOutline} />
    </svg>
  </button>`;
}

/** Optimistic: the entry and every heart of the track change at once, and back if the call fails.
 * The rows are guarded (not re-rendered for this), so the hearts are updated in place. */
async function toggleLoved(hass: HomeAssistant, entry: Loved, button: HTMLElement): Promise<void> {
  const wanted = !entry.loved;
  const root = button.getRootNode() as ParentNode;
  const show = (loved: boolean) => {
    entry.loved = loved;
    for (const heart of root.querySelectorAll<HTMLElement>(`button.love[data-track-id="${entry.track_id}"]`)) {
      heart.setAttribute("aria-pressed", loved ? "true" : "false");
      heart.querySelector("svg")?.setAttribute("data-testid", loved ? "loved" : "not-loved");
      heart.querySelector("path")?.setAttribute("d", loved ? mdiHeart : mdiHeartOutline);
    }
  };
  show(wanted);
  try {
    await setLoved(hass, entry.track_id, wanted);
  } catch (error) {
    show(!wanted);
    const message = await translatedError(hass, error);
    button.dispatchEvent(
      new CustomEvent("hass-notification", {
        detail: { message: localize(hass, "common.love_failed", { message }) },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

export const playStyles = css`
  /* A play's text: its title's line over its artist's and album's. */
  .text {
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .line {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px 1px 6px;
    border-radius: 999px;
    font-size: 0.75rem;
    line-height: 1.4;
    white-space: nowrap;
    color: var(--secondary-text-color);
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .badge::before {
    content: "";
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--aime-source-color, var(--secondary-text-color));
  }
  .badge[data-source="lastfm"] {
    --aime-source-color: #d51007;
  }
  .badge[data-source="roon"] {
    --aime-source-color: #4285f4;
  }
  .badge[data-source="home_assistant"] {
    --aime-source-color: #18bcf2;
  }
  .badge[data-source="listenbrainz"] {
    --aime-source-color: #eb743b;
  }
  .badge[data-source="spotify"] {
    --aime-source-color: #1db954;
  }
  .badge[data-source="endpoint"] {
    --aime-source-color: #6d4c41;
  }
  .badge[data-source="aime_import"] {
    --aime-source-color: #8e24aa;
  }
  .badge[data-source="manual"] {
    --aime-source-color: #43a047;
  }
  .heart {
    width: 18px;
    height: 18px;
    flex: none;
    fill: var(--error-color, #db4437);
  }
  button.love {
    display: inline-flex;
    flex: none;
    padding: 2px;
    border: none;
    border-radius: 50%;
    background: none;
    cursor: pointer;
  }
  button.love[aria-pressed="false"] .heart {
    fill: var(--secondary-text-color);
    opacity: 0.6;
  }
  button.love:hover .heart,
  button.love:focus-visible .heart {
    opacity: 1;
  }
  a.artist,
  a.album {
    color: inherit;
  }
  a.artist:hover,
  a.album:hover {
    color: var(--primary-color);
  }
  .title {
    font-weight: 500;
  }
`;
